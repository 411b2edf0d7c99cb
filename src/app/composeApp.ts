import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase, schemaVersion } from '../../db/openDatabase';
import { type Caller, type Dispatch, type LocalAdminGrant } from '../contract/dispatch';
import { preMigrationBackupName } from '../domain/backupNames';
import { createBackupService } from '../services/backups';
import { type LanHostPort } from '../services/lan';
import type { AuditLog, Clock, Logger, ResponseRecord } from '../services/ports';
import { type ShellHooks } from '../services/shell';
import { type SecretBox } from '../node/secretFile';
import { createBackupManager, openOrRecover, recoveryAlert } from './backups';
import { type KioskSyncOptions } from './kioskSync';
import { createLiveDatabase } from './liveDatabase';
import { composeServices, type Services } from './composeServices';
import { createLogger } from '../node/logger';
import { createMaintenance } from './maintenance';
import { APP_VERSION } from '../node/version';

export const DATABASE_FILE = 'sipas.sqlite3';
const RETRY_PENDING_MS = 5_000;

export interface ComposeOptions {
  dataDir: string;
  clock?: Clock;
  logger?: Logger;
  /** Seed demo officers into an empty database (until the administrator sets the unit up). */
  demo?: boolean;
  /** Upstream sync: schedule, timeouts, jitter (tests shorten or switch off the schedule). */
  sync?: KioskSyncOptions;
  /** What only the desktop shell can do (leave kiosk mode, save a PDF); the HTTP host has none. */
  shell?: ShellHooks;
  /** Seals the sync token and secret at rest (Electron's safeStorage); without one they stay unsealed in a 0600 file. */
  secretBox?: SecretBox;
  /** The host's LAN server: told the stored LAN setting at start and after every change (absent: nothing serves the LAN). */
  lan?: LanHostPort;
  /**
   * An in-process host acting as the machine's administrator (the CLI, run by whoever
   * holds the data folder): App.localAdmin is then its caller, with this officer code and
   * name in the audit log. Never given by hosts that serve requests (Electron, HTTP).
   */
  localAdmin?: { officer: string; officerName: string };
  /**
   * The maintenance pass at start and its hourly timer, the LAN host, the pending-write
   * retry and the sync schedule (default true). A one-shot host beside a running kiosk
   * (the CLI) turns them off: the kiosk does them.
   */
  background?: boolean;
  /**
   * Move a damaged database aside and put the newest good backup in its place (default:
   * as `background`). Off, a damaged database fails to open: files must not be moved under
   * a kiosk running on the same folder. The CLI's restore, which checked none is, turns it on.
   */
  recover?: boolean;
}

export interface App {
  dataDir: string;
  databaseFile: string;
  dispatch: Dispatch;
  /** For the host: the network is back (Electron's `online` event); waiting sync batches go now. */
  networkOnline(): void;
  /** The caller that acts as the local administrator; only when composed with `localAdmin`. */
  localAdmin?: Caller;
  close(): void;
}

/**
 * Composes the whole app for one data folder: opens the database, builds the
 * services from their ports and binds them to the operation table. Both hosts
 * (Electron and HTTP) call this, so they cannot drift apart.
 */
export async function composeApp({
  dataDir,
  clock = { now: Date.now },
  logger = createLogger('app'),
  demo = true,
  sync,
  shell,
  lan,
  secretBox,
  localAdmin,
  background = true,
  recover = background,
}: ComposeOptions): Promise<App> {
  fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
  const databaseFile = path.join(dataDir, DATABASE_FILE);
  const open = () =>
    openDatabase(databaseFile, {
      backupBeforeMigrating: (from) => path.join(dataDir, 'backups', preMigrationBackupName(from, clock.now())),
    });
  // A damaged database is moved aside and the newest good backup takes its place: the kiosk keeps taking answers.
  const { db, recovery } = recover
    ? openOrRecover({ dataDir, databaseFile, clock, logger }, open)
    : { db: open(), recovery: null };

  // What is built on the database is rebuilt in place by a restore (swap below); everything
  // that outlives one database (dispatch, timers, backups) reaches it only through `live`.
  const live = createLiveDatabase<Services>();
  const pending = new Map<string, ResponseRecord>();
  const audit: AuditLog = {
    record: (entry) => live.current().audit.record(entry),
    list: (query) => live.current().audit.list(query),
  };
  const backups = createBackupManager({
    dataDir,
    databaseFile,
    clock,
    logger,
    database: () => live.current().db,
    swap,
  });
  const backupService = createBackupService({ vault: backups, audit, clock });
  const grant: LocalAdminGrant | undefined =
    localAdmin && Object.freeze({ session: Object.freeze({ role: 'admin' as const, ...localAdmin }) });
  const syncOptions = background ? sync : { ...sync, schedule: false };
  const build = async (opened: Database.Database) => {
    try {
      return await composeServices(opened, {
        clock,
        logger,
        demo,
        pending,
        backups: backupService,
        sync: syncOptions,
        shell,
        lan,
        secretBox,
        localAdmin: grant,
      });
    } catch (error) {
      opened.close();
      throw error;
    }
  };
  live.start(await build(db));

  /** Closes the database, lets `install` swap the files, and rebuilds on the result (or on the old one again). */
  async function swap(install: () => void, undo: () => void): Promise<number> {
    const restored = await live.swap(
      async () => {
        install();
        const services = await build(open());
        void services.lan.start(); // the restored database may hold another LAN setting
        return services;
      },
      (error) => {
        logger.error('the restored database did not open; the previous one is put back', { error: String(error) });
        undo();
        return build(open());
      },
    );
    return schemaVersion(restored.db);
  }

  if (recovery) {
    const alert = recoveryAlert(recovery);
    live.current().alerts.raise(alert.kind, alert.message, alert.detail);
    audit.record({
      at: new Date(clock.now()).toISOString(),
      officer: 'system',
      action: 'recoverDatabase',
      target: recovery.restoredFrom,
      after: recovery,
    });
  }

  // Calls that arrive during a swap wait for it and then reach the new services.
  const dispatch: Dispatch = (name, input, caller) => live.use((services) => services.dispatch(name, input, caller));

  const maintenance = createMaintenance({
    clock,
    logger,
    dailyBackup: () => backups.daily(),
    purge: () => live.current().retention.purge(),
    backupFailed: (message) => void live.current().alerts.raise('backup_failed', message),
  });
  if (background) {
    await maintenance.run();
    maintenance.start();
    await live.current().lan.start();
  }

  const retryTimer = background
    ? setInterval(() => live.whenIdle((services) => services.survey.retryPending()), RETRY_PENDING_MS)
    : undefined;
  retryTimer?.unref();

  logger.info('app ready', {
    dataDir,
    deviceId: live.current().deviceId,
    version: APP_VERSION,
    recovered: recovery !== null,
  });
  return {
    dataDir,
    databaseFile,
    dispatch,
    networkOnline() {
      live.whenIdle((services) => services.sync.networkOnline());
    },
    ...(grant ? { localAdmin: { localAdmin: grant, local: true } } : {}),
    close() {
      clearInterval(retryTimer);
      maintenance.stop();
      live.close();
    },
  };
}
