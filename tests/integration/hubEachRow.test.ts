import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eachRow } from '../../src/hub/store/postgresPool';
import { postgresTarget } from '../support/hubTargets';

/**
 * The PostgreSQL store reads a country's period row by row (eachRow in store/postgresPool.ts): every
 * row reaches the handler in order, and neither a handler that throws nor a failing
 * statement leaves the pool's one connection unusable or brings the process down.
 */
const target = postgresTarget();

describe.skipIf(target.skipReason !== null)('eachRow on PostgreSQL', () => {
  target.setUp();
  let pool: pg.Pool;
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await target.newDatabase(), max: 1 });
  });
  afterAll(async () => {
    await pool?.end();
  });
  const stillAnswers = async () => expect((await pool.query('SELECT 41 + 1 AS n')).rows).toEqual([{ n: 42 }]);

  it('hands every row over in order, a named statement again on the same connection', async () => {
    const statement = { name: 'each_row_series', text: 'SELECT g AS n FROM generate_series(1, $1::int) g' };
    for (const count of [5000, 3]) {
      const seen: number[] = [];
      await eachRow<{ n: number }>(pool, { ...statement, values: [count] }, (row) => seen.push(row.n));
      expect(seen).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    }
    await stillAnswers();
  });

  it('rejects with what the handler threw, after reading the rest; the connection stays in step', async () => {
    let calls = 0;
    const wrong = new Error('row 10 is wrong');
    await expect(
      eachRow<{ n: number }>(pool, { text: 'SELECT g AS n FROM generate_series(1, 2000) g', values: [] }, (row) => {
        calls += 1;
        if (row.n === 10) throw wrong;
      }),
    ).rejects.toBe(wrong);
    expect(calls).toBe(10);
    await stillAnswers();
  });

  it('rejects with the database’s error for a failing statement; the pool answers the next one', async () => {
    await expect(
      eachRow(pool, { text: 'SELECT 1 / (g - 3) AS n FROM generate_series(1, 5) g', values: [] }, () => {}),
    ).rejects.toMatchObject({ code: '22012' }); // division_by_zero
    await stillAnswers();
  });
});
