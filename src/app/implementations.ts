import type { Implementations } from '../contract/dispatch';
import type { AdminService } from '../services/admin';
import type { AlertService } from '../services/alerts';
import type { ArmingService } from '../services/arming';
import type { AuthService } from '../services/auth';
import type { BackupService } from '../services/backups';
import type { ExportService } from '../services/exports';
import type { FeedbackService } from '../services/feedback';
import type { LanService } from '../services/lan';
import type { ReportService } from '../services/reports';
import type { RetentionService } from '../services/retention';
import type { PeriodicReportService } from '../services/periodicReport';
import type { ShellService } from '../services/shell';
import type { SupportService } from '../services/support';
import type { SurveyService } from '../services/survey';
import type { TargetService } from '../services/targets';
import type { FileDownloads } from './fileDownloads';
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
  support: SupportService;
  periodicReports: PeriodicReportService;
  targets: TargetService;
  downloads: FileDownloads;
  lan: LanService;
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
    supportStatus: () => services.support.status(),
    recentLogLines: (input) => services.support.recentLogLines(input),
    saveSupportBundle: (_input, { session }) => services.support.saveBundle(session),
    listOfficers: () => services.auth.listOfficers(),
    signIn: (input) => services.auth.signIn(input),
    signOut: (_input, { token }) => services.auth.signOut(token),
    recentSignIns: (input) => services.auth.recentSignIns(input),
    getActiveQuestionnaire: () => services.survey.getActiveQuestionnaire(),
    getKioskSetup: () => services.survey.getKioskSetup(),
    updateKioskSettings: (input, { session }) => services.admin.updateKioskSettings(input, session),
    checkCaseCode: (input) => services.survey.checkCaseCode(input),
    submitResponse: (input, { device }) => services.survey.submitResponse(input, device),
    addResponseDetails: (input) => services.survey.addResponseDetails(input),
    dailySummary: (input) => services.reports.dailySummary(input),
    liveStatus: () => services.reports.liveStatus(),
    todayOverview: (input) => services.reports.todayOverview(input),
    periodReport: (input) => services.reports.periodReport(input),
    listDesks: () => services.arming.listDesks(),
    armKiosk: (input) => services.arming.arm(input),
    disarmKiosk: () => services.arming.disarm(),
    getArmedContext: () => services.arming.view(),
    listLapsedArmings: () => services.arming.lapsed(),
    dismissLapsedArming: (input) => services.arming.dismissLapsed(input.armId),
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
    recordCallBack: (input, { session }) => services.feedback.recordCallBack(input, session),
    getTargets: (input) => services.targets.get(input.year),
    saveTargets: (input, { session }) => services.targets.save(input, session),
    saveHolidays: (input, { session }) => services.targets.saveHolidays(input, session),
    targetProgress: (input) => services.targets.progress(input),
    staffAlerts: () => services.targets.alerts(),
    downloadFile: (input, { session }) => services.downloads.download(input, session),
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
    getLanSettings: () => services.lan.view(),
    updateLanSettings: (input, { session }) => services.lan.update(input, session),
    createPairingCode: (_input, { session }) => services.lan.createPairingCode(session),
    listPairedDevices: () => services.lan.listDevices(),
    revokePairedDevice: (input, { session }) => services.lan.revoke(input, session),
    pairDevice: (input, { local }) => services.lan.pairDevice(input, local),
  };
}
