import type { KioskSettings } from '../domain/kioskSettings';
import type { Questionnaire } from '../domain/questionnaire';
import type { ItemCount } from '../domain/scoring';
import type { Role } from '../contract/operation';

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
  answers: Array<{ item: string; points: 3 | 5; score: number | null }>;
  reasons: Array<{ dimension: string; reason: string }>;
  comment: string | null;
  contact: { phone: string; consentVersion: string; consentAt: string } | null;
  /** A low rating, reasons or a comment: the response goes to the staff's feedback inbox. */
  followUp: boolean;
}

/** What storing a response did. */
export type InsertOutcome = 'inserted' | 'duplicate' | 'case_already_rated';

export interface StoredResponse {
  id: string;
  localDay: string;
  status: 'completed' | 'abandoned';
  flags: string[];
}

export interface SurveyStore {
  activeQuestionnaire(): Questionnaire | null;
  questionnaire(ref: QuestionnaireRef): Questionnaire | null;
  /** Writes the response, its answers, reasons and texts in one transaction. */
  insertResponse(record: ResponseRecord): InsertOutcome;
  findResponse(id: string): StoredResponse | null;
  isCaseRated(caseCodeHash: string): boolean;
  /** The latest completed response, for the misuse filter. */
  previousCompleted(): { submittedAt: string; answers: Array<{ item: string; score: number | null }> } | null;
  kioskSettings(): KioskSettings;
  saveKioskSettings(settings: KioskSettings): void;
}

export interface ResponseCounts {
  counted: number;
  completed: number;
  abandoned: number;
  suspect: number;
}

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

export interface ReportStore {
  /** Responses of every kind in the range (the filter's include does not apply). */
  countResponses(filter: ReportFilter): ResponseCounts;
  /** Valid answers, grouped by item and five-point value. */
  countAnswers(filter: ReportFilter): ItemCount[];
  countAnswersByDay(filter: ReportFilter): Array<ItemCount & { day: string }>;
  countAnswersBy(filter: ReportFilter, by: Breakdown): Array<ItemCount & { key: string }>;
  countResponsesBy(filter: ReportFilter, by: Breakdown): Array<ResponseCounts & { key: string }>;
  /** Grows with every stored response. */
  revision(): number;
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
  listOfficers(): Array<{ code: string; name: string }>;
  recentSignIns(limit: number): SignInAttempt[];
  findOfficer(code: string): OfficerRecord | null;
  /** Stores the outcome of a sign-in attempt and the officer's lockout state together. */
  recordSignIn(attempt: SignInAttempt & {
    failedAttempts?: number;
    lockedUntil?: number | null;
  }): void;
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

export type FeedbackStatus = 'new' | 'in_progress' | 'resolved';

export interface FeedbackRecord {
  cursor: number;
  responseId: string;
  submittedAt: string;
  day: string;
  responseStatus: 'completed' | 'abandoned';
  flags: string[];
  counter: string | null;
  officer: string | null;
  field: string | null;
  lowScores: Array<{ item: string; value: number }>;
  reasons: Array<{ dimension: string; reason: string }>;
  comment: string | null;
  phone: string | null;
  status: FeedbackStatus;
  note: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface FeedbackStore {
  page(query: { status: FeedbackStatus | null; before: number | null; limit: number; threshold: number }): FeedbackRecord[];
  find(responseId: string, threshold: number): FeedbackRecord | null;
  stats(): { total: number; handled: number; oldestUnhandled: { responseId: string; submittedAt: string } | null };
  update(change: { responseId: string; status: FeedbackStatus; note: string | null; by: string; at: string }): boolean;
}

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
  record(entry: { at: string; officer: string; action: string; target?: string | null; before?: unknown; after?: unknown }): void;
  list(query: { before?: number | null; limit: number }): AuditEntry[];
}

export interface OfficerSetup {
  code: string;
  name: string;
  role: 'staff' | 'admin';
  counter: string | null;
  active: boolean;
  photo: string | null;
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
  listQuestionnaires(): Array<{ id: string; version: number; definition: unknown; createdAt: string; responses: number }>;
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
  restore(name: string): Promise<{ restored: BackupInfo; replacedFile: string; preRestoreBackup: string | null; schemaVersion: number }>;
}

/** The batch export's ports (a row source and a file sink) live beside its service. */
export type { ExportFileSink, ExportRowSource } from './exportPorts';
