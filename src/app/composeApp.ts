import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { createAdminStore } from '../../db/adminStore';
import { createAuditStore } from '../../db/auditStore';
import { createDeskStore } from '../../db/deskStore';
import { createFeedbackStore } from '../../db/feedbackStore';
import { createTargetsStore } from '../../db/targetsStore';
import { createLanStore } from '../../db/lanStore';
import { createOfficerStore } from '../../db/officerStore';
import { openDatabase, schemaVersion } from '../../db/openDatabase';
import { createReportStore } from '../../db/reportStore';
import { createRetentionStore } from '../../db/retentionStore';
import { createSettingsStore } from '../../db/settingsStore';
import { createSurveyStore } from '../../db/surveyStore';
import { createDispatcher, type Dispatch } from '../contract/dispatch';
import { createAdminService } from '../services/admin';
import { createAlertService } from '../services/alerts';
import { createArmingService } from '../services/arming';
import { createAuthService } from '../services/auth';
import { createBackupService, type BackupService } from '../services/backups';
import { createFeedbackService } from '../services/feedback';
import { createPlan, createTargetService } from '../services/targets';
import { createLanService, type LanHostPort } from '../services/lan';
import type { AuditLog, Clock, Logger, ResponseRecord } from '../services/ports';
import { createReportService } from '../services/reports';
import { createRetentionService } from '../services/retention';
import { createPeriodicReportService } from '../services/periodicReport';
import { createShellService, type ShellHooks } from '../services/shell';
import { createSecretStore, plainSecretBox, SECRETS_FILE, type SecretBox } from '../node/secretFile';
import { createSurveyService } from '../services/survey';
import { lanAddresses } from '../server/lanAddresses';
import { createTlsVault } from '../server/tlsVault';
import { createBackupManager, openOrRecover, recoveryAlert } from './backups';
import { composeExports } from './composeExports';
import { composeSupport } from './composeSupport';
import { EXPORTS_FOLDER } from './exportFiles';
import { createFileDownloads } from './fileDownloads';
import { prepareFirstRun } from './firstRun';
import { writePeriodicReportXlsx } from './periodicReportXlsx';
import { bindImplementations } from './implementations';
import { createKioskSync, type KioskSyncOptions } from './kioskSync';
import { createLogger } from './logger';
import { createMaintenance } from './maintenance';
import { hmacHex, newSecret, scryptPinHasher } from './secrets';
import { APP_VERSION } from './version';

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
}

export interface App {
  dataDir: string;
  databaseFile: string;
  dispatch: Dispatch;
  /** For the host: the network is back (Electron's `online` event); waiting sync batches go now. */
  networkOnline(): void;
  close(): void;
}

/**
 * Composes the whole app for one data folder: opens the database, builds the
 * services from their ports and binds them to the operation table. Both hosts
 * (Electron and HTTP) call this, so they cannot drift apart.
 */
export async function composeApp({ dataDir, clock = { now: Date.now }, logger = createLogger('app'), demo = true, sync, shell, lan, secretBox }: ComposeOptions): Promise<App> {
  fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
  const databaseFile = path.join(dataDir, DATABASE_FILE);
  const open = () =>
    openDatabase(databaseFile, {
      backupBeforeMigrating: (from) => path.join(dataDir, 'backups', `before-migration-v${from}-${clock.now()}.sqlite3`),
    });
  // A damaged database is moved aside and the newest good backup takes its place: the kiosk keeps taking answers.
  const { db, recovery } = openOrRecover({ dataDir, databaseFile, clock, logger }, open);

  // What is built on the database is rebuilt in place by a restore (swap below); everything
  // that outlives one database (dispatch, timers, backups) reaches it only through `live`.
  const pending = new Map<string, ResponseRecord>();
  const audit: AuditLog = { record: (entry) => live.audit.record(entry), list: (query) => live.audit.list(query) };
  const backups = createBackupManager({ dataDir, databaseFile, clock, logger, database: () => live.db, swap });
  const backupService = createBackupService({ vault: backups, audit, clock });
  const build = async (opened: Database.Database) => {
    try {
      return await composeServices(opened, { clock, logger, demo, pending, backups: backupService, sync, shell, lan, secretBox });
    } catch (error) {
      opened.close();
      throw error;
    }
  };
  let live = await build(db);
  let switching: Promise<void> | null = null;

  /** Closes the database, lets `install` swap the files, and rebuilds on the result (or on the old one again). */
  async function swap(install: () => void, undo: () => void): Promise<number> {
    let done = () => {};
    switching = new Promise<void>((resolve) => (done = resolve));
    try {
      live.close(); // sessions and the armed context go with the services: staff sign in again
      try {
        install();
        live = await build(open());
      } catch (error) {
        logger.error('the restored database did not open; the previous one is put back', { error: String(error) });
        undo();
        live = await build(open());
        throw error;
      }
      void live.lan.start(); // the restored database may hold another LAN setting
      return schemaVersion(live.db);
    } finally {
      switching = null;
      done();
    }
  }

  if (recovery) {
    const alert = recoveryAlert(recovery);
    live.alerts.raise(alert.kind, alert.message, alert.detail);
    audit.record({ at: new Date(clock.now()).toISOString(), officer: 'system', action: 'recoverDatabase', target: recovery.restoredFrom, after: recovery });
  }

  // Calls that arrive during a swap wait for it and then reach the new services.
  const dispatch: Dispatch = async (name, input, caller) => {
    while (switching) await switching;
    return live.dispatch(name, input, caller);
  };

  const maintenance = createMaintenance({
    clock,
    logger,
    dailyBackup: () => backups.daily(),
    purge: () => live.retention.purge(),
    backupFailed: (message) => void live.alerts.raise('backup_failed', message),
  });
  await maintenance.run();
  maintenance.start();
  await live.lan.start();

  const retryTimer = setInterval(() => switching || live.survey.retryPending(), RETRY_PENDING_MS);
  retryTimer.unref();

  logger.info('app ready', { dataDir, deviceId: live.deviceId, version: APP_VERSION, recovered: recovery !== null });
  return {
    dataDir,
    databaseFile,
    dispatch,
    networkOnline() {
      if (!switching) live.sync.networkOnline();
    },
    close() {
      clearInterval(retryTimer);
      maintenance.stop();
      live.close();
    },
  };
}

interface ServiceContext {
  clock: Clock;
  logger: Logger;
  demo: boolean;
  pending: Map<string, ResponseRecord>;
  backups: BackupService;
  sync?: KioskSyncOptions;
  shell?: ShellHooks;
  lan?: LanHostPort;
  secretBox?: SecretBox;
}

/** Stores and services on one open database, bound to the operation table. */
async function composeServices(db: Database.Database, { clock, logger, demo, pending, backups, sync: syncOptions, shell, lan: lanHost, secretBox }: ServiceContext) {
  const settings = createSettingsStore(db);
  const surveyStore = createSurveyStore(db, settings);
  const officerStore = createOfficerStore(db);
  const deskStore = createDeskStore(db);
  await prepareFirstRun({ ...surveyStore, ...officerStore, ...deskStore }, scryptPinHasher, { demo, now: new Date(clock.now()).toISOString() });

  const deviceId = settings.getOrCreate('deviceId', () => `kiosk-${randomUUID().slice(0, 8)}`);
  const caseCodeKey = settings.getOrCreate('caseCodeKey', () => newSecret());

  // Arming checks case codes through the survey service, which reads the armed context back.
  const arming = createArmingService({
    clock,
    desks: deskStore,
    newId: randomUUID,
    isCaseRated: (code) => survey.isCaseRated(code),
    armedForMs: () => surveyStore.kioskSettings().armedMinutes * 60_000,
  });
  const survey = createSurveyService({
    store: surveyStore,
    clock,
    logger,
    deviceId,
    hashCaseCode: (code) => hmacHex(caseCodeKey, code),
    armed: arming,
    pending,
    retentionMonths: () => retention.view().months,
  });
  const reportStore = createReportStore(db);
  const reports = createReportService({
    store: reportStore,
    desks: deskStore,
    clock,
    questionnaire: (ref) => surveyStore.questionnaire(ref),
    pendingWrites: () => survey.pendingCount(),
    localChanges: () => survey.changeCount(),
  });
  const audit = createAuditStore(db);
  const targetsStore = createTargetsStore(db);
  const plan = createPlan(targetsStore);
  const feedback = createFeedbackService({
    store: createFeedbackStore(db),
    clock,
    audit,
    plan,
    lowScoreThreshold: () => surveyStore.kioskSettings().lowScoreThreshold,
  });
  const targets = createTargetService({
    store: targetsStore,
    plan,
    audit,
    clock,
    reports: reportStore,
    desks: deskStore,
    activeQuestionnaire: () => surveyStore.activeQuestionnaire(),
    feedback,
  });
  const periodicReports = createPeriodicReportService({
    store: reportStore,
    desks: deskStore,
    settings: () => surveyStore.kioskSettings(),
    questionnaire: (ref) => surveyStore.questionnaire(ref),
    audit,
    clock,
    targetProgress: (year) => targets.progress({ year }),
    writeXlsx: (report, progress) => writePeriodicReportXlsx(report, progress, path.join(path.dirname(db.name), EXPORTS_FOLDER)),
  });
  const admin = createAdminService({
    store: createAdminStore(db),
    audit,
    pins: scryptPinHasher,
    clock,
    questionnaires: surveyStore,
    kiosk: surveyStore,
  });
  const auth = createAuthService({ officers: officerStore, pins: scryptPinHasher, clock, newToken: () => newSecret() });
  const alerts = createAlertService({ settings, audit, clock });
  const retention = createRetentionService({ store: createRetentionStore(db), settings, audit, clock });
  // Export files go to <dataDir>/exports; the database file lives in the data folder itself.
  const exportService = composeExports({
    db,
    dir: path.join(path.dirname(db.name), EXPORTS_FOLDER),
    questionnaire: (ref) => surveyStore.questionnaire(ref),
    audit,
    clock,
    logger,
  });

  const lan = createLanService({
    store: createLanStore(db, settings),
    audit,
    clock,
    logger,
    tls: createTlsVault(path.dirname(db.name), clock),
    host: lanHost,
    addresses: () => lanAddresses(),
    hash: (secret) => createHash('sha256').update(secret).digest('hex'),
    newToken: () => randomBytes(32).toString('base64url'),
    newCode: () => String(randomInt(0, 1_000_000)).padStart(6, '0'),
    newId: randomUUID,
  });

  const secrets = createSecretStore(path.join(path.dirname(db.name), SECRETS_FILE), secretBox ?? plainSecretBox, logger);
  const downloads = createFileDownloads({
    dataDir: path.dirname(db.name),
    exportsDir: path.join(path.dirname(db.name), EXPORTS_FOLDER),
    findBatch: (id) => exportService.list().find((batch) => batch.id === id) ?? null,
    audit,
    clock,
  });

  const sync = createKioskSync({ db, settings, kiosk: surveyStore, audit, clock, deviceId, logger, options: syncOptions, secrets });
  const support = composeSupport({
    dataDir: path.dirname(db.name),
    schemaVersion: () => schemaVersion(db),
    settings: () => ({ kiosk: surveyStore.kioskSettings(), sync: sync.operations.status(), retention: retention.view() }),
    recoveries: () => shell?.recoveries?.() ?? null,
    audit,
    clock,
  });

  const health = () => {
    const pendingWrites = survey.pendingCount();
    return {
      status: pendingWrites === 0 ? ('ok' as const) : ('degraded' as const),
      version: APP_VERSION,
      schemaVersion: schemaVersion(db),
      pendingWrites,
      time: new Date(clock.now()).toISOString(),
    };
  };

  const dispatch = createDispatcher({
    implementations: bindImplementations({ survey, reports, auth, arming, feedback, admin, health, backups, alerts, retention, exports: exportService, sync: sync.operations, shell: createShellService(shell), periodicReports, lan, targets, support, downloads }),
    resolveSession: auth.resolveSession,
    resolveDevice: lan.resolveDevice,
    onInternalError: (operation, error) =>
      logger.error('operation failed', { operation, error: error instanceof Error ? error.stack : String(error) }),
  });

  // A running export is cancelled first: it must not read a closed database.
  const close = () => {
    void exportService.shutdown();
    sync.stop();
    db.close();
  };
  return { db, deviceId, dispatch, survey, audit, alerts, retention, sync, lan, close };
}
