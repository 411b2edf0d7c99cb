import type { ResponseKind } from '../domain/responseCounts';
import type { QuestionnaireRef } from '../domain/scoring';

/**
 * Ports of the upstream sync (docs/SYNC-PROTOCOL.md). The outbox lives in the kiosk
 * database (db/outboxStore.ts); the HTTP client in src/node/syncClient.ts.
 */

/** Where and as whom the kiosk sends. Token and secret come from the collector's operator. */
export interface SyncConfig {
  upstreamUrl: string | null;
  deviceToken: string | null;
  deviceSecret: string | null;
}

/** Remembered across restarts so the administrator sees what happened while nobody watched. */
export interface SyncState {
  lastError: string | null;
  lastErrorAt: string | null;
}

export type OutboxState = 'pending' | 'sent' | 'superseded' | 'failed';

/** What one batch covers (docs/SYNC-PROTOCOL.md): a local day and one questionnaire version. */
export interface BatchKey {
  localDay: string;
  questionnaire: QuestionnaireRef;
}

export interface OutboxBatch extends BatchKey {
  batchId: string;
  revision: number;
  /** Canonical JSON: the exact bytes sent, every time. */
  body: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** What one (day, questionnaire) holds, read from the report counts kept with every response. */
export interface DayFacts {
  responses: Array<{ kind: ResponseKind; n: number }>;
  /** Counted answers only; '' is an unknown counter or field. */
  answers: Array<{ item: string; counter: string; field: string; value5: number; n: number }>;
}

export interface OutboxStore {
  /** Runs the work in one write transaction: read a day and queue its batch atomically. */
  inTransaction<T>(work: () => T): T;
  /** (day, questionnaire) keys with answers that are in no batch yet, days strictly before `today`, oldest first. */
  dirtyKeysBefore(today: string): BatchKey[];
  keyState(key: BatchKey): { dirty: boolean; lastRevision: number } | null;
  dayFacts(key: BatchKey): DayFacts;
  /** Queues a batch, supersedes unsent older revisions of its key and marks the key clean. */
  addBatch(batch: BatchKey & { batchId: string; revision: number; body: string; createdAt: string }): void;
  /** The oldest unsent batch (by day, then questionnaire, then revision). */
  nextPending(): OutboxBatch | null;
  markSent(batchId: string, at: string): void;
  markSuperseded(batchId: string, reason: string): void;
  markParked(batchId: string, error: string): void;
  markRetry(batchId: string, error: string, nextAttemptAt: string): void;
  /** Parked batches go back to the queue and every back-off restarts: the configuration changed. */
  requeueAfterConfigChange(): number;
  parked(): OutboxBatch[];
  pendingCount(): number;
  lastSentAt(): string | null;
  config(): SyncConfig;
  saveConfig(config: SyncConfig): void;
  state(): SyncState;
  saveState(state: SyncState): void;
}

export interface UpstreamRequest {
  upstreamUrl: string;
  deviceToken: string;
  deviceSecret: string;
  batchId: string;
  body: string;
}

/** What came back: an HTTP answer, or nothing usable (timeout, refused, dropped). Never throws. */
export type UpstreamAnswer =
  { kind: 'answer'; status: number; body: unknown; retryAfter: string | null } | { kind: 'unreachable'; error: string };

export interface UpstreamClient {
  send(request: UpstreamRequest, signal: AbortSignal): Promise<UpstreamAnswer>;
}
