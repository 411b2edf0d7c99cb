import Database from 'better-sqlite3';
import { applyDurablePragmas } from '../../../db/durablePragmas';
import { sqliteMigrations } from './migrations/sqlite';
import {
  DeviceExistsError,
  type CountsRow,
  type DeviceRecord,
  type DeviceStatus,
  type HubStore,
  type IncomingBatch,
  type IngestOutcome,
  type LatestTotals,
  type UnitTotals,
} from './port';
import * as sql from './sql';

export class HubSchemaTooNewError extends Error {
  readonly code = 'database_too_new';
  constructor(found: number, supported: number) {
    super(`the hub database is at schema version ${found}, newer than this hub (${supported}); update the hub`);
  }
}

/** All pending migrations in one transaction, user_version set inside it. */
function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > sqliteMigrations.length) throw new HubSchemaTooNewError(current, sqliteMigrations.length);
  if (current === sqliteMigrations.length) return;
  db.transaction(() => {
    for (let version = current + 1; version <= sqliteMigrations.length; version += 1) db.exec(sqliteMigrations[version - 1] ?? '');
    // user_version cannot be bound as a parameter; the value is our own integer.
    db.pragma(`user_version = ${sqliteMigrations.length}`);
  })();
}

/** Thrown inside the write transaction to roll it back; never escapes ingest(). */
class Stale {
  constructor(readonly storedRevision: number) {}
}

/** The hub on one SQLite file: a district's communes, one writer process. */
export function openSqliteStore(file: string): HubStore {
  const db = new Database(file);
  try {
    // The hub answers 201 and the kiosk then forgets the batch: the commit must survive a power cut.
    applyDurablePragmas(db);
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }

  const stmt = {
    insertBatch: db.prepare(sql.insertBatch),
    batchHash: db.prepare<[string], { body_hash: string }>(sql.batchHash),
    latestOf: db.prepare<[string, string], { batch_id: string; revision: number }>(sql.latestOf),
    upsertLatest: db.prepare(sql.upsertLatest),
    deleteLatestRows: db.prepare(sql.deleteLatestRows),
    insertRow: db.prepare(
      'INSERT INTO latest_rows (device_id, date, item, counter, field, batch_id, c1, c2, c3, c4, c5) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    insertDevice: db.prepare(sql.insertDevice),
    deviceByTokenHash: db.prepare<[string], DeviceRecord>(sql.deviceByTokenHash),
    deviceStatuses: db.prepare<[], DeviceStatus>(sql.deviceStatuses),
    countsByUnit: db.prepare<[string, string], sql.CountsSqlRow>(sql.countsByUnit),
    countsByDay: db.prepare<[string, string], sql.CountsSqlRow>(sql.countsByDay),
    countsByDayOfUnit: db.prepare<[string, string, string], sql.CountsSqlRow>(sql.countsByDayOfUnit),
    unitTotals: db.prepare<[string, string], UnitTotals>(sql.unitTotals),
  };

  const write = db.transaction((batch: IncomingBatch): IngestOutcome => {
    const inserted = stmt.insertBatch.run(
      batch.batchId, batch.deviceId, batch.date, batch.revision, batch.bodyHash,
      batch.responses, batch.excluded, batch.receivedAt, batch.body,
    );
    if (inserted.changes === 0) {
      const existing = stmt.batchHash.get(batch.batchId);
      if (existing) return { kind: existing.body_hash === batch.bodyHash ? 'duplicate' : 'conflict' };
      // Not this batchId: another batch already holds this (device, date, revision).
      return { kind: 'stale', storedRevision: stmt.latestOf.get(batch.deviceId, batch.date)?.revision ?? batch.revision };
    }
    if (stmt.upsertLatest.run(batch.deviceId, batch.date, batch.revision, batch.batchId).changes === 0) {
      throw new Stale(stmt.latestOf.get(batch.deviceId, batch.date)?.revision ?? batch.revision);
    }
    stmt.deleteLatestRows.run(batch.deviceId, batch.date);
    for (const row of batch.rows) {
      stmt.insertRow.run(batch.deviceId, batch.date, row.item, row.counter, row.field, batch.batchId, ...row.counts);
    }
    return { kind: 'created' };
  });

  return {
    kind: 'sqlite',
    async addDevice(device) {
      const { changes } = stmt.insertDevice.run(
        device.deviceId, device.unitCode, device.unitName, device.tokenHash, device.secret, device.createdAt,
      );
      if (changes === 0) throw new DeviceExistsError(device.deviceId);
    },
    async deviceByTokenHash(tokenHash) {
      return stmt.deviceByTokenHash.get(tokenHash) ?? null;
    },
    async deviceStatuses() {
      return stmt.deviceStatuses.all();
    },
    async ingest(batch) {
      try {
        // IMMEDIATE: take the write lock up front rather than upgrading mid-way (SQLITE_BUSY).
        return write.immediate(batch);
      } catch (error) {
        if (error instanceof Stale) return { kind: 'stale', storedRevision: error.storedRevision };
        throw error;
      }
    },
    async latestOf(deviceId, date) {
      const row = stmt.latestOf.get(deviceId, date);
      return row ? { batchId: row.batch_id, revision: row.revision } : null;
    },
    async countsByUnit({ from, to }): Promise<CountsRow[]> {
      return stmt.countsByUnit.all(from, to).map(sql.toCounts);
    },
    async countsByDay({ from, to }, unitCode) {
      const rows = unitCode === undefined ? stmt.countsByDay.all(from, to) : stmt.countsByDayOfUnit.all(from, to, unitCode);
      return rows.map(sql.toCounts);
    },
    async unitTotals({ from, to }) {
      return stmt.unitTotals.all(from, to);
    },
    async totals({ deviceId, from = sql.WHOLE_TIME.from, to = sql.WHOLE_TIME.to }): Promise<LatestTotals> {
      const byDevice = deviceId !== undefined;
      const params = byDevice ? [from, to, deviceId] : [from, to];
      const latest = db.prepare(sql.totalsOfLatest(byDevice)).get(...params) as { batches: number; responses: number; excluded: number };
      const stored = db.prepare(sql.totalsOfBatches(byDevice)).get(...params) as { batches: number };
      const items = db.prepare(sql.totalsByItem(byDevice)).all(...params) as Array<sql.CountsSqlRow & { n: number }>;
      return sql.assembleTotals(latest, stored.batches, items);
    },
    async close() {
      db.close();
    },
  };
}
