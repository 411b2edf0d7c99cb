import type Database from 'better-sqlite3';
import type { ResponseKind } from '../src/domain/responseCounts';
import type { BatchKey, OutboxBatch, OutboxStore, SyncConfig, SyncState } from '../src/services/syncPorts';
import type { SettingsStore } from './settingsStore';

interface Row {
  batch_id: string;
  local_day: string;
  questionnaire_id: string;
  questionnaire_version: number;
  revision: number;
  body: string;
  state: OutboxBatch['state'];
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

const batchOf = (row: Row): OutboxBatch => ({
  batchId: row.batch_id,
  localDay: row.local_day,
  questionnaire: { id: row.questionnaire_id, version: row.questionnaire_version },
  revision: row.revision,
  body: row.body,
  state: row.state,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  createdAt: row.created_at,
  sentAt: row.sent_at,
});

const CONFIG_KEY = 'syncConfig';
const STATE_KEY = 'syncState';

/**
 * The sync outbox (migrations 0007 and 0011: one batch per day and questionnaire) and the sync configuration (settings table).
 * The device token and secret are kept in the clear in the settings table, next
 * to the case-code key: see the note in src/app/kioskSync.ts.
 */
export function createOutboxStore(db: Database.Database, settings: SettingsStore): OutboxStore {
  const dirtyKeys = db.prepare<
    [string],
    { local_day: string; questionnaire_id: string; questionnaire_version: number }
  >(
    `SELECT local_day, questionnaire_id, questionnaire_version FROM sync_days
      WHERE dirty = 1 AND local_day < ? ORDER BY local_day, questionnaire_id, questionnaire_version`,
  );
  const keyState = db.prepare<[string, string, number], { dirty: number; last_revision: number }>(
    'SELECT dirty, last_revision FROM sync_days WHERE local_day = ? AND questionnaire_id = ? AND questionnaire_version = ?',
  );
  const dayResponses = db.prepare<[string, string, number], { kind: ResponseKind; n: number }>(
    `SELECT kind, sum(n) AS n FROM day_response_counts
      WHERE local_day = ? AND questionnaire_id = ? AND questionnaire_version = ? GROUP BY kind`,
  );
  const dayAnswers = db.prepare<
    [string, string, number],
    { item: string; counter: string; field: string; value5: number; n: number }
  >(
    `SELECT item, counter, field, value5, sum(n) AS n FROM answer_counts
      WHERE local_day = ? AND questionnaire_id = ? AND questionnaire_version = ? AND kind = 'counted'
      GROUP BY item, counter, field, value5 HAVING sum(n) > 0`,
  );
  const insertBatch = db.prepare(
    `INSERT INTO outbox (batch_id, local_day, questionnaire_id, questionnaire_version, revision, body, state, created_at)
     VALUES (@batchId, @localDay, @questionnaireId, @questionnaireVersion, @revision, @body, 'pending', @createdAt)`,
  );
  // A newer revision replaces an unsent older one of the same key: only the newest goes out.
  const supersedeOlder = db.prepare<{
    localDay: string;
    questionnaireId: string;
    questionnaireVersion: number;
    revision: number;
  }>(
    `UPDATE outbox SET state = 'superseded', last_error = 'replaced by revision ' || @revision || ' before it was sent'
      WHERE local_day = @localDay AND questionnaire_id = @questionnaireId AND questionnaire_version = @questionnaireVersion
        AND revision < @revision AND state IN ('pending', 'failed')`,
  );
  const markClean = db.prepare<{
    localDay: string;
    questionnaireId: string;
    questionnaireVersion: number;
    revision: number;
  }>(
    `UPDATE sync_days SET dirty = 0, last_revision = @revision
      WHERE local_day = @localDay AND questionnaire_id = @questionnaireId AND questionnaire_version = @questionnaireVersion`,
  );
  const nextPending = db.prepare<[], Row>(
    "SELECT * FROM outbox WHERE state = 'pending' ORDER BY local_day, questionnaire_id, questionnaire_version, revision LIMIT 1",
  );
  // Every update is conditional on 'pending': a batch superseded meanwhile stays superseded.
  const markSent = db.prepare<[string, string]>(
    `UPDATE outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1, next_attempt_at = NULL, last_error = NULL
      WHERE batch_id = ? AND state = 'pending'`,
  );
  const markSuperseded = db.prepare<[string, string]>(
    "UPDATE outbox SET state = 'superseded', attempts = attempts + 1, next_attempt_at = NULL, last_error = ? WHERE batch_id = ? AND state = 'pending'",
  );
  const markParked = db.prepare<[string, string]>(
    "UPDATE outbox SET state = 'failed', attempts = attempts + 1, next_attempt_at = NULL, last_error = ? WHERE batch_id = ? AND state = 'pending'",
  );
  const markRetry = db.prepare<[string, string, string]>(
    "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE batch_id = ? AND state = 'pending'",
  );
  const requeue = db.prepare(
    "UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = NULL WHERE state IN ('pending', 'failed')",
  );
  const countFailed = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM outbox WHERE state = 'failed'");
  const parked = db.prepare<[], Row>(
    "SELECT * FROM outbox WHERE state = 'failed' ORDER BY local_day, questionnaire_id, questionnaire_version, revision",
  );
  const pendingCount = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM outbox WHERE state = 'pending'");
  const lastSent = db.prepare<[], { at: string | null }>("SELECT max(sent_at) AS at FROM outbox WHERE state = 'sent'");

  return {
    inTransaction: (work) => db.transaction(work).immediate(),
    dirtyKeysBefore: (today): BatchKey[] =>
      dirtyKeys.all(today).map((r) => ({
        localDay: r.local_day,
        questionnaire: { id: r.questionnaire_id, version: r.questionnaire_version },
      })),
    keyState({ localDay, questionnaire }) {
      const row = keyState.get(localDay, questionnaire.id, questionnaire.version);
      return row ? { dirty: row.dirty === 1, lastRevision: row.last_revision } : null;
    },
    dayFacts: ({ localDay, questionnaire }) => ({
      responses: dayResponses.all(localDay, questionnaire.id, questionnaire.version),
      answers: dayAnswers.all(localDay, questionnaire.id, questionnaire.version),
    }),
    addBatch(batch) {
      const key = {
        localDay: batch.localDay,
        questionnaireId: batch.questionnaire.id,
        questionnaireVersion: batch.questionnaire.version,
        revision: batch.revision,
      };
      insertBatch.run({ ...key, batchId: batch.batchId, body: batch.body, createdAt: batch.createdAt });
      supersedeOlder.run(key);
      markClean.run(key);
    },
    nextPending() {
      const row = nextPending.get();
      return row ? batchOf(row) : null;
    },
    markSent: (batchId, at) => void markSent.run(at, batchId),
    markSuperseded: (batchId, reason) => void markSuperseded.run(reason, batchId),
    markParked: (batchId, error) => void markParked.run(error, batchId),
    markRetry: (batchId, error, at) => void markRetry.run(error, at, batchId),
    requeueAfterConfigChange() {
      const failed = countFailed.get()?.n ?? 0;
      requeue.run();
      return failed;
    },
    parked: () => parked.all().map(batchOf),
    pendingCount: () => pendingCount.get()?.n ?? 0,
    lastSentAt: () => lastSent.get()?.at ?? null,
    config(): SyncConfig {
      const stored = settings.get<Partial<SyncConfig>>(CONFIG_KEY) ?? {};
      return {
        upstreamUrl: stored.upstreamUrl ?? null,
        deviceToken: stored.deviceToken ?? null,
        deviceSecret: stored.deviceSecret ?? null,
      };
    },
    saveConfig: (config) => settings.set(CONFIG_KEY, config),
    state(): SyncState {
      const stored = settings.get<Partial<SyncState>>(STATE_KEY) ?? {};
      return { lastError: stored.lastError ?? null, lastErrorAt: stored.lastErrorAt ?? null };
    },
    saveState: (state) => settings.set(STATE_KEY, state),
  };
}
