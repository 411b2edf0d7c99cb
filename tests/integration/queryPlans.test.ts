import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExportStore } from '../../db/exportStore';
import { createFeedbackStore } from '../../db/feedbackStore';
import { createReportStore, everyReportShape, REPORT_SQL, type ReportShape } from '../../db/reportStore';
import type { Breakdown, ReportFilter } from '../../src/services/ports';
import { seedResponses } from '../bench/seed';

/**
 * EXPLAIN QUERY PLAN for every report, export and inbox statement, on a database
 * of the benchmark's shape (tests/bench/seed.ts: 183 responses a day over three
 * counters, three officers and five fields), twice: without statistics, as the
 * app runs (it never runs ANALYZE), and with ANALYZE, in case it ever does. With
 * SQLITE_ENABLE_STAT4 the planner weighs the bound values: a one-day range over
 * the seeded 17 days covers the share of the rows a year covers among the
 * million's 15 years, so it chooses as it would at size. The statements are the
 * stores' own: the report store exports its SQL by filter shape; the export and
 * inbox stores are built over a database that records what they prepare.
 */

const SEEDED = 3_000;
let dir: string;
type Statistics = 'without statistics' | 'after ANALYZE';
const databases: Record<Statistics, Database.Database> = {} as never;
let db: Database.Database;

// One seeded database for every statement (seeding it is most of this file's time).
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-plans-'));
  const file = path.join(dir, 'plans.sqlite3');
  seedResponses(file, SEEDED);
  fs.copyFileSync(file, path.join(dir, 'analyzed.sqlite3'));
  databases['without statistics'] = new Database(file, { readonly: true });
  databases['after ANALYZE'] = new Database(path.join(dir, 'analyzed.sqlite3'));
  databases['after ANALYZE'].exec('ANALYZE');
});
afterAll(() => {
  for (const each of Object.values(databases)) each.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Step {
  /** The table the step reads, aliases resolved. */
  table: string;
  scan: boolean;
  detail: string;
}

/** Realistic values for the parameters the stores name; positional ones get a day. */
const VALUES: Record<string, string | number> = {
  from: '2026-11-30',
  to: '2026-11-30',
  fromDay: '2026-11-30',
  toDay: '2026-11-30',
  day: '2026-11-30',
  counter: 'Q2',
  officer: 'nv01',
  field: 'dat-dai',
  questionnaireId: 'sipas-quick',
  questionnaireVersion: 1,
  after: 0,
  limit: 50,
  before: 1_000,
  threshold: 2,
  status: 'in_progress',
};

function planOf(sql: string): Step[] {
  const aliases = new Map<string, string>();
  for (const [, table, alias] of sql.matchAll(
    /\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(?!WHERE|JOIN|LEFT|ON|GROUP|ORDER)(\w+))?/gi,
  )) {
    aliases.set((alias ?? table)!, table!);
  }
  const named = [...new Set([...sql.matchAll(/@(\w+)/g)].map(([, name]) => name!))];
  const explain = db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`);
  const rows =
    named.length > 0
      ? explain.all(Object.fromEntries(named.map((name) => [name, VALUES[name] ?? null])))
      : explain.all(...Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => '2026-11-30'));
  return rows.flatMap(({ detail }) => {
    const step = /^(SCAN|SEARCH) (\w+)/.exec(detail);
    return step ? [{ table: aliases.get(step[2]!) ?? step[2]!, scan: step[1] === 'SCAN', detail }] : [];
  });
}

/** The full scans of responses or answers in a statement's plan. */
const rawScans = (sql: string) =>
  planOf(sql).filter((step) => step.scan && (step.table === 'responses' || step.table === 'answers'));

/** Every statement a store prepares when it is built. */
function preparedBy(build: (db: Database.Database) => unknown): string[] {
  const seen: string[] = [];
  const recording = new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') return (sql: string) => (seen.push(sql), target.prepare(sql));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  build(recording);
  return seen.filter((sql) => /^\s*SELECT/i.test(sql));
}

const describeShape = ({ dimensions, questionnaire, kinds }: ReportShape) =>
  `${dimensions.join('+') || 'no desk filter'}${questionnaire ? ', one version' : ''}, ${kinds.join('+')}`;

function reportStatements(): Array<{ name: string; sql: string }> {
  const breakdowns: Breakdown[] = ['counter', 'officer', 'field'];
  return [
    { name: 'revision', sql: REPORT_SQL.revision() },
    ...everyReportShape().flatMap((shape) => [
      { name: `responses (${describeShape(shape)})`, sql: REPORT_SQL.responses(shape) },
      { name: `responses by day (${describeShape(shape)})`, sql: REPORT_SQL.responsesByDay(shape) },
      { name: `answers (${describeShape(shape)})`, sql: REPORT_SQL.answers(shape) },
      { name: `answers by day (${describeShape(shape)})`, sql: REPORT_SQL.answersByDay(shape) },
      ...breakdowns.flatMap((by) => [
        { name: `answers by ${by} (${describeShape(shape)})`, sql: REPORT_SQL.answersBy(shape, by) },
        { name: `responses by ${by} (${describeShape(shape)})`, sql: REPORT_SQL.responsesBy(shape, by) },
      ]),
    ]),
  ];
}

describe.each(['without statistics', 'after ANALYZE'] as const)('%s', (which) => {
  beforeAll(() => {
    db = databases[which];
  });

  describe('the plan check itself', () => {
    it('finds the full scan the old filter pattern causes, and none when the filter is written out', () => {
      expect(rawScans('SELECT count(*) FROM responses r WHERE (@day IS NULL OR r.local_day = @day)')).toEqual([
        expect.objectContaining({ table: 'responses', scan: true }),
      ]);
      expect(rawScans('SELECT count(*) FROM responses r WHERE r.local_day = @day')).toEqual([]);
    });
  });

  describe('report statements', () => {
    const statements = reportStatements();

    it('cover every filter shape: 8 desk filter sets × with or without a version × 4 sets of kinds', () => {
      expect(everyReportShape()).toHaveLength(64);
      expect(statements).toHaveLength(1 + 64 * 10);
    });

    it('are the very statements the store prepares, for a filter of each shape', () => {
      const prepared = preparedBy((recording) => {
        const store = createReportStore(recording);
        for (const { dimensions, questionnaire, kinds } of everyReportShape()) {
          const filter: ReportFilter = {
            from: VALUES.from as string,
            to: VALUES.to as string,
            ...Object.fromEntries(dimensions.map((column) => [column, VALUES[column]])),
            questionnaire: questionnaire ? { id: 'sipas-quick', version: 1 } : null,
            include: { suspect: kinds.includes('suspect'), abandoned: kinds.includes('abandoned') },
          };
          store.countResponses(filter);
          store.countResponsesByDay(filter);
          store.countAnswers(filter);
          store.countAnswersByDay(filter);
          for (const by of ['counter', 'officer', 'field'] as const) {
            store.countAnswersBy(filter, by);
            store.countResponsesBy(filter, by);
          }
        }
      });
      expect(new Set(prepared)).toEqual(new Set(statements.map(({ sql }) => sql)));
    });

    it('read every table by an index: no full scan of the kept counts, responses or answers', () => {
      const scans = statements.flatMap(({ name, sql }) =>
        planOf(sql)
          .filter((step) => step.scan)
          .map((step) => `${name}: ${step.detail}`),
      );
      expect(scans).toEqual([]);
    });

    it('bind only the filters that are set, never (@x IS NULL OR col = @x)', () => {
      expect(statements.filter(({ sql }) => /IS NULL OR/i.test(sql)).map(({ name }) => name)).toEqual([]);
    });

    it('read a filtered period from the counts by that column, by counter or officer or field, then kind, then day', () => {
      for (const column of ['counter', 'officer', 'field'] as const) {
        const shape: ReportShape = { dimensions: [column], questionnaire: false, kinds: ['counted'] };
        for (const sql of [REPORT_SQL.answers(shape), REPORT_SQL.answersByDay(shape)]) {
          expect(planOf(sql).map((step) => step.detail)).toEqual([
            expect.stringMatching(
              new RegExp(
                `^SEARCH ${column}_item_counts USING PRIMARY KEY \\(${column}=\\? AND kind=\\? AND local_day>\\? AND local_day<\\?\\)`,
              ),
            ),
          ]);
        }
      }
    });

    it("group a trend of the counted answers in the index's day order, with no sort", () => {
      for (const dimensions of [[], ['counter']] as const) {
        const plan = db.prepare<unknown[], { detail: string }>(
          `EXPLAIN QUERY PLAN ${REPORT_SQL.answersByDay({ dimensions, questionnaire: false, kinds: ['counted'] })}`,
        );
        const details = plan
          .all({ from: VALUES.from, to: VALUES.to, ...(dimensions.length > 0 ? { counter: 'Q2' } : {}) })
          .map((row) => row.detail);
        expect(details.filter((detail) => detail.includes('TEMP B-TREE'))).toEqual([]);
      }
    });
  });

  describe('export statements', () => {
    let statements: string[];
    beforeAll(() => {
      statements = preparedBy(createExportStore);
    });

    it('are all examined', () => {
      expect(statements.filter((sql) => /\bresponses\b/.test(sql)).length).toBeGreaterThanOrEqual(8);
    });

    it('never scan responses or answers in full', () => {
      expect(statements.flatMap((sql) => rawScans(sql).map((step) => `${sql.slice(0, 80)}…: ${step.detail}`))).toEqual(
        [],
      );
    });
  });

  describe('inbox statements', () => {
    let statements: string[];
    beforeAll(() => {
      statements = preparedBy(createFeedbackStore);
    });

    it('are all examined', () => {
      expect(statements.filter((sql) => /\b(responses|answers)\b/.test(sql)).length).toBeGreaterThanOrEqual(6);
    });

    it('never scan responses or answers in full', () => {
      expect(statements.flatMap((sql) => rawScans(sql).map((step) => `${sql.slice(0, 80)}…: ${step.detail}`))).toEqual(
        [],
      );
    });

    it('bind only the filters that are set, never (@x IS NULL OR col = @x)', () => {
      expect(statements.filter((sql) => /@\w+ IS NULL OR/i.test(sql))).toEqual([]);
    });

    it('read a page, of every status or one, newest first from the order index, with no sort', () => {
      const pages = statements.filter((sql) => /ORDER BY f\.response_seq DESC LIMIT @limit/.test(sql));
      expect(pages).toHaveLength(4);
      for (const sql of pages) {
        const details = planOf(sql).map((step) => step.detail);
        expect(details[0]).toMatch(
          sql.includes('@status')
            ? /^SEARCH f USING INDEX feedback_by_status \(status=\?/
            : /^(SCAN|SEARCH) f USING (COVERING )?INDEX feedback_by_order/,
        );
        const plan = db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`);
        const all = plan.all(
          Object.fromEntries(
            [...new Set([...sql.matchAll(/@(\w+)/g)].map(([, name]) => name!))].map((name) => [name, VALUES[name]]),
          ),
        );
        expect(all.map((row) => row.detail).filter((detail) => detail.includes('TEMP B-TREE'))).toEqual([]);
      }
    });

    it('find the oldest open item of a status at the head of its index range', () => {
      const [oldest] = statements.filter((sql) => /ORDER BY f\.response_seq LIMIT 1/.test(sql));
      expect(planOf(oldest!).map((step) => step.detail)[0]).toMatch(
        /^SEARCH f USING INDEX feedback_by_status \(status=\?\)/,
      );
    });
  });
});

describe('the inbox order index (db/migrations/0014)', () => {
  it("keeps each item at its response's place, also for an item added after newer responses", () => {
    const writable = databases['after ANALYZE'];
    const older = writable
      .prepare<[], { seq: number; id: string }>(
        'SELECT r.rowid AS seq, r.id FROM responses r WHERE NOT EXISTS (SELECT 1 FROM feedback f WHERE f.response_id = r.id) ORDER BY r.rowid LIMIT 1',
      )
      .get()!;
    writable.prepare('INSERT INTO feedback (response_id) VALUES (?)').run(older.id);

    const misplaced = writable.prepare(
      'SELECT count(*) FROM feedback f JOIN responses r ON r.id = f.response_id WHERE f.response_seq IS NOT r.rowid',
    );
    expect(misplaced.pluck().get()).toBe(0);
    const store = createFeedbackStore(writable);
    expect(
      store.page({ status: null, before: older.seq + 1, limit: 1, threshold: 2 }).map((item) => item.responseId),
    ).toEqual([older.id]);
    expect(
      store.page({ status: 'new', before: older.seq + 1, limit: 1, threshold: 2 }).map((item) => item.responseId),
    ).toEqual([older.id]);
    // The oldest open item, as the statement ordered by the responses' rowid finds it: here in progress.
    const oldestOpen = writable.prepare(
      "SELECT f.response_id FROM feedback f JOIN responses r ON r.id = f.response_id WHERE f.status <> 'resolved' ORDER BY r.rowid LIMIT 1",
    );
    writable
      .prepare(
        "UPDATE feedback SET status = 'resolved' WHERE response_id = (SELECT response_id FROM feedback ORDER BY response_seq LIMIT 1)",
      )
      .run();
    writable
      .prepare(
        "UPDATE feedback SET status = 'in_progress' WHERE response_id = (SELECT response_id FROM feedback ORDER BY response_seq LIMIT 1 OFFSET 1)",
      )
      .run();
    expect(store.stats().oldestUnhandled?.responseId).toBe(oldestOpen.pluck().get());
  });
});
