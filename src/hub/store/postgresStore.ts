import type pg from 'pg';
import { postgresMigrations } from './migrations/postgres';
import {
  DeviceExistsError,
  type DeviceRecord,
  type DeviceStatus,
  type HubStore,
  type Period,
  type UnitRecord,
} from './port';
import { HubSchemaTooNewError } from './sqliteStore';
import { unitDaysOf, UnitPeriodSums, type PeriodEndsRow, type RunningDayRow, type UnitPeriod } from './running';
import { runningKeyOf, writeBatch, writeFirstRevision, type KnownLast } from './postgresIngest';
import { eachRow, openPool, statement } from './postgresPool';
import * as sql from './sql';

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
  latestOfDay: statement(sql.latestOfDay),
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

/** The hub on PostgreSQL: a province's or the country's communes, several hub processes if need be. */
export async function openPostgresStore(connectionString: string, { poolSize = 16 } = {}): Promise<HubStore> {
  const pool = openPool(connectionString, poolSize);
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
