import type { Implementations } from '../contract/dispatch';
import type { AdminService } from '../services/admin';
import type { AlertService } from '../services/alerts';
import type { ArmingService } from '../services/arming';
import type { AuthService } from '../services/auth';
import type { BackupService } from '../services/backups';
import type { ExportService } from '../services/exports';
import type { FeedbackService } from '../services/feedback';
import type { ReportService } from '../services/reports';
import type { RetentionService } from '../services/retention';
import type { PeriodicReportService } from '../services/periodicReport';
import type { ShellService } from '../services/shell';
import type { SurveyService } from '../services/survey';
import type { SyncOperations } from './kioskSync';

export interface Services {
  survey: SurveyService;
  reports: ReportService;
  auth: AuthService;
  arming: ArmingService;
  feedback: FeedbackService;
  admin: AdminService;
  backups: BackupService;
  alerts: AlertService;
  retention: RetentionService;
  exports: ExportService;
  sync: SyncOperations;
  shell: ShellService;
  periodicReports: PeriodicReportService;
  health: () => Implementations['health'] extends (...args: never[]) => infer R ? Awaited<R> : never;
}

/**
 * Binds each row of the operation table to its service function. The type
 * `Implementations` makes a missing or mistyped row a compile error.
 */
export function bindImplementations(services: Services): Implementations {
  return {
    health: () => services.health(),
    periodicReport: (input) => services.periodicReports.build(input),
    exportPeriodicReport: (input, { session }) => services.periodicReports.exportXlsx(input, session),
    shellCapabilities: () => services.shell.capabilities(),
    exitKiosk: () => services.shell.exit(),
    saveReportPdf: (input) => services.shell.savePdf(input),
    listOfficers: () => services.auth.listOfficers(),
    signIn: (input) => services.auth.signIn(input),
    signOut: (_input, { token }) => services.auth.signOut(token),
    recentSignIns: (input) => services.auth.recentSignIns(input),
    getActiveQuestionnaire: () => services.survey.getActiveQuestionnaire(),
    getKioskSetup: () => services.survey.getKioskSetup(),
    updateKioskSettings: (input, { session }) => services.admin.updateKioskSettings(input, session),
    checkCaseCode: (input) => services.survey.checkCaseCode(input),
    submitResponse: (input) => services.survey.submitResponse(input),
    dailySummary: (input) => services.reports.dailySummary(input),
    liveStatus: () => services.reports.liveStatus(),
    todayOverview: (input) => services.reports.todayOverview(input),
    periodReport: (input) => services.reports.periodReport(input),
    listDesks: () => services.arming.listDesks(),
    armKiosk: (input) => services.arming.arm(input),
    disarmKiosk: () => services.arming.disarm(),
    getArmedContext: () => services.arming.view(),
    setupStatus: () => services.admin.setupStatus(),
    createFirstAdmin: (input, { local }) => services.admin.createFirstAdmin(input, local),
    getUnitSetup: () => services.admin.getUnitSetup(),
    saveCounter: (input, { session }) => services.admin.savePlace('counters', input, session),
    saveField: (input, { session }) => services.admin.savePlace('fields', input, session),
    saveOfficer: (input, { session }) => services.admin.saveOfficer(input, session),
    resetOfficerPin: (input, { session }) => services.admin.resetOfficerPin(input, session),
    listQuestionnaires: () => services.admin.listQuestionnaires(),
    importQuestionnaire: (input, { session }) => services.admin.importQuestionnaire(input, session),
    activateQuestionnaire: (input, { session }) => services.admin.activateQuestionnaire(input, session),
    auditLog: (input) => services.admin.auditLog(input),
    listFeedback: (input) => services.feedback.list(input),
    updateFeedback: (input, { session }) => services.feedback.update(input, session),
    listBackups: () => services.backups.list(),
    createBackup: (_input, { session }) => services.backups.create(session),
    restoreBackup: (input, { session }) => services.backups.restore(input, session),
    systemAlerts: () => services.alerts.list(),
    acknowledgeAlert: (input, { session }) => services.alerts.acknowledge(input, session),
    getRetention: () => services.retention.view(),
    updateRetention: (input, { session }) => services.retention.update(input, session),
    startExport: (input, { session }) => services.exports.start(input, session),
    exportStatus: (input) => services.exports.status(input),
    cancelExport: (input) => services.exports.cancel(input),
    listExportBatches: () => services.exports.list(),
    reexportBatch: (input, { session }) => services.exports.reexport(input, session),
    syncStatus: () => services.sync.status(),
    configureSync: (input, { session }) => services.sync.configure(input, session),
    syncNow: () => services.sync.syncNow(),
    testSyncConnection: () => services.sync.testConnection(),
  };
}
