import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { createOutboxStore } from '../../db/outboxStore';
import type { SettingsStore } from '../../db/settingsStore';
import type { AuditLog, Clock, Logger } from '../services/ports';
import { createSyncService, type SyncService } from '../services/sync';
import { createSyncClient } from './syncClient';
import { createSyncScheduler } from './syncScheduler';
import { APP_VERSION } from './version';

export interface KioskSyncOptions {
  /** Run passes at start and on a schedule (default). Tests turn it off and call syncNow. */
  schedule?: boolean;
  intervalMs?: number;
  /** Whole-request limit; tests shorten it to see a timeout quickly. */
  totalTimeoutMs?: number;
  /** The back-off's jitter source. */
  random?: () => number;
}

export interface KioskSyncDeps {
  db: Database.Database;
  settings: SettingsStore;
  kiosk: { kioskSettings(): { unit: { code: string; name: string } } };
  audit: AuditLog;
  clock: Clock;
  deviceId: string;
  logger: Logger;
  options?: KioskSyncOptions;
}

/** What the operation table calls (see implementations.ts). */
export type SyncOperations = Pick<SyncService, 'status' | 'configure' | 'testConnection'> & { syncNow: SyncService['syncNow'] };

/**
 * Upstream sync for one open database: outbox store, HTTP client, service and
 * scheduler. composeApp and the CLI both build it here.
 *
 * The device token and secret are stored in the clear in the settings table.
 * That is acceptable here because they are no more sensitive than what sits
 * beside them: the database already holds the key of the case-code hashes and
 * the citizens' comments and phone numbers, so whoever can read the file has
 * more than the secret would give (the secret only lets one write this kiosk's
 * own counts to the collector, which can revoke it). Better, when the platform
 * allows: Electron's safeStorage (DPAPI on Windows) to encrypt them at rest,
 * with the settings row holding only the ciphertext.
 */
export function createKioskSync({ db, settings, kiosk, audit, clock, deviceId, logger, options = {} }: KioskSyncDeps) {
  const service = createSyncService({
    store: createOutboxStore(db, settings),
    upstream: createSyncClient({ totalTimeoutMs: options.totalTimeoutMs ?? 30_000 }),
    clock,
    random: options.random ?? Math.random,
    newId: randomUUID,
    logger,
    audit,
    device: { id: deviceId, appVersion: APP_VERSION },
    unit: () => kiosk.kioskSettings().unit,
  });
  const scheduler = createSyncScheduler({ sync: service, clock, logger, intervalMs: options.intervalMs });
  // Days that ended while the kiosk was off are queued before anything else happens.
  service.buildBatches();
  if (options.schedule !== false) scheduler.start();

  const operations: SyncOperations = {
    status: service.status,
    configure: service.configure,
    testConnection: service.testConnection,
    syncNow: scheduler.syncNow,
  };
  return {
    service,
    operations,
    /** Hook for the host (Electron's `online` event): send what waits, now. */
    networkOnline: scheduler.networkOnline,
    stop(): void {
      scheduler.stop();
      service.close();
    },
  };
}

export type KioskSync = ReturnType<typeof createKioskSync>;
