import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { composeApp, DATABASE_FILE, type App } from '../../src/app/composeApp';
import { silentLogger } from '../../src/node/logger';
import { frozenClock } from '../support/fakes';
import { useTempDirs } from '../support/tempDir';

/**
 * The counting rule on a real SQLite file (docs/SIPAS.md, "Which responses count"): a response counts once
 * every required rating is given; what follows only adds to the same response.
 * The expectations are written here from the raw rows, not from src/domain.
 */

const tempDir = useTempDirs();
const apps: App[] = [];
const dbs: Database.Database[] = [];
afterEach(() => {
  dbs.splice(0).forEach((db) => db.close());
  apps.splice(0).forEach((app) => app.close());
});

async function quickApp() {
  const dataDir = tempDir();
  const clock = frozenClock('2026-11-30T03:00:00.000Z');
  const app = await composeApp({ dataDir, clock, logger: silentLogger });
  apps.push(app);
  const call = async (name: string, input: unknown, token?: string) => {
    const envelope = await app.dispatch(name, input, { token: token ?? null, local: true });
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.code}: ${envelope.error.message}`);
    return envelope.value as any;
  };
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  dbs.push(db);
  const staff = (await call('signIn', { officer: 'nv01', pin: '1111' })).token as string;
  return { app, clock, call, db, staff };
}

const QUICK = { id: 'sipas-quick', version: 1 };
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const rate = (n: number, answers: Array<[string, number | null]>, extra: object = {}) => ({
  id: id(n),
  questionnaire: QUICK,
  language: 'vi',
  durationMs: 30_000,
  answers: answers.map(([item, score]) => ({ item, score })),
  ...extra,
});

/** The kind each response counts as, read straight from its row. */
const kindSql =
  "CASE WHEN r.status = 'abandoned' THEN 'abandoned' WHEN r.flags <> '[]' THEN 'suspect' ELSE 'counted' END";

function keptEqualsRaw(db: Database.Database) {
  const rows = (sql: string) => db.prepare(sql).all();
  expect(
    rows(
      'SELECT local_day, kind, questionnaire_id, questionnaire_version, counter, officer, field, n FROM response_counts ORDER BY 1, 2, 3, 4, 5, 6, 7',
    ),
  ).toEqual(
    rows(`SELECT r.local_day, ${kindSql} AS kind, r.questionnaire_id, r.questionnaire_version, coalesce(r.counter, '') AS counter,
                 coalesce(r.officer, '') AS officer, coalesce(r.field, '') AS field, count(*) AS n
            FROM responses r GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`),
  );
  expect(rows('SELECT local_day, kind, item, value5, n FROM day_answer_counts ORDER BY 1, 2, 3, 4')).toEqual(
    rows(`SELECT r.local_day, ${kindSql} AS kind, a.item, a.value5, count(*) AS n
            FROM responses r JOIN answers a ON a.response_id = r.id WHERE a.value5 IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`),
  );
  expect(rows('SELECT local_day, kind, counter, item, value5, n FROM answer_counts ORDER BY 1, 2, 3, 4, 5')).toEqual(
    rows(`SELECT r.local_day, ${kindSql} AS kind, coalesce(r.counter, '') AS counter, a.item, a.value5, count(*) AS n
            FROM responses r JOIN answers a ON a.response_id = r.id WHERE a.value5 IS NOT NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`),
  );
  expect(rows('SELECT local_day, kind, n FROM day_response_counts ORDER BY 1, 2')).toEqual(
    rows(`SELECT r.local_day, ${kindSql} AS kind, count(*) AS n FROM responses r GROUP BY 1, 2 ORDER BY 1, 2`),
  );
}

// Each test opens a real host on a fresh data folder: seconds on a busy two-core machine.
describe('the counting rule on a real database', { timeout: 60_000 }, () => {
  it('1-1-1-1-1, then walking away at the reasons screen: one response, completed and counted', async () => {
    const { call, db } = await quickApp();
    // The kiosk commits on the last required rating (officer; result and feedback offer no answer unarmed)…
    expect(
      await call(
        'submitResponse',
        rate(1, [
          ['access', 1],
          ['procedure', 1],
          ['officer', 1],
        ]),
      ),
    ).toMatchObject({ status: 'completed', flags: [] });
    // …then the optional ones update the same response; then the citizen leaves at the reasons screen.
    await call(
      'submitResponse',
      rate(
        1,
        [
          ['access', 1],
          ['procedure', 1],
          ['officer', 1],
          ['result', 1],
          ['feedback', 1],
        ],
        { durationMs: 40_000 },
      ),
    );
    expect(db.prepare('SELECT id, status, flags FROM responses').all()).toEqual([
      { id: id(1), status: 'completed', flags: '[]' },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM answers WHERE response_id = ? AND score = 1').get(id(1))).toEqual({
      n: 5,
    });
    expect(db.prepare('SELECT kind, n FROM day_response_counts').all()).toEqual([{ kind: 'counted', n: 1 }]);
    expect(db.prepare('SELECT response_id, status FROM feedback').all()).toEqual([
      { response_id: id(1), status: 'new' },
    ]);
    keptEqualsRaw(db);
  });

  it('leaving after three ratings when the result was collected (and so required): abandoned, with the three ratings', async () => {
    const { call, db, staff } = await quickApp();
    const { armId } = await call('armKiosk', { officer: 'nv01', purpose: 'collect' }, staff);
    expect((await call('getArmedContext', {})).purpose).toBe('collect');
    expect(
      (
        await call(
          'submitResponse',
          rate(
            2,
            [
              ['access', 4],
              ['procedure', 4],
              ['officer', 4],
            ],
            { armId },
          ),
        )
      ).status,
    ).toBe('abandoned');
    expect(db.prepare('SELECT status, purpose, officer FROM responses').all()).toEqual([
      { status: 'abandoned', purpose: 'collect', officer: 'nv01' },
    ]);
    expect(db.prepare('SELECT kind, n FROM day_response_counts').all()).toEqual([{ kind: 'abandoned', n: 1 }]);
    keptEqualsRaw(db);
  });

  it('reasons, comment and phone added afterwards are stored once, however often they are sent', async () => {
    const { call, db } = await quickApp();
    await call(
      'submitResponse',
      rate(3, [
        ['access', 2],
        ['procedure', 5],
        ['officer', 5],
      ]),
    );
    const details = [
      { id: id(3), reasons: [{ dimension: 'access', reason: 'waited-too-long' }] },
      { id: id(3), comment: '  Chờ hơi lâu  ' },
      { id: id(3), contact: { phone: '0905 123 456', consentVersion: 'contact-consent-2026-12' } },
    ];
    for (const input of details) expect(await call('addResponseDetails', input)).toEqual({ id: id(3), changed: true });
    const snapshot = () => ({
      reasons: db.prepare('SELECT dimension, reason FROM response_reasons WHERE response_id = ?').all(id(3)),
      personal: db
        .prepare('SELECT comment, phone, consent_version, consent_at FROM response_personal WHERE response_id = ?')
        .all(id(3)),
      feedback: db.prepare('SELECT status FROM feedback WHERE response_id = ?').all(id(3)),
      counts: db.prepare('SELECT kind, n FROM day_response_counts').all(),
    });
    const once = snapshot();
    expect(once).toMatchObject({
      reasons: [{ dimension: 'access', reason: 'waited-too-long' }],
      personal: [{ comment: 'Chờ hơi lâu', phone: '0905123456', consent_version: 'contact-consent-2026-12' }],
      feedback: [{ status: 'new' }],
      counts: [{ kind: 'counted', n: 1 }],
    });
    for (const input of details) expect(await call('addResponseDetails', input)).toEqual({ id: id(3), changed: false });
    expect(snapshot()).toEqual(once);
    await expect(call('addResponseDetails', { id: id(99), comment: 'x' })).rejects.toThrow(
      'addResponseDetails: not_found',
    );
  });

  it('a rating changed after the commit moves the kept counts and marks its day for the next upstream batch', async () => {
    const { call, db } = await quickApp();
    await call(
      'submitResponse',
      rate(4, [
        ['access', 2],
        ['procedure', 4],
        ['officer', 4],
      ]),
    );
    db.prepare('UPDATE sync_days SET dirty = 0').run();
    await call(
      'submitResponse',
      rate(4, [
        ['access', 5],
        ['procedure', 4],
        ['officer', 4],
      ]),
    );
    expect(db.prepare("SELECT item, value5, n FROM day_answer_counts WHERE item = 'access'").all()).toEqual([
      { item: 'access', value5: 5, n: 1 },
    ]);
    expect(db.prepare('SELECT dirty FROM sync_days').all()).toEqual([{ dirty: 1 }]);
    // The low rating raised and nothing else said: the untouched inbox item goes.
    expect(db.prepare('SELECT count(*) AS n FROM feedback').get()).toEqual({ n: 0 });
    keptEqualsRaw(db);
  });

  it('kept counts equal the raw rows after any mix of commits, updates and abandoned responses', async () => {
    const { call, db, clock } = await quickApp();
    const score = fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined });
    const stepArb = fc.record({
      who: fc.integer({ min: 0, max: 59 }),
      access: score,
      procedure: score,
      officer: score,
      result: fc.option(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), { nil: undefined }),
      counter: fc.constantFrom(undefined, 'Q1', 'Q2'),
      fast: fc.boolean(),
      nextDay: fc.boolean(),
    });
    const steps = fc.sample(stepArb, { numRuns: 150, seed: 20261201 });
    for (const [i, step] of steps.entries()) {
      clock.advance(step.nextDay ? 86_400_000 / 8 : 37_000);
      const answers = (['access', 'procedure', 'officer', 'result'] as const)
        .filter((item) => step[item] !== undefined)
        .map((item): [string, number | null] => [item, step[item] ?? null]);
      if (answers.length === 0) continue;
      await call(
        'submitResponse',
        rate(100 + step.who, answers, {
          durationMs: step.fast ? 500 : 30_000 + i,
          context: step.counter ? { counter: step.counter } : {},
        }),
      );
    }
    const kinds = db.prepare(`SELECT ${kindSql} AS kind, count(*) AS n FROM responses r GROUP BY 1`).all() as Array<{
      kind: string;
      n: number;
    }>;
    expect(kinds.map((k) => k.kind).sort()).toEqual(['abandoned', 'counted', 'suspect']);
    keptEqualsRaw(db);
  });
});
