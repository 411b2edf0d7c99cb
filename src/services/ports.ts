import type { KioskSettings } from '../domain/kioskSettings';
import type { Questionnaire } from '../domain/questionnaire';
import type { Distribution, ItemCount } from '../domain/scoring';
import type { Role } from '../contract/operation';
import type { VisitPurpose } from '../domain/visit';

/**
 * The ports services are given. Real ones live in db/ and src/app; tests pass
 * fakes (a frozen clock, an in-memory store). Nothing here knows about SQLite,
 * Node, Electron or the DOM.
 */
export interface Clock {
  /** UTC milliseconds since the epoch. */
  now(): number;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface QuestionnaireRef {
  id: string;
  version: number;
}

export interface ResponseRecord {
  id: string;
  deviceId: string;
  questionnaire: QuestionnaireRef;
  startedAt: string;
  submittedAt: string;
  localDay: string;
  language: 'vi' | 'en';
  counter: string | null;
  officer: string | null;
  field: string | null;
  caseCodeHash: string | null;
  status: 'completed' | 'abandoned';
  flags: string[];
  /** Why the citizen came, as staff armed the kiosk; null when nobody did (purpose unknown). */
  purpose: VisitPurpose | null;
  answers: Array<{ item: string; points: 3 | 5; score: number | null }>;
  reasons: Array<{ dimension: string; reason: string }>;
  comment: string | null;
  contact: { phone: string; consentVersion: string; consentAt: string } | null;
  /** A low rating, reasons or a comment: the response goes to the staff's feedback inbox. */
  followUp: boolean;
  /** The LAN counter device it came from (paired_devices.id); null or absent on the kiosk itself. */
  pairedDevice?: string | null;
}

/** What storing a response did. */
export type InsertOutcome = 'inserted' | 'duplicate' | 'case_already_rated';

/** A stored response as later calls (more ratings, reasons, comment, phone) find it. */
export type StoredResponse = Pick<
  ResponseRecord,
  | 'id'
  | 'questionnaire'
  | 'submittedAt'
  | 'localDay'
  | 'status'
  | 'flags'
  | 'purpose'
  | 'answers'
  | 'reasons'
  | 'comment'
  | 'contact'
>;

/** New ratings for a stored response: its answers, status and flags, and whether it needs following up. */
export interface RatingsUpdate {
  id: string;
  status: 'completed' | 'abandoned';
  flags: string[];
  answers: ResponseRecord['answers'];
  followUp: boolean;
}

/** What the citizen added after the ratings; only the parts given change. */
export interface DetailsUpdate {
  id: string;
  reasons?: ResponseRecord['reasons'];
  comment?: string | null;
  contact?: ResponseRecord['contact'];
  followUp: boolean;
}

export interface SurveyStore {
  activeQuestionnaire(): Questionnaire | null;
  questionnaire(ref: QuestionnaireRef): Questionnaire | null;
  /** Writes the response, its answers, reasons and texts in one transaction. */
  insertResponse(record: ResponseRecord): InsertOutcome;
  /**
   * Replaces a stored response's answers, status and flags in one transaction, with
   * the report counts and the sync outbox mark moved to match.
   */
  updateRatings(update: RatingsUpdate): 'updated' | 'case_already_rated';
  /** Replaces the parts of the reasons, comment and phone given, in one transaction. */
  saveDetails(update: DetailsUpdate): void;
  findResponse(id: string): StoredResponse | null;
  isCaseRated(caseCodeHash: string): boolean;
  /**
   * The latest completed response, for the misuse filter; with `before`, the latest
   * one stored before that response (a response is never its own repeat).
   */
  previousCompleted(
    before?: string,
  ): { submittedAt: string; answers: Array<{ item: string; score: number | null }> } | null;
  kioskSettings(): KioskSettings;
  saveKioskSettings(settings: KioskSettings): void;
}

/** The one set of counts and their names live in src/domain/responseCounts.ts. */
import type { ResponseCounts } from '../domain/responseCounts';
export type { ResponseCounts };

export interface DayRange {
  from: string;
  to: string;
}

export type Breakdown = 'counter' | 'officer' | 'field';

/** Which responses a report covers. Suspect and abandoned ones are left out unless asked for. */
export interface ReportFilter extends DayRange {
  counter?: string | null;
  officer?: string | null;
  field?: string | null;
  questionnaire?: QuestionnaireRef | null;
  include?: { suspect?: boolean; abandoned?: boolean };
}

/** Answer counts of one questionnaire version: every index is computed per version, never pooled. */
export type QuestionnaireItemCount = ItemCount & { questionnaire: QuestionnaireRef };

/** One day's answers to one item of one questionnaire version, as the kept counts hold them: a row per item. */
export interface DayItemDistribution {
  day: string;
  questionnaire: QuestionnaireRef;
  item: string;
  distribution: Distribution;
}

export interface ReportStore {
  /** Responses of every kind in the range, per questionnaire version (the filter's include does not apply). */
  countResponses(filter: ReportFilter): Array<ResponseCounts & { questionnaire: QuestionnaireRef }>;
  /** The same per day too: Today reads a week once and derives today, yesterday and the 7 days from it. */
  countResponsesByDay(filter: ReportFilter): Array<ResponseCounts & { day: string; questionnaire: QuestionnaireRef }>;
  /** Valid answers, grouped by questionnaire version, item and five-point value. */
  countAnswers(filter: ReportFilter): QuestionnaireItemCount[];
  countAnswersByDay(filter: ReportFilter): DayItemDistribution[];
  countAnswersBy(filter: ReportFilter, by: Breakdown): Array<QuestionnaireItemCount & { key: string }>;
  /** The same answers as distributions, a row per key, version and item (as the kept counts hold them). */
  countItemsBy(filter: ReportFilter, by: Breakdown): Array<Omit<DayItemDistribution, 'day'> & { key: string }>;
  countResponsesBy(
    filter: ReportFilter,
    by: Breakdown,
  ): Array<ResponseCounts & { key: string; questionnaire: QuestionnaireRef }>;
  /** Grows with every stored response. */
  revision(): number;
  /**
   * Runs a report's reads in one read transaction: they see one state of the counts,
   * and SQLite takes its lock and checks the file once rather than once per statement.
   */
  readTogether<T>(reads: () => T): T;
}

export interface OfficerRecord {
  code: string;
  name: string;
  role: Exclude<Role, 'citizen'>;
  pinHash: string;
  failedAttempts: number;
  lockedUntil: number | null;
}

export interface SignInAttempt {
  officer: string;
  at: string;
  outcome: 'ok' | 'wrong_pin' | 'locked' | 'unknown';
}

export interface OfficerStore {
  /** Names and photos for the sign-in list; never roles. */
  listOfficers(): Array<{ code: string; name: string; photo?: string | null }>;
  recentSignIns(limit: number): SignInAttempt[];
  findOfficer(code: string): OfficerRecord | null;
  /** Stores the outcome of a sign-in attempt and the officer's lockout state together. */
  recordSignIn(
    attempt: SignInAttempt & {
      failedAttempts?: number;
      lockedUntil?: number | null;
    },
  ): void;
}

export interface PinHasher {
  hash(pin: string): Promise<string>;
  verify(pin: string, stored: string): Promise<boolean>;
}

export interface NamedCode {
  code: string;
  name: string;
}

/** Names of the counters, fields and officers a response or an armed kiosk refers to. */
export interface DeskStore {
  listCounters(): NamedCode[];
  listFields(): NamedCode[];
  counter(code: string): NamedCode | null;
  field(code: string): NamedCode | null;
  officer(code: string): NamedCode | null;
  listOfficers(): NamedCode[];
}

/** The feedback inbox's port lives beside its service. */
export type { FeedbackStatus, FeedbackRecord, FeedbackStore } from './feedbackPorts';

export interface AuditEntry {
  id: number;
  at: string;
  officer: string;
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
}

/** Every admin action: who, what, when, before and after. Written in the action's transaction where there is one. */
export interface AuditLog {
  record(entry: {
    at: string;
    officer: string;
    action: string;
    target?: string | null;
    before?: unknown;
    after?: unknown;
  }): void;
  list(query: { before?: number | null; limit: number }): AuditEntry[];
}

export interface OfficerSetup {
  code: string;
  name: string;
  role: 'staff' | 'admin';
  counter: string | null;
  active: boolean;
  photo: string | null;
  /** Desk head (trưởng bộ phận): resolves feedback about other officers; undefined on save keeps it. */
  deskHead?: boolean | undefined;
}

export interface Place {
  code: string;
  name: string;
  active: boolean;
}

export interface AdminStore {
  listOfficers(): OfficerSetup[];
  findOfficer(code: string): OfficerSetup | null;
  insertOfficer(officer: Omit<OfficerSetup, 'photo'> & { photo?: string | null; pinHash: string }): void;
  /** photo: undefined keeps it, null removes it. */
  updateOfficer(officer: Omit<OfficerSetup, 'photo'> & { photo?: string | null }): void;
  setPinHash(code: string, pinHash: string): boolean;
  countAdmins(): number;
  listPlaces(table: 'counters' | 'fields'): Place[];
  findPlace(table: 'counters' | 'fields', code: string): Place | null;
  savePlace(table: 'counters' | 'fields', place: Place): void;
  listQuestionnaires(): Array<{
    id: string;
    version: number;
    definition: unknown;
    createdAt: string;
    responses: number;
  }>;
  latestQuestionnaireVersion(id: string): number | null;
  /** Runs the work (store writes and its audit entry) in one write transaction. */
  inTransaction<T>(work: () => T): T;
}

/** Small JSON values kept in the settings table (alerts, retention). */
export interface SettingsPort {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
}

/** Erases phone numbers and comments of responses from before a local day (counts and scores stay); returns how many. */
export interface RetentionStore {
  purgePersonalBefore(day: string): number;
}

export interface BackupInfo {
  name: string;
  day: string;
  bytes: number;
  createdAt: string;
  kind: 'auto' | 'manual' | 'pre-migration' | 'pre-restore';
}

/** The backups of the data folder (src/app/backups.ts); names only, never paths. */
export interface BackupVault {
  list(): BackupInfo[];
  create(): Promise<BackupInfo>;
  /** Checks the backup, keeps the current database aside and puts the backup in its place. */
  restore(
    name: string,
  ): Promise<{ restored: BackupInfo; replacedFile: string; preRestoreBackup: string | null; schemaVersion: number }>;
}

/** The batch export's ports (a row source and a file sink) live beside its service. */
export type { ExportFileSink, ExportRowSource } from './exportPorts';
