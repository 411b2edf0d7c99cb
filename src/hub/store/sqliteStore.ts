import fs from 'node:fs';
import Database from 'better-sqlite3';
import { applyDurablePragmas } from '../../node/sqliteOptions';
import type { ResponseCounts } from '../../domain/responseCounts';
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
  type UnitRecord,
} from './port';
import { decodeItemCounts, itemSums, sumsDelta } from './keptSums';
import { stripeOf } from './stripes';
import {
  applyDelta,
  runningValues,
  storedRunningOf,
  unitDaysOf,
  unitPeriodOf,
  type PeriodEndsRow,
  type RunningDayRow,
} from './running';
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
    for (let version = current + 1; version <= sqliteMigrations.length; version += 1)
      db.exec(sqliteMigrations[version - 1] ?? '');
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
    latestOf: db.prepare<[string, string, string, number], { batch_id: string; revision: number }>(sql.latestOf),
    latestOfDay: db.prepare<
      [string, string],
      { questionnaire_id: string; questionnaire_version: number; batch_id: string; revision: number }
    >(sql.latestOfDay),
    upsertLatest: db.prepare(sql.upsertLatest),
    replacedTotals: db.prepare<
      [string, string, string, number, number],
      ResponseCounts & { itemCounts: string | null }
    >(sql.replacedTotals),
    runningAround: db.prepare<
      [string, string, number, string, string, number, string, string],
      Record<string, unknown>
    >(sql.runningAround),
    putRunning: db.prepare(sql.putRunning),
    addRunningKey: db.prepare(sql.addRunningKey),
    addDayItem: db.prepare(sql.addDayItems('VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')),
    noteActivity: db.prepare(sql.noteActivity),
    insertDevice: db.prepare(sql.insertDevice),
    deviceByTokenHash: db.prepare<[string], DeviceRecord>(sql.deviceByTokenHash),
    deviceStatuses: db.prepare<[], DeviceStatus>(sql.deviceStatuses),
    periodEnds: db.prepare<[string, string, string], PeriodEndsRow>(sql.periodEnds),
    countsByDay: db.prepare<[string, string], sql.CountsSqlRow>(sql.countsByDay),
    unitRunningDays: db.prepare<[string, string, string, string], RunningDayRow>(sql.unitRunningDays),
    units: db.prepare<[], UnitRecord>(sql.units),
  };

  const write = db.transaction((batch: IncomingBatch): IngestOutcome => {
    const key = [batch.deviceId, batch.date, batch.questionnaire.id, batch.questionnaire.version] as const;
    const storedRevision = () => stmt.latestOf.get(...key)?.revision ?? batch.revision;
    const { responses, counted, suspect, abandoned } = batch.totals;
    const items = itemSums(batch.rows);
    const inserted = stmt.insertBatch.run(...sql.insertBatchParams(batch, items));
    if (inserted.changes === 0) {
      const existing = stmt.batchHash.get(batch.batchId);
      if (existing) return { kind: existing.body_hash === batch.bodyHash ? 'duplicate' : 'conflict' };
      // Not this batchId: another batch already holds this (device, date, questionnaire, revision).
      return { kind: 'stale', storedRevision: storedRevision() };
    }
    if (
      stmt.upsertLatest.run(...key, batch.revision, batch.batchId, responses, counted, suspect, abandoned).changes === 0
    ) {
      throw new Stale(storedRevision());
    }
    // Revision 1 can only be a new key: nothing to replace.
    const replaced = batch.revision > 1 ? (stmt.replacedTotals.get(...key, batch.revision) ?? null) : null;
    const delta = sumsDelta(
      batch,
      items,
      replaced && { totals: replaced, items: decodeItemCounts(replaced.itemCounts) },
    );
    const q = [batch.questionnaire.id, batch.questionnaire.version] as const;
    // The batch's day and every later running row of its device take its change (running.ts).
    const around = stmt.runningAround.all(batch.deviceId, ...q, batch.deviceId, ...q, batch.date, batch.date);
    for (const { date, running } of applyDelta(around.map(storedRunningOf), batch.date, delta).put)
      stmt.putRunning.run(batch.deviceId, ...q, date, ...runningValues(running));
    stmt.addRunningKey.run(batch.deviceId, ...q);
    const stripe = stripeOf(batch.deviceId);
    for (const { item, counts } of delta.items) stmt.addDayItem.run(batch.date, ...q, item, stripe, ...counts);
    stmt.noteActivity.run(batch.deviceId, batch.date, batch.receivedAt);
    return { kind: 'created' };
  });

  // This connection's own commits: PRAGMA data_version only moves for other connections' ones.
  let ownWrites = 0;
  return {
    kind: 'sqlite',
    async addDevice(device) {
      const { changes } = stmt.insertDevice.run(
        device.deviceId,
        device.unitCode,
        device.unitName,
        device.tokenHash,
        device.secret,
        device.createdAt,
      );
      if (changes === 0) throw new DeviceExistsError(device.deviceId);
      ownWrites += 1;
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
        const outcome = write.immediate(batch);
        if (outcome.kind === 'created') ownWrites += 1;
        return outcome;
      } catch (error) {
        if (error instanceof Stale) return { kind: 'stale', storedRevision: error.storedRevision };
        throw error;
      }
    },
    async latestOf(deviceId, date) {
      return stmt.latestOfDay.all(deviceId, date).map((row) => ({
        questionnaire: { id: row.questionnaire_id, version: row.questionnaire_version },
        batchId: row.batch_id,
        revision: row.revision,
      }));
    },
    async countsByUnit(period): Promise<CountsRow[]> {
      return unitPeriodOf(stmt.periodEnds.all(period.to, period.from, period.from)).counts;
    },
    async countsByDay(period, unitCode) {
      if (unitCode === undefined) return stmt.countsByDay.all(period.from, period.to).map(sql.toCounts);
      return unitDaysOf(stmt.unitRunningDays.all(unitCode, period.from, period.from, period.to), period);
    },
    async unitTotals(period) {
      return unitPeriodOf(stmt.periodEnds.all(period.to, period.from, period.from)).totals;
    },
    async units() {
      return stmt.units.all();
    },
    async totals({ deviceId, from = sql.WHOLE_TIME.from, to = sql.WHOLE_TIME.to }): Promise<LatestTotals> {
      const byDevice = deviceId !== undefined;
      const params = byDevice ? [from, to, deviceId] : [from, to];
      const latest = db.prepare(sql.totalsOfLatest(byDevice)).get(...params) as Parameters<
        typeof sql.assembleTotals
      >[0];
      const stored = db.prepare(sql.totalsOfBatches(byDevice)).get(...params) as { batches: number };
      const items = db.prepare(sql.totalsOfItems(byDevice)).all(...params) as sql.LatestItemsRow[];
      return sql.assembleTotals(latest, stored.batches, items);
    },
    async dataVersion() {
      return `${ownWrites}.${db.pragma('data_version', { simple: true }) as number}`;
    },
    async sizeBytes() {
      const size = (path: string) => (fs.existsSync(path) ? fs.statSync(path).size : 0);
      return size(file) + size(`${file}-wal`);
    },
    async close() {
      db.close();
    },
  };
}
