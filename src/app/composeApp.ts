import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createAdminStore } from '../../db/adminStore';
import { createAuditStore } from '../../db/auditStore';
import { createDeskStore } from '../../db/deskStore';
import { createFeedbackStore } from '../../db/feedbackStore';
import { createOfficerStore } from '../../db/officerStore';
import { openDatabase, schemaVersion } from '../../db/openDatabase';
import { createReportStore } from '../../db/reportStore';
import { createSettingsStore } from '../../db/settingsStore';
import { createSurveyStore } from '../../db/surveyStore';
import { createDispatcher, type Dispatch } from '../contract/dispatch';
import { createAdminService } from '../services/admin';
import { createArmingService } from '../services/arming';
import { createAuthService } from '../services/auth';
import { createFeedbackService } from '../services/feedback';
import type { Clock, Logger } from '../services/ports';
import { createReportService } from '../services/reports';
import { createSurveyService } from '../services/survey';
import { prepareFirstRun } from './firstRun';
import { bindImplementations } from './implementations';
import { createLogger } from './logger';
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
}

export interface App {
  dataDir: string;
  databaseFile: string;
  dispatch: Dispatch;
  close(): void;
}

/**
 * Composes the whole app for one data folder: opens the database, builds the
 * services from their ports and binds them to the operation table. Both hosts
 * (Electron and HTTP) call this, so they cannot drift apart.
 */
export async function composeApp({ dataDir, clock = { now: Date.now }, logger = createLogger('app'), demo = true }: ComposeOptions): Promise<App> {
  fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
  const databaseFile = path.join(dataDir, DATABASE_FILE);
  const db = openDatabase(databaseFile, {
    backupBeforeMigrating: (from) => path.join(dataDir, 'backups', `before-migration-v${from}-${clock.now()}.sqlite3`),
  });

  const settings = createSettingsStore(db);
  const surveyStore = createSurveyStore(db, settings);
  const officerStore = createOfficerStore(db);
  const deskStore = createDeskStore(db);
  await prepareFirstRun({ ...surveyStore, ...officerStore, ...deskStore }, scryptPinHasher, { demo, now: new Date(clock.now()).toISOString() });

  const deviceId = settings.getOrCreate('deviceId', () => `kiosk-${randomUUID().slice(0, 8)}`);
  const caseCodeKey = settings.getOrCreate('caseCodeKey', () => newSecret());

  // Arming checks case codes through the survey service, which reads the armed context back.
  const arming = createArmingService({ clock, desks: deskStore, newId: randomUUID, isCaseRated: (code) => survey.isCaseRated(code) });
  const survey = createSurveyService({
    store: surveyStore,
    clock,
    logger: createLogger('survey'),
    deviceId,
    hashCaseCode: (code) => hmacHex(caseCodeKey, code),
    armed: arming,
  });
  const reports = createReportService({ store: createReportStore(db), desks: deskStore, clock, pendingWrites: () => survey.pendingCount() });
  const feedback = createFeedbackService({
    store: createFeedbackStore(db),
    clock,
    lowScoreThreshold: () => surveyStore.kioskSettings().lowScoreThreshold,
  });
  const audit = createAuditStore(db);
  const admin = createAdminService({
    store: createAdminStore(db),
    audit,
    pins: scryptPinHasher,
    clock,
    questionnaires: surveyStore,
    kiosk: surveyStore,
  });
  const auth = createAuthService({ officers: officerStore, pins: scryptPinHasher, clock, newToken: () => newSecret() });

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
    implementations: bindImplementations({ survey, reports, auth, arming, feedback, admin, health }),
    resolveSession: auth.resolveSession,
    onInternalError: (operation, error) =>
      logger.error('operation failed', { operation, error: error instanceof Error ? error.stack : String(error) }),
  });

  const retryTimer = setInterval(() => survey.retryPending(), RETRY_PENDING_MS);
  retryTimer.unref();

  logger.info('app ready', { dataDir, deviceId, version: APP_VERSION });
  return {
    dataDir,
    databaseFile,
    dispatch,
    close() {
      clearInterval(retryTimer);
      db.close();
    },
  };
}
