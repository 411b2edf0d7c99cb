/**
 * The feedback inbox's port (db/feedbackStore.ts implements it). Kept beside the
 * service like the export's ports; src/services/ports.ts re-exports it.
 */
export type FeedbackStatus = 'new' | 'in_progress' | 'resolved';

export interface CallBack {
  /** The local day the citizen was called. */
  day: string;
  /** What the call achieved, in the officer's words. */
  result: string;
  by: string;
  at: string;
}

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
  /** Who resolved it and when; null while it is not resolved. */
  resolvedBy: string | null;
  resolvedAt: string | null;
  callBack: CallBack | null;
}

/** What the deadline figures need of one item: no texts, no phone number itself. */
export interface FeedbackDeadlineRow {
  responseId: string;
  day: string;
  officer: string | null;
  status: FeedbackStatus;
  resolvedBy: string | null;
  resolvedAt: string | null;
  /** The citizen left a phone number (one erased by retention no longer counts). */
  hasPhone: boolean;
  callBackDay: string | null;
}

export interface FeedbackStore {
  page(query: {
    status: FeedbackStatus | null;
    before: number | null;
    limit: number;
    threshold: number;
  }): FeedbackRecord[];
  find(responseId: string, threshold: number): FeedbackRecord | null;
  stats(): { total: number; handled: number; oldestUnhandled: { responseId: string; submittedAt: string } | null };
  /** Every item of the local days from..to (inclusive), for deadline figures. */
  deadlineRows(range: { from: string; to: string }): FeedbackDeadlineRow[];
  /** Items of one local day not yet resolved that carry a low rating or reasons, newest first. */
  openOfDay(day: string, threshold: number): FeedbackRecord[];
  update(change: { responseId: string; status: FeedbackStatus; note: string | null; by: string; at: string }): boolean;
  recordCallBack(change: { responseId: string } & CallBack): boolean;
  /** Officers the administrator made desk head (trưởng bộ phận). */
  deskHeads(): Array<{ code: string; name: string }>;
  /** Runs the work (the change and its audit entry) in one write transaction. */
  inTransaction<T>(work: () => T): T;
}
