import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startHub } from '../../src/hub';
import { hashToken } from '../../src/hub/devices';
import { postgresMigrations } from '../../src/hub/store/migrations/postgres';
import { sqliteMigrations } from '../../src/hub/store/migrations/sqlite';
import { makeBatch, send, type Row } from '../support/hubClient';
import { HUB_NOW, postgresTarget, sqliteTarget, type HubTarget } from '../support/hubTargets';

/**
 * Schema 4 drops latest_rows: a hub database written before it (schema 3: kept sums
 * built from latest_rows) must still count, and its latest revisions must still be
 * replaceable, the replaced counts taken away exactly. Run on both stores.
 */

const TOKEN = 'token-of-kiosk-01-before-v4';
const Q = { id: 'sipas-2024', version: 3 };
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

/** A database at hub schema `version`, as a hub of that version left it. */
async function applySchemaUpTo(target: HubTarget, db: string, version: number, then?: string[]): Promise<void> {
  if (target.name === 'sqlite') {
    const handle = new Database(db.slice('sqlite:'.length));
    try {
      const current = handle.pragma('user_version', { simple: true }) as number;
      for (const migration of sqliteMigrations.slice(current, version)) handle.exec(migration);
      for (const statement of then ?? []) handle.exec(statement);
      handle.pragma(`user_version = ${version}`);
    } finally {
      handle.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    await client.query('CREATE TABLE IF NOT EXISTS hub_schema_version (version integer PRIMARY KEY)');
    const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM hub_schema_version');
    for (let v = (rows[0]?.v ?? 0) + 1; v <= version; v += 1) {
      await client.query(postgresMigrations[v - 1]!);
      await client.query('INSERT INTO hub_schema_version (version) VALUES ($1)', [v]);
    }
    for (const statement of then ?? []) await client.query(statement);
  } finally {
    await client.end();
  }
}

type Counts = [number, number, number, number, number];
const byItem = (rows: readonly Row[]) => {
  const out: Record<string, Counts> = {};
  for (const row of rows)
    out[row.item] = (out[row.item] ?? [0, 0, 0, 0, 0]).map((n, i) => n + row.counts[i]!) as Counts;
  return out;
};
const plus = (a: Record<string, Counts>, b: Record<string, Counts>) => {
  const out = { ...a };
  for (const [item, counts] of Object.entries(b))
    out[item] = (out[item] ?? [0, 0, 0, 0, 0]).map((n, i) => n + counts[i]!) as Counts;
  return out;
};

for (const target of [sqliteTarget(), postgresTarget()]) {
  if (target.skipReason) process.stderr.write(`hub schema 4 on ${target.name}: skipped — ${target.skipReason}\n`);
  describe.skipIf(target.skipReason !== null)(`hub schema 4 on ${target.name}`, () => {
    target.setUp();

    it('keeps what schema 3 stored: the latest revisions still count, and replacing them takes their counts away exactly', async () => {
      const db = await target.newDatabase();
      // Written at schema 2 (rows in latest_rows), then schema 3 built its kept sums from them.
      const day27 = makeBatch({
        deviceId: 'kiosk-01',
        batchId: 'b0',
        date: '2026-11-27',
        rows: [{ item: 'access', counter: 'C1', field: null, counts: [0, 0, 1, 1, 1] }],
      });
      const day28: Row[] = [
        { item: 'access', counter: 'C1', field: 'ho-tich', counts: [0, 1, 3, 20, 33] },
        { item: 'access', counter: 'C2', field: 'ho-tich', counts: [1, 0, 0, 2, 3] },
        { item: 'officer.1', counter: 'C1', field: null, counts: [1, 0, 2, 10, 44] },
      ];
      const superseded = makeBatch({ deviceId: 'kiosk-01', batchId: 'b1', revision: 1 });
      const latest28 = makeBatch({ deviceId: 'kiosk-01', batchId: 'b2', revision: 2, rows: day28 });
      const batchRow = (b: ReturnType<typeof makeBatch>, hash: string) =>
        `INSERT INTO batches (batch_id, device_id, date, questionnaire_id, questionnaire_version, revision, body_hash,
           responses, excluded, counted, suspect, abandoned, received_at, body)
         VALUES ('${b.batchId}', 'kiosk-01', '${b.date}', '${Q.id}', ${Q.version}, ${b.revision}, '${hash}',
           ${b.totals.responses}, ${b.totals.suspect + b.totals.abandoned}, ${b.totals.counted}, ${b.totals.suspect},
           ${b.totals.abandoned}, '2026-11-29T00:00:00.000Z', '${JSON.stringify(b)}')`;
      const rowsOf = (b: ReturnType<typeof makeBatch>) =>
        b.rows.map(
          (r) =>
            `INSERT INTO latest_rows (device_id, date, questionnaire_id, questionnaire_version, item, counter, field, batch_id, c1, c2, c3, c4, c5)
             VALUES ('kiosk-01', '${b.date}', '${Q.id}', ${Q.version}, '${r.item}', '${r.counter ?? ''}', '${r.field ?? ''}', '${b.batchId}', ${r.counts.join(', ')})`,
        );
      await applySchemaUpTo(target, db, 2, [
        `INSERT INTO devices VALUES ('kiosk-01', 'DH', 'UBND xã Điện Hồng', '${hashToken(TOKEN)}', 'secret', '2026-11-01T00:00:00.000Z')`,
        batchRow(day27, 'h0'),
        batchRow(superseded, 'h1'),
        batchRow(latest28, 'h2'),
        `INSERT INTO latest (device_id, date, questionnaire_id, questionnaire_version, revision, batch_id)
         VALUES ('kiosk-01', '2026-11-27', '${Q.id}', ${Q.version}, 1, 'b0'), ('kiosk-01', '2026-11-28', '${Q.id}', ${Q.version}, 2, 'b2')`,
        ...rowsOf(day27),
        ...rowsOf(latest28),
      ]);
      await applySchemaUpTo(target, db, 3);

      const hub = await startHub({ db, port: 0, now: () => HUB_NOW });
      try {
        const counts = async () =>
          Object.fromEntries((await hub.store.countsByUnit(NOVEMBER)).map((r) => [r.item, r.counts]));
        const before = plus(byItem(day27.rows), byItem(day28));
        expect(await hub.totals()).toMatchObject({
          batches: 2,
          storedBatches: 3,
          rows: 4,
          responses: day27.totals.responses + latest28.totals.responses,
          byQuestionnaire: { 'sipas-2024@3': before },
        });
        expect(await counts()).toEqual(before);
        const trend = await hub.store.countsByDay(NOVEMBER, 'DH');
        expect(Object.fromEntries(trend.filter((r) => r.key === '2026-11-28').map((r) => [r.item, r.counts]))).toEqual(
          byItem(day28),
        );
        // Only the latest revisions carry their counts by item; latest_rows is gone.
        expect(await target.query(db, 'SELECT batch_id, row_count FROM batches ORDER BY batch_id')).toEqual([
          { batch_id: 'b0', row_count: 1 },
          { batch_id: 'b1', row_count: null },
          { batch_id: 'b2', row_count: 3 },
        ]);
        const tables =
          target.name === 'sqlite'
            ? "SELECT name FROM sqlite_master WHERE name = 'latest_rows'"
            : "SELECT tablename FROM pg_tables WHERE tablename = 'latest_rows'";
        expect(await target.query(db, tables)).toEqual([]);

        // The kiosk sends both days again as higher revisions: each replaces its stored one exactly.
        const credentials = { deviceId: 'kiosk-01', token: TOKEN, secret: 'secret' };
        const new28 = makeBatch({ deviceId: 'kiosk-01', revision: 3 });
        const new27 = makeBatch({
          deviceId: 'kiosk-01',
          date: '2026-11-27',
          revision: 2,
          rows: [{ item: 'officer.2', counter: null, field: null, counts: [0, 0, 0, 4, 0] }],
        });
        expect((await send(hub.batchesUrl, credentials, new28)).status).toBe(201);
        expect((await send(hub.batchesUrl, credentials, new27)).status).toBe(201);
        const after = plus(byItem(new27.rows), byItem(new28.rows));
        // A replaced item leaves a zero row in the kept sums, never a negative one.
        const nonZero = (map: Record<string, Counts>) =>
          Object.fromEntries(Object.entries(map).filter(([, c]) => c.some((n) => n !== 0)));
        expect(nonZero(await counts())).toEqual(after);
        expect(
          Object.values(await counts())
            .flat()
            .every((n) => n >= 0),
        ).toBe(true);
        expect(await hub.totals()).toMatchObject({
          batches: 2,
          storedBatches: 5,
          rows: 3,
          responses: new27.totals.responses + new28.totals.responses,
          byQuestionnaire: { 'sipas-2024@3': after },
        });
        const units = await hub.store.unitTotals(NOVEMBER);
        expect(units.map((u) => [u.unitCode, u.devices, u.deviceDays, u.counts.responses])).toEqual([
          ['DH', 1, 2, new27.totals.responses + new28.totals.responses],
        ]);
      } finally {
        await hub.close();
      }
    });
  });
}
