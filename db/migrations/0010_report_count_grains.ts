/**
 * Report counts at the grains the report filters need (issue 15), beside the
 * finest ones of migration 5 (every counter × officer × field, which a filtered
 * year had to scan in full):
 * - counter_/officer_/field_response_counts: responses per counter (officer,
 *   field), kind, day and questionnaire version;
 * - day_item_counts and counter_/officer_/field_item_counts: answers per item with
 *   its five value counts in one row (v1…v5), by day, and by counter (officer,
 *   field) and day. A year's trend is then a fifth of the rows, read in order.
 *
 * Keys lead with the filtered column, then kind, then day, so
 * `counter = ? AND kind IN (…) AND local_day BETWEEN …` is a range per kind, and
 * with one kind the rows come in day order (a trend is grouped without a sort).
 * Each table by counter/officer/field has a by-day index, covering, for the
 * tables by counter/officer/field of a period, which filter on the day only.
 *
 * They are rollups of response_counts, answer_counts and day_answer_counts, kept
 * by triggers on those tables: whatever writes the kept counts (the submit
 * transaction, a change of ratings, anything later) moves these in the same
 * statement, so they never disagree. A row whose counts fall to 0 is removed, as
 * the survey store removes empty counts. The source counts' keys never change
 * (writers move n only); a trigger says so. Existing counts are rolled up here.
 */
const DIMENSIONS = ['counter', 'officer', 'field'] as const;
const VALUES = [1, 2, 3, 4, 5] as const;

const COLUMN_TYPES: Record<string, string> = {
  counter: 'TEXT NOT NULL',
  officer: 'TEXT NOT NULL',
  field: 'TEXT NOT NULL',
  kind: "TEXT NOT NULL CHECK (kind IN ('counted', 'suspect', 'abandoned'))",
  local_day: 'TEXT NOT NULL',
  questionnaire_id: 'TEXT NOT NULL',
  questionnaire_version: 'INTEGER NOT NULL',
  item: 'TEXT NOT NULL',
};

const column = (name: string, type: string) => `  ${name.padEnd(22)} ${type},`;

interface Rollup {
  table: string;
  source: string;
  /** The rollup's key, in order; every column is in the source's key too. */
  key: readonly string[];
  /** Answer rollups keep v1…v5 (the source's n, spread by its value5); response rollups keep n. */
  items: boolean;
  /** Columns of a covering index led by the day, for queries that filter on the day only. */
  byDay?: readonly string[];
}

function rollup({ table, source, key, items, byDay }: Rollup): string {
  const counts = items ? VALUES.map((v) => `v${v}`) : ['n'];
  const keyList = key.join(', ');
  const sameKey = key.map((name) => `${name} = OLD.${name}`).join(' AND ');
  /** The counts one source row of `n` adds, in the order of `counts`. */
  const amounts = (n: string) => (items ? VALUES.map((v) => `(NEW.value5 = ${v}) * (${n})`) : [`(${n})`]);
  const lessAmounts = (n: string) => (items ? VALUES.map((v) => `(OLD.value5 = ${v}) * (${n})`) : [`(${n})`]);
  // An upsert whenever counts grow: a source count left at 0 (its rollup row removed) may grow again.
  const add = (n: string) =>
    `INSERT INTO ${table} (${keyList}, ${counts.join(', ')}) VALUES (${key.map((name) => `NEW.${name}`).join(', ')}, ${amounts(n).join(', ')})
    ON CONFLICT DO UPDATE SET ${counts.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
  const subtract = (
    n: string,
  ) => `UPDATE ${table} SET ${counts.map((c, i) => `${c} = ${c} - ${lessAmounts(n)[i]}`).join(', ')} WHERE ${sameKey};
  DELETE FROM ${table} WHERE ${sameKey} AND ${counts.join(' + ')} = 0;`;
  const fromSource = items
    ? `SELECT ${keyList}, ${VALUES.map((v) => `coalesce(sum(n) FILTER (WHERE value5 = ${v}), 0)`).join(', ')} FROM ${source} GROUP BY ${keyList} HAVING sum(n) > 0`
    : `SELECT ${keyList}, sum(n) FROM ${source} GROUP BY ${keyList} HAVING sum(n) > 0`;
  return `
CREATE TABLE ${table} (
${key.map((name) => column(name, COLUMN_TYPES[name]!)).join('\n')}
${counts.map((c) => column(c, `INTEGER NOT NULL CHECK (${c} >= 0)`)).join('\n')}
  PRIMARY KEY (${keyList})
) STRICT, WITHOUT ROWID;
${byDay ? `\nCREATE INDEX ${table}_by_day ON ${table} (${[...byDay, ...counts].join(', ')});\n` : ''}
INSERT INTO ${table} (${keyList}, ${counts.join(', ')})
${fromSource};

CREATE TRIGGER ${table}_insert AFTER INSERT ON ${source} BEGIN
  ${add('NEW.n')}
END;

CREATE TRIGGER ${table}_grow AFTER UPDATE OF n ON ${source} WHEN NEW.n > OLD.n BEGIN
  ${add('NEW.n - OLD.n')}
END;

CREATE TRIGGER ${table}_shrink AFTER UPDATE OF n ON ${source} WHEN NEW.n < OLD.n BEGIN
  ${subtract('OLD.n - NEW.n')}
END;

CREATE TRIGGER ${table}_delete AFTER DELETE ON ${source} BEGIN
  ${subtract('OLD.n')}
END;
`;
}

/** The source counts' key columns are fixed once written: the rollups follow n only. */
const fixedKey = (source: string, key: readonly string[]) => `
CREATE TRIGGER ${source}_key_fixed BEFORE UPDATE OF ${key.join(', ')} ON ${source} BEGIN
  SELECT RAISE(ABORT, '${source}: a kept count moves n only; its key never changes');
END;
`;

const VERSION = ['questionnaire_id', 'questionnaire_version'];

export default /* sql */ [
  rollup({
    table: 'day_item_counts',
    source: 'day_answer_counts',
    key: ['kind', 'local_day', ...VERSION, 'item'],
    items: true,
  }),
  ...DIMENSIONS.flatMap((dimension) => [
    rollup({
      table: `${dimension}_response_counts`,
      source: 'response_counts',
      key: [dimension, 'kind', 'local_day', ...VERSION],
      items: false,
      byDay: ['local_day', 'kind', ...VERSION],
    }),
    rollup({
      table: `${dimension}_item_counts`,
      source: 'answer_counts',
      key: [dimension, 'kind', 'local_day', ...VERSION, 'item'],
      items: true,
      byDay: ['local_day', 'kind', ...VERSION, 'item'],
    }),
  ]),
  fixedKey('response_counts', ['local_day', 'kind', ...VERSION, ...DIMENSIONS]),
  fixedKey('answer_counts', ['local_day', 'kind', ...VERSION, ...DIMENSIONS, 'item', 'value5']),
  fixedKey('day_answer_counts', ['local_day', 'kind', ...VERSION, 'item', 'value5']),
].join('');
