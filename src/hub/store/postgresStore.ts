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
  type Period,
  type UnitRecord,
} from './port';
import { HubSchemaTooNewError } from './sqliteStore';
import { decodeItemCounts, itemSums, sumsDelta, type SumsDelta } from './keptSums';
import { stripeOf } from './stripes';
import {
  applyDelta,
  storedRunningOf,
  unitDaysOf,
  UnitPeriodSums,
  withDelta,
  type PeriodEndsRow,
  type Running,
  type RunningDayRow,
  type UnitPeriod,
  runningValues,
} from './running';
import { eachRow } from './eachRow';
import * as sql from './sql';
import { firstRevisionFunction, keepOthersText, lockDeviceText, RUNNING_MOVED } from './postgresFunctions';

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
 * TimeZone UTC: timestamps come back in the one form isoOfTimestamptz rearranges.
 */
const SESSION_SETTINGS = '-c jit=off -c work_mem=32MB -c TimeZone=UTC';

const DEVICES_CACHED = 100_000;
/** Two questionnaire versions for each of a country's kiosks, with room to spare (≈ 1 KB each). */
const RUNNING_KEYS_CACHED = 100_000;
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
  lockDevice: { name: 'hub_lock_device', text: `SELECT ${lockDeviceText('$1')}` },
  runningAround: statement(sql.runningAround),
  putRunning: statement(sql.putRunning),
  keepOthers: { name: 'hub_keep_others', text: keepOthersText() },
  firstRevision: {
    name: 'hub_first_revision',
    text: `SELECT outcome, stored_revision FROM pg_temp.hub_first_revision(${Array.from({ length: 31 }, (_, i) => `$${i + 1}`).join(', ')})`,
  },
  insertDevice: statement(sql.insertDevice),
  deviceByTokenHash: statement(sql.deviceByTokenHash),
  deviceStatuses: statement(sql.deviceStatuses),
  periodEnds: statement(sql.periodEndsLateral),
  countsByDay: statement(sql.countsByDay),
  unitRunningDays: statement(sql.unitRunningDays),
  units: statement(sql.units),
  totals: ([false, true] as const).map((byDevice) => ({
    latest: statement(sql.totalsOfLatest(byDevice)),
    stored: statement(sql.totalsOfBatches(byDevice)),
    items: statement(sql.totalsOfItems(byDevice)),
  })),
};

/** A device's last running row of one questionnaire as this hub last wrote or read it; `date` null: none yet. */
interface KnownLast {
  date: string | null;
  version: number | null;
  running: Running;
}

const runningKeyOf = (batch: IncomingBatch) =>
  `${batch.deviceId}\u0000${batch.questionnaire.id}\u0000${batch.questionnaire.version}`;

/** The per-item change as keepOthersText's arrays: items, then c1..c5. */
const itemArrays = (delta: SumsDelta) => [
  delta.items.map((d) => d.item),
  ...[0, 1, 2, 3, 4].map((i) => delta.items.map((d) => d.counts[i])),
];

/**
 * Any batch, in the caller's transaction: the batch, its latest pointer, what it
 * replaces, then — under its device's lock — its device's running rows read, changed
 * (running.applyDelta) and written, and the other kept sums. Answers the device's
 * last running row once committed, for the next batch's one-round-trip path.
 */
async function writeBatch(
  client: pg.PoolClient,
  batch: IncomingBatch,
): Promise<{ outcome: IngestOutcome; last?: KnownLast }> {
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
    if (existing) return { outcome: { kind: existing.body_hash === batch.bodyHash ? 'duplicate' : 'conflict' } };
    return { outcome: { kind: 'stale', storedRevision: await storedRevision() } };
  }
  if (
    (await run(s.upsertLatest, [...key, batch.revision, batch.batchId, responses, counted, suspect, abandoned]))
      .rowCount === 0
  ) {
    return { outcome: { kind: 'stale', storedRevision: await storedRevision() } };
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
  await run(s.lockDevice, [batch.deviceId]);
  const around = (await run(s.runningAround, [batch.deviceId, ...q, batch.deviceId, ...q, batch.date, batch.date]))
    .rows as Array<Record<string, unknown>>;
  const { put, last } = applyDelta(around.map(storedRunningOf), batch.date, delta);
  for (const { date, running } of put) await run(s.putRunning, [batch.deviceId, ...q, date, ...runningValues(running)]);
  await run(s.keepOthers, [
    batch.deviceId,
    ...q,
    batch.date,
    stripeOf(batch.deviceId),
    ...itemArrays(delta),
    batch.receivedAt,
  ]);
  return { outcome: { kind: 'created' }, last };
}

const withFunction = new WeakSet<pg.PoolClient>();

/**
 * A first revision for a day after its device's last running row as known: one
 * round trip (hub_first_revision). Null when that row is no longer the last one
 * (another hub process wrote since): nothing was stored, writeBatch must do it.
 */
async function writeFirstRevision(
  client: pg.PoolClient,
  batch: IncomingBatch,
  known: KnownLast,
): Promise<{ outcome: IngestOutcome; last?: KnownLast } | null> {
  if (!withFunction.has(client)) {
    await client.query(firstRevisionFunction());
    withFunction.add(client);
  }
  const items = itemSums(batch.rows);
  const delta = sumsDelta(batch, items, null);
  const running = withDelta(known.running, delta);
  try {
    const result = await client.query<{ outcome: IngestOutcome['kind']; stored_revision: number | null }>({
      ...s.firstRevision,
      values: [
        ...sql.insertBatchParams(batch, items),
        stripeOf(batch.deviceId),
        known.date,
        known.version,
        ...runningValues(running),
        ...itemArrays(delta),
      ],
    });
    const { outcome, stored_revision: storedRevision } = result.rows[0]!;
    if (outcome === 'stale') return { outcome: { kind: 'stale', storedRevision: storedRevision ?? batch.revision } };
    if (outcome !== 'created') return { outcome: { kind: outcome } };
    return { outcome: { kind: 'created' }, last: { date: batch.date, version: 1, running } };
  } catch (error) {
    if ((error as { code?: string }).code === RUNNING_MOVED) return null;
    throw error;
  }
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
  /**
   * Each (device, questionnaire)'s last running row as this process last wrote it: what
   * the next day's row is built from without reading it back. hub_first_revision
   * checks it is still the last one (another process may write to the same database).
   */
  const lastRunning = new Map<string, KnownLast>();
  // The report asks for a period's counts and its totals at once: both come from one read.
  const periodReads = new Map<string, Promise<UnitPeriod>>();
  const unitPeriod = (period: Period): Promise<UnitPeriod> => {
    const key = `${period.from}/${period.to}`;
    let read = periodReads.get(key);
    if (!read) {
      const sums = new UnitPeriodSums();
      read = eachRow<PeriodEndsRow>(pool, { ...s.periodEnds, values: [period.to, period.from, period.from] }, (row) =>
        sums.add(row),
      )
        .then(() => sums.result())
        .finally(() => periodReads.delete(key));
      periodReads.set(key, read);
    }
    return read;
  };
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
      const runningKey = runningKeyOf(batch);
      try {
        // Days sent in order, the device's last running row known: one round trip. Anything else, or that
        // row moved meanwhile (another hub process), in a transaction that reads the rows it changes.
        const known = batch.revision === 1 ? lastRunning.get(runningKey) : undefined;
        let written =
          known && (known.date === null || known.date < batch.date)
            ? await writeFirstRevision(client, batch, known)
            : null;
        if (!written) {
          await client.query('BEGIN');
          written = await writeBatch(client, batch);
          // A stale batch's row in batches is undone; everything else commits (duplicates wrote nothing).
          await client.query(written.outcome.kind === 'stale' ? 'ROLLBACK' : 'COMMIT');
        }
        const seen = lastRunning.get(runningKey);
        if (written.last && (!seen?.date || !written.last.date || seen.date <= written.last.date))
          if (seen || lastRunning.size < RUNNING_KEYS_CACHED) lastRunning.set(runningKey, written.last);
        if (written.outcome.kind === 'created') ownWrites += 1;
        return written.outcome;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        lastRunning.delete(runningKey);
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
    countsByUnit: async (period) => (await unitPeriod(period)).counts,
    async countsByDay(period, unitCode) {
      if (unitCode === undefined)
        return (await all<sql.CountsSqlRow>(s.countsByDay, [period.from, period.to])).map(sql.toCounts);
      const rows = await all<RunningDayRow>(s.unitRunningDays, [unitCode, period.from, period.from, period.to]);
      return unitDaysOf(rows, period);
    },
    unitTotals: async (period) => (await unitPeriod(period)).totals,
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
