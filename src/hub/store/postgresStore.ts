import pg from 'pg';
import type { ResponseCounts } from '../../domain/responseCounts';
import { postgresMigrations } from './migrations/postgres';
import {
  DeviceExistsError,
  type DeviceRecord,
  type DeviceStatus,
  type HubStore,
  type IncomingBatch,
  type IngestOutcome,
  type UnitRecord,
} from './port';
import { HubSchemaTooNewError } from './sqliteStore';
import { decodeItemCounts, itemSums, sumsDelta, type ItemCounts } from './keptSums';
import { partParams, splitPeriod, stripeOf } from './periods';
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

/**
 * The kept sums' five upserts (sql.ts) as one statement, one round trip per batch
 * instead of five. PostgreSQL runs data-modifying WITH parts each to completion, in
 * an order of its own but always the same one for the same statement, so every
 * writer must run this very statement (five separate upserts in the written order
 * deadlocked against it): concurrent batches then lock shared rows in one order.
 * $1 month, $2 $3 questionnaire, $4 device, $5 device-days, $6..$9 the four counts,
 * $10 unit, $11 date, $12 stripe, $13 items, $14..$18 c1..c5 per item, $19 received at;
 * `p` puts other expressions in their places (the first-revision function's parameters).
 */
function addSumsText(p: readonly string[] = Array.from({ length: 19 }, (_, i) => `$${i + 1}`)): string {
  const at = (n: number) => p[n - 1]!;
  const numbered = (text: string, numbers: number[]) => text.replace(/\?/g, () => at(numbers.shift()!));
  const items = `unnest(${at(13)}::text[], ${at(14)}::bigint[], ${at(15)}::bigint[], ${at(16)}::bigint[], ${at(17)}::bigint[], ${at(18)}::bigint[]) AS u (i, c1, c2, c3, c4, c5)`;
  return `WITH
  kept_totals AS (${numbered(sql.addMonthTotals, [1, 2, 3, 4, 5, 6, 7, 8, 9])} RETURNING 1),
  kept_month AS (${sql.addMonthItems(`SELECT ${at(1)}::text, ${at(2)}::text, ${at(3)}::integer, ${at(10)}::text, i, c1, c2, c3, c4, c5 FROM ${items}`)} RETURNING 1),
  kept_unit_day AS (${sql.addUnitDayItems(`SELECT ${at(11)}::text, ${at(2)}::text, ${at(3)}::integer, ${at(10)}::text, i, c1, c2, c3, c4, c5 FROM ${items}`)} RETURNING 1),
  kept_day AS (${sql.addDayItems(`SELECT ${at(11)}::text, ${at(2)}::text, ${at(3)}::integer, i, ${at(12)}::integer, c1, c2, c3, c4, c5 FROM ${items}`)} RETURNING 1),
  kept_activity AS (${numbered(sql.noteActivity, [4, 11, 19])} RETURNING 1)
SELECT 1`;
}

/**
 * The first revision of a key (98 % of a country's traffic) in one round trip: the
 * same statements as writeBatch, in the same order, run by a function inside the
 * one implicit transaction of a single statement, so a batch costs one network
 * round trip and one commit instead of six. A later revision takes writeBatch (it
 * must read what it replaces). The function is created in pg_temp on each of the
 * pool's connections: it is code of this hub version, not part of the schema, so
 * two hub versions on one database never overwrite each other's.
 *
 * Its parameters: $1..$16 insertBatch's, $17 unit, $18 stripe, $19 month, $20..$25 the
 * per-item sums (item, c1..c5).
 * It answers 'created', 'duplicate', 'conflict', or 'stale' with the stored revision.
 */
function firstRevisionFunction(): string {
  const numbered = (text: string, numbers: number[]) => text.replace(/\?/g, () => `$${numbers.shift()}`);
  const key = 'device_id = $2 AND date = $3 AND questionnaire_id = $4 AND questionnaire_version = $5';
  return `CREATE FUNCTION pg_temp.hub_first_revision(text, text, text, text, integer, integer, text, integer, integer, integer, integer, integer, timestamptz, json,
    text, integer, text, integer, text, text[], bigint[], bigint[], bigint[], bigint[], bigint[])
  RETURNS TABLE (outcome text, stored_revision integer) LANGUAGE plpgsql AS $fn$
DECLARE
  stored_hash text;
  done integer;
BEGIN
  ${numbered(sql.insertBatch, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16])};
  IF NOT FOUND THEN
    -- A concurrent twin waited on the unique index and now sees the committed row.
    SELECT body_hash INTO stored_hash FROM batches WHERE batch_id = $1;
    IF FOUND THEN
      RETURN QUERY SELECT CASE WHEN stored_hash = $7 THEN 'duplicate' ELSE 'conflict' END, NULL::integer;
    ELSE
      RETURN QUERY SELECT 'stale', COALESCE((SELECT l.revision FROM latest l WHERE l.${key.replace(/ AND /g, ' AND l.')}), $6);
    END IF;
    RETURN;
  END IF;
  ${numbered(sql.upsertLatest, [2, 3, 4, 5, 6, 1, 8, 10, 11, 12])};
  IF NOT FOUND THEN
    -- A higher revision arrived first: this one is not stored (as writeBatch's ROLLBACK).
    DELETE FROM batches WHERE batch_id = $1;
    RETURN QUERY SELECT 'stale', COALESCE((SELECT l.revision FROM latest l WHERE l.${key.replace(/ AND /g, ' AND l.')}), $6);
    RETURN;
  END IF;
  -- The very statement writeBatch runs (addSums): the same row locks in the same order, so a
  -- revision 1 and a later revision of the same device or unit cannot deadlock.
  ${addSumsText(['$19', '$4', '$5', '$2', '1', '$8', '$10', '$11', '$12', '$17', '$3', '$18', '$20', '$21', '$22', '$23', '$24', '$25', '$13'])} INTO done;
  RETURN QUERY SELECT 'created', NULL::integer;
END
$fn$`;
}

/** Shared `?` statements get PostgreSQL's $1, $2, … and a name, so each connection prepares them once. */
let statementNumber = 0;
function statement(text: string): { name: string; text: string } {
  let n = 0;
  statementNumber += 1;
  return { name: `hub_${statementNumber}`, text: text.replace(/\?/g, () => `$${(n += 1)}`) };
}

/**
 * Per connection of the hub's pool. JIT off: compiling a report's aggregate took
 * ≈ 185 ms of a country's 30-day page, more than it saved. work_mem 32 MB: a year's
 * kept rows (≈ 260,000 for the country) are grouped in memory instead of spilling
 * sorts to disk; it bounds each sort, and only the report's statements sort much.
 */
const SESSION_SETTINGS = '-c jit=off -c work_mem=32MB';

const DEVICES_CACHED = 100_000;
const DEVICE_SECONDS = 60;

const MIGRATION_LOCK = 4_242_001; // pg_advisory_xact_lock key: two hubs starting at once migrate one after the other

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS hub_schema_version (version integer PRIMARY KEY)');
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT MAX(version) AS version FROM hub_schema_version',
    );
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
  latestOfDay: statement(sql.latestOfDay),
  upsertLatest: statement(sql.upsertLatest),
  replacedTotals: statement(sql.replacedTotals),
  addMonthTotals: statement(sql.addMonthTotals),
  addSums: { name: 'hub_add_sums', text: addSumsText() },
  firstRevision: {
    name: 'hub_first_revision',
    text: `SELECT outcome, stored_revision FROM pg_temp.hub_first_revision(${Array.from({ length: 25 }, (_, i) => `$${i + 1}`).join(', ')})`,
  },
  insertDevice: statement(sql.insertDevice),
  deviceByTokenHash: statement(sql.deviceByTokenHash),
  deviceStatuses: statement(sql.deviceStatuses),
  countsByUnit: statement(sql.countsByUnit),
  countsByDay: statement(sql.countsByDay),
  countsByDayOfUnit: statement(sql.countsByDayOfUnit),
  unitTotals: statement(sql.unitTotals),
  units: statement(sql.units),
  totals: ([false, true] as const).map((byDevice) => ({
    latest: statement(sql.totalsOfLatest(byDevice)),
    stored: statement(sql.totalsOfBatches(byDevice)),
    items: statement(sql.totalsOfItems(byDevice)),
  })),
};

async function writeBatch(client: pg.PoolClient, batch: IncomingBatch): Promise<IngestOutcome> {
  const run = (st: { name: string; text: string }, values: unknown[]) => client.query({ ...st, values });
  const key = [batch.deviceId, batch.date, batch.questionnaire.id, batch.questionnaire.version];
  const storedRevision = async () =>
    ((await run(s.latestOf, key)).rows[0] as { revision: number } | undefined)?.revision ?? batch.revision;
  const { responses, counted, suspect, abandoned } = batch.totals;
  const ownItems = itemSums(batch.rows);
  const inserted = await run(s.insertBatch, [...sql.insertBatchParams(batch, ownItems)]);
  if (inserted.rowCount === 0) {
    // A concurrent twin waited on the unique index and now sees the committed row.
    const existing = (await run(s.batchHash, [batch.batchId])).rows[0] as { body_hash: string } | undefined;
    if (existing) return { kind: existing.body_hash === batch.bodyHash ? 'duplicate' : 'conflict' };
    return { kind: 'stale', storedRevision: await storedRevision() };
  }
  if (
    (await run(s.upsertLatest, [...key, batch.revision, batch.batchId, responses, counted, suspect, abandoned]))
      .rowCount === 0
  ) {
    return { kind: 'stale', storedRevision: await storedRevision() };
  }
  // Revision 1 can only be a new key: nothing to replace, a round trip saved.
  const replaced =
    batch.revision > 1
      ? (((await run(s.replacedTotals, [...key, batch.revision])).rows[0] as
          (ResponseCounts & { itemCounts: string | null }) | undefined) ?? null)
      : null;
  const delta = sumsDelta(
    batch,
    ownItems,
    replaced && { totals: replaced, items: decodeItemCounts(replaced.itemCounts) },
  );
  const q = [batch.questionnaire.id, batch.questionnaire.version];
  const t = delta.totals;
  const items = [delta.items.map((d) => d.item), ...[0, 1, 2, 3, 4].map((i) => delta.items.map((d) => d.counts[i]))];
  await run(s.addSums, [
    delta.month,
    ...q,
    batch.deviceId,
    delta.deviceDays,
    t.responses,
    t.counted,
    t.suspect,
    t.abandoned,
    batch.unitCode,
    batch.date,
    stripeOf(batch.deviceId),
    ...items,
    batch.receivedAt,
  ]);
  return { kind: 'created' };
}

const withFirstRevision = new WeakSet<pg.PoolClient>();

async function writeFirstRevision(client: pg.PoolClient, batch: IncomingBatch): Promise<IngestOutcome> {
  if (!withFirstRevision.has(client)) {
    await client.query(firstRevisionFunction());
    withFirstRevision.add(client);
  }
  const items: ItemCounts[] = itemSums(batch.rows);
  // A new key: the kept sums take the batch's own counts by item, nothing taken away.
  const delta = sumsDelta(batch, items, null);
  const result = await client.query<{ outcome: IngestOutcome['kind']; stored_revision: number | null }>({
    ...s.firstRevision,
    values: [
      ...sql.insertBatchParams(batch, items),
      batch.unitCode,
      stripeOf(batch.deviceId),
      delta.month,
      delta.items.map((d) => d.item),
      ...[0, 1, 2, 3, 4].map((i) => delta.items.map((d) => d.counts[i])),
    ],
  });
  const { outcome, stored_revision: storedRevision } = result.rows[0]!;
  return outcome === 'stale' ? { kind: 'stale', storedRevision: storedRevision ?? batch.revision } : { kind: outcome };
}

/** The hub on PostgreSQL: a province's or the country's communes, several hub processes if need be. */
export async function openPostgresStore(connectionString: string, { poolSize = 16 } = {}): Promise<HubStore> {
  const pool = new pg.Pool({ connectionString, max: poolSize, types, options: SESSION_SETTINGS });
  // An idle client losing its connection must not crash the hub; the next query reconnects.
  pool.on('error', () => {});
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  // Known devices for a minute: a round trip less per batch. Devices are only ever added (a token
  // no device holds is looked up every time), and one edited by hand in the database counts within the minute.
  const devicesSeen = new Map<string, { device: DeviceRecord; until: number }>();
  let ownWrites = 0;
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
      ownWrites += 1;
    },
    async deviceByTokenHash(tokenHash) {
      const cached = devicesSeen.get(tokenHash);
      if (cached && cached.until > Date.now()) return cached.device;
      const device = (await all<DeviceRecord>(s.deviceByTokenHash, [tokenHash]))[0] ?? null;
      if (device && devicesSeen.size < DEVICES_CACHED)
        devicesSeen.set(tokenHash, { device, until: Date.now() + DEVICE_SECONDS * 1000 });
      return device;
    },
    deviceStatuses: () => all<DeviceStatus>(s.deviceStatuses),
    async ingest(batch) {
      const client = await pool.connect();
      try {
        let outcome: IngestOutcome;
        if (batch.revision === 1) outcome = await writeFirstRevision(client, batch);
        else {
          await client.query('BEGIN');
          outcome = await writeBatch(client, batch);
          // A stale batch's row in batches is undone; everything else commits (duplicates wrote nothing).
          await client.query(outcome.kind === 'stale' ? 'ROLLBACK' : 'COMMIT');
        }
        if (outcome.kind === 'created') ownWrites += 1;
        return outcome;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async latestOf(deviceId, date) {
      const rows = await all<{
        questionnaire_id: string;
        questionnaire_version: number;
        batch_id: string;
        revision: number;
      }>(s.latestOfDay, [deviceId, date]);
      return rows.map((row) => ({
        questionnaire: { id: row.questionnaire_id, version: row.questionnaire_version },
        batchId: row.batch_id,
        revision: row.revision,
      }));
    },
    async countsByUnit(period) {
      return (await all<sql.CountsSqlRow>(s.countsByUnit, partParams(splitPeriod(period)))).map(sql.toCounts);
    },
    async countsByDay({ from, to }, unitCode) {
      const rows =
        unitCode === undefined
          ? await all<sql.CountsSqlRow>(s.countsByDay, [from, to])
          : await all<sql.CountsSqlRow>(s.countsByDayOfUnit, [from, to, unitCode]);
      return rows.map(sql.toCounts);
    },
    unitTotals: async (period) =>
      (await all<Record<string, unknown>>(s.unitTotals, partParams(splitPeriod(period)))).map(sql.toUnitTotals),
    units: () => all<UnitRecord>(s.units),
    async totals({ deviceId, from = sql.WHOLE_TIME.from, to = sql.WHOLE_TIME.to }) {
      const st = s.totals[deviceId === undefined ? 0 : 1]!;
      const params = deviceId === undefined ? [from, to] : [from, to, deviceId];
      const [latest] = await all<Parameters<typeof sql.assembleTotals>[0]>(st.latest, params);
      const [stored] = await all<{ batches: number }>(st.stored, params);
      const items = await all<sql.LatestItemsRow>(st.items, params);
      return sql.assembleTotals(latest!, stored!.batches, items);
    },
    /**
     * The snapshot (xmin:xmax:in-progress xids) names exactly which transactions
     * are visible: any commit since the last read, by this hub or another process on
     * the database, changes it (a commit of another database of the cluster too — a
     * needless recompute, never a stale page). Unlike a highest batch number, it also
     * moves when a transaction that started earlier commits later.
     */
    async dataVersion() {
      const { rows } = await pool.query<{ snapshot: string }>('SELECT pg_current_snapshot()::text AS snapshot');
      return `${ownWrites}.${rows[0]!.snapshot}`;
    },
    async sizeBytes() {
      return Number(
        (await pool.query<{ size: string }>('SELECT pg_database_size(current_database()) AS size')).rows[0]!.size,
      );
    },
    async close() {
      await pool.end();
    },
  };
}
