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
import { schemaVersion } from '../../db/openDatabase';
import { createReportStore } from '../../db/reportStore';
import { createRetentionStore } from '../../db/retentionStore';
import { createSettingsStore } from '../../db/settingsStore';
import { createSurveyStore } from '../../db/surveyStore';
import { createDispatcher, type LocalAdminGrant } from '../contract/dispatch';
import { createAdminService } from '../services/admin';
import { createAlertService } from '../services/alerts';
import { createArmingService } from '../services/arming';
import { createAuthService } from '../services/auth';
import { type BackupService } from '../services/backups';
import { createFeedbackService } from '../services/feedback';
import { createPlan, createTargetService } from '../services/targets';
import { createLanService, type LanHostPort } from '../services/lan';
import type { Clock, Logger, ResponseRecord } from '../services/ports';
import { createReportService } from '../services/reports';
import { createRetentionService } from '../services/retention';
import { createPeriodicReportService } from '../services/periodicReport';
import { createShellService, type ShellHooks } from '../services/shell';
import { createSecretStore, plainSecretBox, SECRETS_FILE, type SecretBox } from '../node/secretFile';
import { createSurveyService } from '../services/survey';
import { lanAddresses } from '../node/lanAddresses';
import { createTlsVault } from '../node/tlsVault';
import { composeExports } from './composeExports';
import { composeSupport } from './composeSupport';
import { EXPORTS_FOLDER } from '../node/exportFiles';
import { createFileDownloads } from './fileDownloads';
import { prepareFirstRun } from './firstRun';
import { writePeriodicReportXlsx } from '../node/periodicReportXlsx';
import { bindImplementations } from './implementations';
import { createKioskSync, type KioskSyncOptions } from './kioskSync';
import { hmacHex, newSecret, scryptPinHasher } from '../node/secrets';
import { APP_VERSION } from '../node/version';

export type Services = Awaited<ReturnType<typeof composeServices>>;

export interface ServiceContext {
  clock: Clock;
  logger: Logger;
  demo: boolean;
  pending: Map<string, ResponseRecord>;
  backups: BackupService;
  sync?: KioskSyncOptions;
  shell?: ShellHooks;
  lan?: LanHostPort;
  secretBox?: SecretBox;
  localAdmin?: LocalAdminGrant;
}

/** Stores and services on one open database, bound to the operation table. */
export async function composeServices(
  db: Database.Database,
  {
    clock,
    logger,
    demo,
    pending,
    backups,
    sync: syncOptions,
    shell,
    lan: lanHost,
    secretBox,
    localAdmin,
  }: ServiceContext,
) {
  const settings = createSettingsStore(db);
  const surveyStore = createSurveyStore(db, settings);
  const officerStore = createOfficerStore(db);
  const deskStore = createDeskStore(db);
  await prepareFirstRun({ ...surveyStore, ...officerStore, ...deskStore }, scryptPinHasher, {
    demo,
    now: new Date(clock.now()).toISOString(),
  });

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
    writeXlsx: (report, progress) =>
      writePeriodicReportXlsx(report, progress, path.join(path.dirname(db.name), EXPORTS_FOLDER)),
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

  const secrets = createSecretStore(
    path.join(path.dirname(db.name), SECRETS_FILE),
    secretBox ?? plainSecretBox,
    logger,
  );
  const downloads = createFileDownloads({
    dataDir: path.dirname(db.name),
    exportsDir: path.join(path.dirname(db.name), EXPORTS_FOLDER),
    findBatch: (id) => exportService.list().find((batch) => batch.id === id) ?? null,
    audit,
    clock,
  });

  const sync = createKioskSync({
    db,
    settings,
    kiosk: surveyStore,
    audit,
    clock,
    deviceId,
    logger,
    options: syncOptions,
    secrets,
  });
  const support = composeSupport({
    dataDir: path.dirname(db.name),
    schemaVersion: () => schemaVersion(db),
    settings: () => ({
      kiosk: surveyStore.kioskSettings(),
      sync: sync.operations.status(),
      retention: retention.view(),
    }),
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
    implementations: bindImplementations({
      survey,
      reports,
      auth,
      arming,
      feedback,
      admin,
      health,
      backups,
      alerts,
      retention,
      exports: exportService,
      sync: sync.operations,
      shell: createShellService(shell),
      periodicReports,
      lan,
      targets,
      support,
      downloads,
    }),
    resolveSession: auth.resolveSession,
    resolveDevice: lan.resolveDevice,
    localAdmin,
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
