import type Database from 'better-sqlite3';
import type { Distribution, QuestionnaireRef } from '../src/domain/scoring';
import type {
  Breakdown,
  QuestionnaireItemCount,
  ReportFilter,
  ReportStore,
  ResponseCounts,
} from '../src/services/ports';

/**
 * Reports read the counts kept beside the raw rows (db/migrations/0005 and 0010),
 * grouped by SQL; no report loads response rows into JavaScript.
 *
 * Each filter gets its own statement, written for the counts that answer it with
 * an index range: no counter/officer/field filter reads the by-day counts; one of
 * them reads the counts by that column (its key leads with it: a year of one
 * counter is a few thousand rows); two or more read the finest counts over the
 * days. A filter that is not set is left out of the SQL rather than bound as
 * NULL: `(@x IS NULL OR col = @x)` keeps SQLite from using any index on col.
 * tests/integration/queryPlans.test.ts holds every statement to its plan.
 * A trend of one kind reads the item counts as kept (one row per day, version
 * and item already): no aggregation, rows in key order.
 *
 * Every query groups by questionnaire version too (the kept counts carry it in
 * their key): an index is computed per version and never pooled across them.
 */

const DIMENSIONS: readonly Breakdown[] = ['counter', 'officer', 'field'];

type Kind = 'counted' | 'suspect' | 'abandoned';

/** Which filters a statement is written for; the values are bound. */
export interface ReportShape {
  /** The counter/officer/field filters set, in DIMENSIONS order. */
  dimensions: readonly Breakdown[];
  questionnaire: boolean;
  /** The kinds of responses whose answers count: 'counted' and whichever the filter includes. */
  kinds: readonly Kind[];
}

type Grain = 'day' | Breakdown | 'finest';

const TABLES: Record<Grain, { responses: string; answers: string }> = {
  day: { responses: 'day_response_counts', answers: 'day_item_counts' },
  counter: { responses: 'counter_response_counts', answers: 'counter_item_counts' },
  officer: { responses: 'officer_response_counts', answers: 'officer_item_counts' },
  field: { responses: 'field_response_counts', answers: 'field_item_counts' },
  finest: { responses: 'response_counts', answers: 'answer_counts' },
};

/** The coarsest counts that still carry every filtered column (and the breakdown's, if any). */
function grainOf({ dimensions }: ReportShape, by?: Breakdown): Grain {
  const needed = new Set([...dimensions, ...(by ? [by] : [])]);
  if (needed.size === 0) return 'day';
  if (needed.size === 1) return [...needed][0]!;
  return 'finest';
}

/**
 * Kinds are listed, never left open: with `kind IN (…)` the counts keyed by kind
 * then day are read by range, and with the one kind a report counts by default
 * (`kind IN ('counted')`, an equality) they come in day order, so a trend groups
 * them as they come instead of sorting them. The names come from the fixed Kind list.
 */
const kindsIn = (kinds: readonly Kind[]) => `kind IN (${kinds.map((kind) => `'${kind}'`).join(', ')})`;
const EVERY_KIND = kindsIn(['counted', 'suspect', 'abandoned']);

function whereOf(shape: ReportShape): string {
  return [
    'local_day BETWEEN @from AND @to',
    ...shape.dimensions.map((column) => `${column} = @${column}`),
    ...(shape.questionnaire
      ? ['questionnaire_id = @questionnaireId', 'questionnaire_version = @questionnaireVersion']
      : []),
  ].join(' AND ');
}

/** The names of src/domain/responseCounts.ts; responses is the sum of the three kinds. */
const RESPONSE_COLUMNS = `coalesce(sum(n), 0) AS responses,
  coalesce(sum(n) FILTER (WHERE kind = 'counted'), 0) AS counted,
  coalesce(sum(n) FILTER (WHERE kind = 'suspect'), 0) AS suspect,
  coalesce(sum(n) FILTER (WHERE kind = 'abandoned'), 0) AS abandoned`;

const QUESTIONNAIRE = 'questionnaire_id AS qid, questionnaire_version AS qversion';
const BY_QUESTIONNAIRE = 'questionnaire_id, questionnaire_version';

/**
 * An item's five value counts in one row, as the item counts keep them (the
 * finest counts have a row per value): a fifth of the rows to read and to hand
 * to JavaScript, which is most of what a report costs. Answer statements return
 * (questionnaire, item, v1…v5[, day or breakdown key]), read as arrays.
 */
const valueColumns = (grain: Grain) =>
  `${QUESTIONNAIRE}, item, ${[1, 2, 3, 4, 5]
    .map(
      (value) => (grain === 'finest' ? `sum(n) FILTER (WHERE value5 = ${value})` : `sum(v${value})`) + ` AS v${value}`,
    )
    .join(', ')}`;

/** The same columns read as kept, for a statement whose rows are already one per group. */
const keptValueColumns = `${QUESTIONNAIRE}, item, v1, v2, v3, v4, v5`;

/**
 * Whether the item counts of this grain already hold one row per day, version
 * and item: they do when one kind is read (their key is the filtered column,
 * kind, day, version, item). A trend then reads them as kept, in key order,
 * with no aggregation at all (most of a trend's SQL time).
 */
const keptPerDay = (shape: ReportShape) => shape.kinds.length === 1 && grainOf(shape) !== 'finest';

/**
 * Every report statement's SQL, by the shape of the filter it answers; the one
 * source for the store and for the query-plan test. Column names come from
 * DIMENSIONS only; every value is a bound parameter.
 */
export const REPORT_SQL = {
  responses: (shape: ReportShape) =>
    `SELECT ${QUESTIONNAIRE}, ${RESPONSE_COLUMNS} FROM ${TABLES[grainOf(shape)].responses}
      WHERE ${whereOf(shape)} AND ${EVERY_KIND} GROUP BY ${BY_QUESTIONNAIRE}`,
  responsesByDay: (shape: ReportShape) =>
    `SELECT local_day AS day, ${QUESTIONNAIRE}, ${RESPONSE_COLUMNS} FROM ${TABLES[grainOf(shape)].responses}
      WHERE ${whereOf(shape)} AND ${EVERY_KIND} GROUP BY local_day, ${BY_QUESTIONNAIRE}`,
  answers: (shape: ReportShape) =>
    `SELECT ${valueColumns(grainOf(shape))} FROM ${TABLES[grainOf(shape)].answers}
      WHERE ${whereOf(shape)} AND ${kindsIn(shape.kinds)} GROUP BY ${BY_QUESTIONNAIRE}, item`,
  answersByDay: (shape: ReportShape) =>
    keptPerDay(shape)
      ? `SELECT ${keptValueColumns}, local_day AS day FROM ${TABLES[grainOf(shape)].answers}
      WHERE ${whereOf(shape)} AND ${kindsIn(shape.kinds)}`
      : `SELECT ${valueColumns(grainOf(shape))}, local_day AS day FROM ${TABLES[grainOf(shape)].answers}
      WHERE ${whereOf(shape)} AND ${kindsIn(shape.kinds)} GROUP BY local_day, ${BY_QUESTIONNAIRE}, item`,
  answersBy: (shape: ReportShape, by: Breakdown) =>
    `SELECT ${valueColumns(grainOf(shape, by))}, ${by} AS key FROM ${TABLES[grainOf(shape, by)].answers}
      WHERE ${whereOf(shape)} AND ${kindsIn(shape.kinds)} GROUP BY ${by}, ${BY_QUESTIONNAIRE}, item`,
  responsesBy: (shape: ReportShape, by: Breakdown) =>
    `SELECT ${by} AS key, ${QUESTIONNAIRE}, ${RESPONSE_COLUMNS} FROM ${TABLES[grainOf(shape, by)].responses}
      WHERE ${whereOf(shape)} AND ${EVERY_KIND} GROUP BY ${by}, ${BY_QUESTIONNAIRE}`,
  revision: () => 'SELECT coalesce(max(rowid), 0) AS revision FROM responses',
};

/** Every shape a ReportFilter can take: each subset of the dimensions, with and without a questionnaire, and each set of kinds. */
export function everyReportShape(): ReportShape[] {
  const subsets = DIMENSIONS.reduce<Breakdown[][]>(
    (sets, column) => [...sets, ...sets.map((set) => [...set, column])],
    [[]],
  );
  const kindSets: Kind[][] = [
    ['counted'],
    ['counted', 'suspect'],
    ['counted', 'abandoned'],
    ['counted', 'suspect', 'abandoned'],
  ];
  return subsets.flatMap((dimensions) =>
    [false, true].flatMap((questionnaire) => kindSets.map((kinds) => ({ dimensions, questionnaire, kinds }))),
  );
}

interface Params {
  from: string;
  to: string;
  counter?: string;
  officer?: string;
  field?: string;
  questionnaireId?: string;
  questionnaireVersion?: number;
}

/** A row as SQLite returns it: the questionnaire version in two flat columns. */
type Flat<Row> = Row & { qid: string; qversion: number };
/** An answer statement's row, read as an array: naming each row's columns costs more than the query. */
type ValueRow = [qid: string, qversion: number, item: string, ...counts: Array<number | null>, lead: string];
type Counts = [number | null, number | null, number | null, number | null, number | null];

/** The filter's shape and its parameters: only the filters set are bound, as only they are in the SQL. */
function bind(filter: ReportFilter): { shape: ReportShape; params: Params } {
  const dimensions = DIMENSIONS.filter((column) => (filter[column] ?? null) !== null);
  const kinds: Kind[] = ['counted'];
  if (filter.include?.suspect) kinds.push('suspect');
  if (filter.include?.abandoned) kinds.push('abandoned');
  const params: Params = { from: filter.from, to: filter.to };
  for (const column of dimensions) params[column] = filter[column]!;
  if (filter.questionnaire) {
    params.questionnaireId = filter.questionnaire.id;
    params.questionnaireVersion = filter.questionnaire.version;
  }
  return { shape: { dimensions, questionnaire: filter.questionnaire != null, kinds }, params };
}

/** One object per questionnaire version for a statement's rows, so the service groups them by identity. */
function questionnaireRefs(): (id: string, version: number) => QuestionnaireRef {
  const refs = new Map<string, QuestionnaireRef>();
  return (id, version) => {
    const key = `${id}\u0000${version}`;
    let ref = refs.get(key);
    if (!ref) {
      ref = { id, version };
      refs.set(key, ref);
    }
    return ref;
  };
}

function nest<Row extends object>(rows: ReadonlyArray<Flat<Row>>): Array<Row & { questionnaire: QuestionnaireRef }> {
  return rows.map(({ qid, qversion, ...rest }) => ({
    ...(rest as unknown as Row),
    questionnaire: { id: qid, version: qversion },
  }));
}

export function createReportStore(db: Database.Database): ReportStore {
  // Prepared on first use, one per query and shape (a few dozen at most).
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string, raw: boolean) => {
    let stmt = prepared.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql).raw(raw);
      prepared.set(sql, stmt);
    }
    return stmt;
  };
  // And found again by a short key of the query and shape: writing a statement's SQL out costs more than running it for a day.
  const byShape = new Map<string, Database.Statement>();
  const run = <Row>(name: keyof typeof REPORT_SQL, filter: ReportFilter, by?: Breakdown): Row[] => {
    const { shape, params } = bind(filter);
    const key = `${name} ${by ?? ''} ${shape.dimensions.join()} ${shape.questionnaire} ${shape.kinds.join()}`;
    let stmt = byShape.get(key);
    if (!stmt) {
      const sql =
        name === 'answersBy' || name === 'responsesBy' ? REPORT_SQL[name](shape, by!) : REPORT_SQL[name](shape);
      stmt = statement(sql, name.startsWith('answers'));
      byShape.set(key, stmt);
    }
    return stmt.all(params) as Row[];
  };
  const revision = db.prepare<[], { revision: number }>(REPORT_SQL.revision());
  // A read transaction (BEGIN is deferred), made once; inside another transaction it nests as a savepoint.
  const together = db.transaction((reads: () => unknown) => reads());

  /** Back to one row per item and value, as the port has it; values nobody gave have no row. */
  // `make` writes each row as one object literal: spreading a row into another costs ten times the query.
  function answerCounts<Row>(
    rows: ValueRow[],
    make: (questionnaire: QuestionnaireRef, item: string, value: number, count: number, lead: string) => Row,
  ): Row[] {
    const counts: Row[] = [];
    const refs = questionnaireRefs();
    for (const row of rows) {
      const [id, version, item] = row;
      const questionnaire = refs(id, version);
      const values = row.slice(3, 8) as Counts;
      for (let value = 1; value <= 5; value += 1) {
        const count = values[value - 1] ?? 0;
        if (count > 0) counts.push(make(questionnaire, item, value, count, row[8] as string));
      }
    }
    return counts;
  }

  return {
    countResponses: (filter) => nest<ResponseCounts>(run('responses', filter)),
    countResponsesByDay: (filter) => nest<ResponseCounts & { day: string }>(run('responsesByDay', filter)),
    countAnswers: (filter): QuestionnaireItemCount[] =>
      answerCounts(run('answers', filter), (questionnaire, item, value, count) => ({
        questionnaire,
        item,
        value,
        count,
      })),
    // Kept one row per day and item: handed on as distributions, not spread into a row per value.
    countAnswersByDay: (filter) => {
      const refs = questionnaireRefs();
      return run<ValueRow>('answersByDay', filter).map((row) => ({
        day: row[8] as string,
        questionnaire: refs(row[0], row[1]),
        item: row[2],
        distribution: [row[3] ?? 0, row[4] ?? 0, row[5] ?? 0, row[6] ?? 0, row[7] ?? 0] as Distribution,
      }));
    },
    countAnswersBy: (filter, by) =>
      answerCounts(run('answersBy', filter, by), (questionnaire, item, value, count, key) => ({
        key,
        questionnaire,
        item,
        value,
        count,
      })),
    countItemsBy: (filter, by) => {
      const refs = questionnaireRefs();
      return run<ValueRow>('answersBy', filter, by).map((row) => ({
        key: row[8] as string,
        questionnaire: refs(row[0], row[1]),
        item: row[2],
        distribution: [row[3] ?? 0, row[4] ?? 0, row[5] ?? 0, row[6] ?? 0, row[7] ?? 0] as Distribution,
      }));
    },
    countResponsesBy: (filter, by) => nest<ResponseCounts & { key: string }>(run('responsesBy', filter, by)),
    revision: () => revision.get()?.revision ?? 0,
    readTogether: <T>(reads: () => T) => together(reads) as T,
  };
}
