import pg from 'pg';
import { postgresMigrations } from './migrations/postgres';
import {
  DeviceExistsError,
  type DeviceRecord,
  type DeviceStatus,
  type HubStore,
  type IncomingBatch,
  type IngestOutcome,
  type UnitTotals,
} from './port';
import { HubSchemaTooNewError } from './sqliteStore';
import * as sql from './sql';

const OID = { int8: 20, numeric: 1700, timestamptz: 1184 };

/**
 * Sums come back as int8/numeric, which pg returns as strings, and timestamps as
 * Dates; turn them into what the SQLite store returns (numbers, ISO strings), for
 * this pool only (pg.types.setTypeParser would change every pool in the process).
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === OID.int8 || oid === OID.numeric) return (value: string) => Number(value);
    if (oid === OID.timestamptz) return (value: string) => new Date(value).toISOString();
    return pg.types.getTypeParser(oid, format ?? 'text');
  }) as typeof pg.types.getTypeParser,
};

/** Shared `?` statements get PostgreSQL's $1, $2, … and a name, so each connection prepares them once. */
let statementNumber = 0;
function statement(text: string): { name: string; text: string } {
  let n = 0;
  statementNumber += 1;
  return { name: `hub_${statementNumber}`, text: text.replace(/\?/g, () => `$${(n += 1)}`) };
}

const MIGRATION_LOCK = 4_242_001; // pg_advisory_xact_lock key: two hubs starting at once migrate one after the other

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS hub_schema_version (version integer PRIMARY KEY)');
    const { rows } = await client.query<{ version: number | null }>('SELECT MAX(version) AS version FROM hub_schema_version');
    const current = rows[0]?.version ?? 0;
    if (current > postgresMigrations.length) throw new HubSchemaTooNewError(current, postgresMigrations.length);
    for (let version = current + 1; version <= postgresMigrations.length; version += 1) {
      await client.query(postgresMigrations[version - 1] ?? '');
      await client.query('INSERT INTO hub_schema_version (version) VALUES ($1)', [version]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

const s = {
  insertBatch: statement(sql.insertBatch),
  batchHash: statement(sql.batchHash),
  latestOf: statement(sql.latestOf),
  upsertLatest: statement(sql.upsertLatest),
  deleteLatestRows: statement(sql.deleteLatestRows),
  // One round trip for all of a batch's rows.
  insertRows: {
    name: 'hub_insert_rows',
    text: `INSERT INTO latest_rows (device_id, date, batch_id, item, counter, field, c1, c2, c3, c4, c5)
           SELECT $1::text, $2::text, $3::text, * FROM unnest($4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[], $10::int[], $11::int[])`,
  },
  insertDevice: statement(sql.insertDevice),
  deviceByTokenHash: statement(sql.deviceByTokenHash),
  deviceStatuses: statement(sql.deviceStatuses),
  countsByUnit: statement(sql.countsByUnit),
  countsByDay: statement(sql.countsByDay),
  countsByDayOfUnit: statement(sql.countsByDayOfUnit),
  unitTotals: statement(sql.unitTotals),
  totals: ([false, true] as const).map((byDevice) => ({
    latest: statement(sql.totalsOfLatest(byDevice)),
    stored: statement(sql.totalsOfBatches(byDevice)),
    items: statement(sql.totalsByItem(byDevice)),
  })),
};

async function writeBatch(client: pg.PoolClient, batch: IncomingBatch): Promise<IngestOutcome> {
  const run = (st: { name: string; text: string }, values: unknown[]) => client.query({ ...st, values });
  const inserted = await run(s.insertBatch, [
    batch.batchId, batch.deviceId, batch.date, batch.revision, batch.bodyHash,
    batch.responses, batch.excluded, batch.receivedAt, batch.body,
  ]);
  if (inserted.rowCount === 0) {
    // A concurrent twin waited on the unique index and now sees the committed row.
    const existing = (await run(s.batchHash, [batch.batchId])).rows[0] as { body_hash: string } | undefined;
    if (existing) return { kind: existing.body_hash === batch.bodyHash ? 'duplicate' : 'conflict' };
    const stored = (await run(s.latestOf, [batch.deviceId, batch.date])).rows[0] as { revision: number } | undefined;
    return { kind: 'stale', storedRevision: stored?.revision ?? batch.revision };
  }
  if ((await run(s.upsertLatest, [batch.deviceId, batch.date, batch.revision, batch.batchId])).rowCount === 0) {
    const stored = (await run(s.latestOf, [batch.deviceId, batch.date])).rows[0] as { revision: number } | undefined;
    return { kind: 'stale', storedRevision: stored?.revision ?? batch.revision };
  }
  await run(s.deleteLatestRows, [batch.deviceId, batch.date]);
  if (batch.rows.length > 0) {
    const column = <K extends 'item' | 'counter' | 'field'>(key: K) => batch.rows.map((row) => row[key]);
    const count = (i: number) => batch.rows.map((row) => row.counts[i]);
    await run(s.insertRows, [batch.deviceId, batch.date, batch.batchId, column('item'), column('counter'), column('field'), ...[0, 1, 2, 3, 4].map(count)]);
  }
  return { kind: 'created' };
}

/** The hub on PostgreSQL: a province's or the country's communes, several hub processes if need be. */
export async function openPostgresStore(connectionString: string, { poolSize = 16 } = {}): Promise<HubStore> {
  const pool = new pg.Pool({ connectionString, max: poolSize, types });
  // An idle client losing its connection must not crash the hub; the next query reconnects.
  pool.on('error', () => {});
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const all = async <T>(st: { name: string; text: string }, values: unknown[] = []): Promise<T[]> =>
    (await pool.query({ ...st, values })).rows as T[];

  return {
    kind: 'postgres',
    async addDevice(device) {
      const result = await pool.query({
        ...s.insertDevice,
        values: [device.deviceId, device.unitCode, device.unitName, device.tokenHash, device.secret, device.createdAt],
      });
      if (result.rowCount === 0) throw new DeviceExistsError(device.deviceId);
    },
    async deviceByTokenHash(tokenHash) {
      return (await all<DeviceRecord>(s.deviceByTokenHash, [tokenHash]))[0] ?? null;
    },
    deviceStatuses: () => all<DeviceStatus>(s.deviceStatuses),
    async ingest(batch) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const outcome = await writeBatch(client, batch);
        // A stale batch's row in batches is undone; everything else commits (duplicates wrote nothing).
        await client.query(outcome.kind === 'stale' ? 'ROLLBACK' : 'COMMIT');
        return outcome;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async latestOf(deviceId, date) {
      const row = (await all<{ batch_id: string; revision: number }>(s.latestOf, [deviceId, date]))[0];
      return row ? { batchId: row.batch_id, revision: row.revision } : null;
    },
    async countsByUnit({ from, to }) {
      return (await all<sql.CountsSqlRow>(s.countsByUnit, [from, to])).map(sql.toCounts);
    },
    async countsByDay({ from, to }, unitCode) {
      const rows = unitCode === undefined ? await all<sql.CountsSqlRow>(s.countsByDay, [from, to]) : await all<sql.CountsSqlRow>(s.countsByDayOfUnit, [from, to, unitCode]);
      return rows.map(sql.toCounts);
    },
    unitTotals: ({ from, to }) => all<UnitTotals>(s.unitTotals, [from, to]),
    async totals({ deviceId, from = sql.WHOLE_TIME.from, to = sql.WHOLE_TIME.to }) {
      const st = s.totals[deviceId === undefined ? 0 : 1]!;
      const params = deviceId === undefined ? [from, to] : [from, to, deviceId];
      const [latest] = await all<{ batches: number; responses: number; excluded: number }>(st.latest, params);
      const [stored] = await all<{ batches: number }>(st.stored, params);
      const items = await all<sql.CountsSqlRow & { n: number }>(st.items, params);
      return sql.assembleTotals(latest!, stored!.batches, items);
    },
    async close() {
      await pool.end();
    },
  };
}
