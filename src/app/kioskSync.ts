import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { createOutboxStore } from '../../db/outboxStore';
import type { SettingsStore } from '../../db/settingsStore';
import type { SecretStore } from '../node/secretFile';
import type { AuditLog, Clock, Logger } from '../services/ports';
import { itemsOf, type Questionnaire } from '../domain/questionnaire';
import type { ScalePoints } from '../domain/scale';
import { questionnaireKey, type QuestionnaireRef } from '../domain/scoring';
import { createSyncService, type SyncService } from '../services/sync';
import { createSyncClient } from '../node/syncClient';
import { createSyncScheduler } from './syncScheduler';
import { routeSyncSecrets } from './syncSecrets';
import { APP_VERSION } from '../node/version';

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
  kiosk: {
    kioskSettings(): { unit: { code: string; name: string } };
    questionnaire(ref: QuestionnaireRef): Questionnaire | null;
  };
  audit: AuditLog;
  clock: Clock;
  deviceId: string;
  logger: Logger;
  options?: KioskSyncOptions;
  /** Where the token and secret are kept; without one, in the settings row (the CLI on an old data folder). */
  secrets?: SecretStore;
}

/** What the operation table calls (see implementations.ts). */
export type SyncOperations = Pick<SyncService, 'status' | 'configure' | 'testConnection'> & {
  syncNow: SyncService['syncNow'];
};

/**
 * Upstream sync for one open database: outbox store, HTTP client, service and
 * scheduler. composeApp and the CLI both build it here.
 *
 * The device token and secret live outside the database when a secret store is
 * given (composeApp always gives one): sealed with Electron's safeStorage in the
 * desktop app, in a file readable only by the kiosk's user in the HTTP host
 * (src/node/secretFile.ts). The settings row then keeps the address only.
 */
export function createKioskSync({
  db,
  settings,
  kiosk,
  audit,
  clock,
  deviceId,
  logger,
  options = {},
  secrets,
}: KioskSyncDeps) {
  // A stored questionnaire version never changes, so its item scales are read once.
  const scales = new Map<string, ReadonlyMap<string, ScalePoints>>();
  const scalesOf = (ref: QuestionnaireRef): ReadonlyMap<string, ScalePoints> => {
    const key = questionnaireKey(ref);
    let found = scales.get(key);
    if (!found) {
      const questionnaire = kiosk.questionnaire(ref);
      found = new Map(questionnaire ? itemsOf(questionnaire).map((item) => [item.id, item.scale]) : []);
      scales.set(key, found);
    }
    return found;
  };
  const service = createSyncService({
    store: createOutboxStore(db, secrets ? routeSyncSecrets(settings, secrets, logger) : settings),
    upstream: createSyncClient({ totalTimeoutMs: options.totalTimeoutMs ?? 30_000 }),
    clock,
    random: options.random ?? Math.random,
    newId: randomUUID,
    logger,
    audit,
    device: { id: deviceId, appVersion: APP_VERSION },
    unit: () => kiosk.kioskSettings().unit,
    scaleOf: (ref, item) => scalesOf(ref).get(item) ?? 5,
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
