import pg from 'pg';

/**
 * The pool the PostgreSQL store talks through: values as the SQLite store returns
 * them, each session's settings, named statements, and rows read one at a time.
 */

const OID = { int8: 20, numeric: 1700, timestamptz: 1184 };

/** PostgreSQL's ISO output in UTC ("2025-01-05 07:00:00.123456+00"). */
const UTC_TIMESTAMP = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

/**
 * A timestamptz as Date#toISOString() writes it (milliseconds, the rest cut off as
 * Date cuts it). The pool's sessions are in UTC, so this is a rearrangement of the
 * text: a country's report reads 13,000 timestamps, and a Date each took ≈ 25 ms of
 * the hub's CPU. Any other form goes through Date.
 */
export function isoOfTimestamptz(value: string): string {
  const parts = UTC_TIMESTAMP.exec(value);
  if (!parts) return new Date(value).toISOString();
  return `${parts[1]}T${parts[2]}.${(parts[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
}

/**
 * Sums come back as int8/numeric, which pg returns as strings, and timestamps as
 * Dates; turn them into what the SQLite store returns (numbers, ISO strings), for
 * this pool only (pg.types.setTypeParser would change every pool in the process).
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === OID.int8 || oid === OID.numeric) return (value: string) => Number(value);
    if (oid === OID.timestamptz) return isoOfTimestamptz;
    return pg.types.getTypeParser(oid, format ?? 'text');
  }) as typeof pg.types.getTypeParser,
};

/** Shared `?` statements get PostgreSQL's $1, $2, … and a name, so each connection prepares them once. */
let statementNumber = 0;
export function statement(text: string): { name: string; text: string } {
  let n = 0;
  statementNumber += 1;
  return { name: `hub_${statementNumber}`, text: text.replace(/\?/g, () => `$${(n += 1)}`) };
}

/**
 * Per connection of the hub's pool. JIT off: compiling a report's aggregate took
 * ≈ 185 ms of a country's 30-day page, more than it saved. work_mem 32 MB: a year's
 * kept rows (≈ 260,000 for the country) are grouped in memory instead of spilling
 * sorts to disk; it bounds each sort, and only the report's statements sort much.
 * TimeZone UTC: timestamps come back in the one form isoOfTimestamptz rearranges.
 */
const SESSION_SETTINGS = '-c jit=off -c work_mem=32MB -c TimeZone=UTC';

/** The store's pool. An idle client losing its connection must not crash the hub: the next query reconnects. */
export function openPool(connectionString: string, poolSize: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: poolSize, types, options: SESSION_SETTINGS });
  pool.on('error', () => {});
  return pool;
}

/**
 * A statement's rows handed to `onRow` as they arrive, none kept. A country's period
 * is 6,600 rows: kept until the last one (as pool.query keeps them), they were
 * copied by the collector again and again, and adding them up waited for them all.
 *
 * An error thrown by `onRow` does not reach the driver mid-answer (that would break
 * the connection, and the process): the rest of the rows are read and dropped, then
 * the promise rejects with it. A failed statement rejects too, and its connection is
 * closed rather than pooled.
 */
export async function eachRow<T>(
  pool: pg.Pool,
  statement: { name?: string; text: string; values: unknown[] },
  onRow: (row: T) => void,
): Promise<void> {
  const client = await pool.connect();
  // What onRow threw, if it did (an object: the row handler sets it from a callback).
  const thrown: { error?: unknown; happened: boolean } = { happened: false };
  try {
    await new Promise<void>((resolve, reject) => {
      const query = new pg.Query(statement);
      query.on('row', (row: T) => {
        if (thrown.happened) return;
        try {
          onRow(row);
        } catch (error) {
          Object.assign(thrown, { error, happened: true });
        }
      });
      query.on('error', reject);
      query.on('end', () => (thrown.happened ? reject(thrown.error) : resolve()));
      client.query(query);
    });
  } catch (error) {
    client.release(thrown.happened && thrown.error === error ? undefined : toError(error));
    throw error;
  }
  client.release();
}

const toError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
