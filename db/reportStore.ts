import type Database from 'better-sqlite3';
import type { ItemCount } from '../src/domain/scoring';
import type { Breakdown, ReportFilter, ReportStore, ResponseCounts } from '../src/services/ports';

/**
 * Reports read the counts kept by the survey store, grouped by SQL; no report
 * loads response rows into JavaScript. Without a counter/officer/field filter
 * they read the by-day tables (a year is a few thousand rows); with one, the
 * finer tables. Every filter is a bound parameter; a NULL parameter means "any".
 */
const DAY_WHERE = `local_day BETWEEN @from AND @to
  AND (@questionnaireId IS NULL OR (questionnaire_id = @questionnaireId AND questionnaire_version = @questionnaireVersion))`;

const WHERE = `${DAY_WHERE}
  AND (@counter IS NULL OR counter = @counter)
  AND (@officer IS NULL OR officer = @officer)
  AND (@field IS NULL OR field = @field)`;

const KINDS = `(kind = 'counted' OR (kind = 'suspect' AND @suspect) OR (kind = 'abandoned' AND @abandoned))`;

const RESPONSE_COLUMNS = `coalesce(sum(n) FILTER (WHERE kind = 'counted'), 0) AS counted,
  coalesce(sum(n) FILTER (WHERE kind <> 'abandoned'), 0) AS completed,
  coalesce(sum(n) FILTER (WHERE kind = 'abandoned'), 0) AS abandoned,
  coalesce(sum(n) FILTER (WHERE kind = 'suspect'), 0) AS suspect`;

// Column names cannot be parameters; they come from this fixed list only.
const BREAKDOWN_COLUMN: Record<Breakdown, string> = { counter: 'counter', officer: 'officer', field: 'field' };

interface Params {
  from: string;
  to: string;
  counter: string | null;
  officer: string | null;
  field: string | null;
  questionnaireId: string | null;
  questionnaireVersion: number | null;
  suspect: number;
  abandoned: number;
}

const paramsOf = (filter: ReportFilter): Params => ({
  from: filter.from,
  to: filter.to,
  counter: filter.counter ?? null,
  officer: filter.officer ?? null,
  field: filter.field ?? null,
  questionnaireId: filter.questionnaire?.id ?? null,
  questionnaireVersion: filter.questionnaire?.version ?? null,
  suspect: filter.include?.suspect ? 1 : 0,
  abandoned: filter.include?.abandoned ? 1 : 0,
});

const isFine = (p: Params) => p.counter !== null || p.officer !== null || p.field !== null;

export function createReportStore(db: Database.Database): ReportStore {
  /** One query prepared over both grains; the filter decides which one runs. */
  const bothGrains = <Row>(sql: (table: string, where: string) => string) => {
    const fine = db.prepare<Params, Row>(sql('answer_counts', WHERE));
    const coarse = db.prepare<Params, Row>(sql('day_answer_counts', DAY_WHERE));
    return (filter: ReportFilter) => {
      const p = paramsOf(filter);
      return (isFine(p) ? fine : coarse).all(p);
    };
  };
  const responsesFine = db.prepare<Params, ResponseCounts>(`SELECT ${RESPONSE_COLUMNS} FROM response_counts WHERE ${WHERE}`);
  const responsesCoarse = db.prepare<Params, ResponseCounts>(`SELECT ${RESPONSE_COLUMNS} FROM day_response_counts WHERE ${DAY_WHERE}`);
  const answers = bothGrains<ItemCount>(
    (table, where) => `SELECT item, value5 AS value, sum(n) AS count FROM ${table} WHERE ${where} AND ${KINDS} GROUP BY item, value5`,
  );
  const answersByDay = bothGrains<ItemCount & { day: string }>(
    (table, where) => `SELECT local_day AS day, item, value5 AS value, sum(n) AS count FROM ${table}
      WHERE ${where} AND ${KINDS} GROUP BY local_day, item, value5`,
  );
  const by = (column: string) => ({
    answers: db.prepare<Params, ItemCount & { key: string }>(
      `SELECT ${column} AS key, item, value5 AS value, sum(n) AS count FROM answer_counts
        WHERE ${WHERE} AND ${KINDS} GROUP BY ${column}, item, value5`,
    ),
    responses: db.prepare<Params, ResponseCounts & { key: string }>(
      `SELECT ${column} AS key, ${RESPONSE_COLUMNS} FROM response_counts WHERE ${WHERE} GROUP BY ${column}`,
    ),
  });
  const revision = db.prepare<[], { revision: number }>('SELECT coalesce(max(rowid), 0) AS revision FROM responses');
  const breakdowns = {
    counter: by(BREAKDOWN_COLUMN.counter),
    officer: by(BREAKDOWN_COLUMN.officer),
    field: by(BREAKDOWN_COLUMN.field),
  };

  return {
    countResponses(filter) {
      const p = paramsOf(filter);
      return (isFine(p) ? responsesFine : responsesCoarse).get(p) ?? { counted: 0, completed: 0, abandoned: 0, suspect: 0 };
    },
    countAnswers: answers,
    countAnswersByDay: answersByDay,
    countAnswersBy: (filter, column) => breakdowns[column].answers.all(paramsOf(filter)),
    countResponsesBy: (filter, column) => breakdowns[column].responses.all(paramsOf(filter)),
    revision: () => revision.get()?.revision ?? 0,
  };
}
