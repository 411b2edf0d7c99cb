import type Database from 'better-sqlite3';
import type { ResponseKind } from '../src/domain/misuse';
import type { OutboxBatch, OutboxStore, SyncConfig, SyncState } from '../src/services/syncPorts';
import type { SettingsStore } from './settingsStore';

interface Row {
  batch_id: string;
  local_day: string;
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
 * The sync outbox (migration 0007) and the sync configuration (settings table).
 * The device token and secret are kept in the clear in the settings table, next
 * to the case-code key: see the note in src/app/kioskSync.ts.
 */
export function createOutboxStore(db: Database.Database, settings: SettingsStore): OutboxStore {
  const dirtyDays = db.prepare<[string], { local_day: string }>(
    'SELECT local_day FROM sync_days WHERE dirty = 1 AND local_day < ? ORDER BY local_day',
  );
  const dayState = db.prepare<[string], { dirty: number; last_revision: number }>('SELECT dirty, last_revision FROM sync_days WHERE local_day = ?');
  const dayResponses = db.prepare<[string], { kind: ResponseKind; questionnaire_id: string; questionnaire_version: number; n: number }>(
    `SELECT kind, questionnaire_id, questionnaire_version, sum(n) AS n FROM day_response_counts
      WHERE local_day = ? GROUP BY kind, questionnaire_id, questionnaire_version`,
  );
  const dayAnswers = db.prepare<[string], { item: string; counter: string; field: string; value5: number; n: number }>(
    `SELECT item, counter, field, value5, sum(n) AS n FROM answer_counts
      WHERE local_day = ? AND kind = 'counted' GROUP BY item, counter, field, value5 HAVING sum(n) > 0`,
  );
  const insertBatch = db.prepare(
    `INSERT INTO outbox (batch_id, local_day, revision, body, state, created_at)
     VALUES (@batchId, @localDay, @revision, @body, 'pending', @createdAt)`,
  );
  // A newer revision replaces an unsent older one: only the newest goes out.
  const supersedeOlder = db.prepare<{ localDay: string; revision: number }>(
    `UPDATE outbox SET state = 'superseded', last_error = 'replaced by revision ' || @revision || ' before it was sent'
      WHERE local_day = @localDay AND revision < @revision AND state IN ('pending', 'failed')`,
  );
  const markClean = db.prepare<[number, string]>('UPDATE sync_days SET dirty = 0, last_revision = ? WHERE local_day = ?');
  const nextPending = db.prepare<[], Row>("SELECT * FROM outbox WHERE state = 'pending' ORDER BY local_day, revision LIMIT 1");
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
  const parked = db.prepare<[], Row>("SELECT * FROM outbox WHERE state = 'failed' ORDER BY local_day, revision");
  const pendingCount = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM outbox WHERE state = 'pending'");
  const lastSent = db.prepare<[], { at: string | null }>("SELECT max(sent_at) AS at FROM outbox WHERE state = 'sent'");

  return {
    inTransaction: (work) => db.transaction(work).immediate(),
    dirtyDaysBefore: (today) => dirtyDays.all(today).map((r) => r.local_day),
    dayState(day) {
      const row = dayState.get(day);
      return row ? { dirty: row.dirty === 1, lastRevision: row.last_revision } : null;
    },
    dayFacts: (day) => ({
      responses: dayResponses.all(day).map((r) => ({ kind: r.kind, questionnaireId: r.questionnaire_id, questionnaireVersion: r.questionnaire_version, n: r.n })),
      answers: dayAnswers.all(day),
    }),
    addBatch(batch) {
      insertBatch.run(batch);
      supersedeOlder.run({ localDay: batch.localDay, revision: batch.revision });
      markClean.run(batch.revision, batch.localDay);
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
      return { upstreamUrl: stored.upstreamUrl ?? null, deviceToken: stored.deviceToken ?? null, deviceSecret: stored.deviceSecret ?? null };
    },
    saveConfig: (config) => settings.set(CONFIG_KEY, config),
    state(): SyncState {
      const stored = settings.get<Partial<SyncState>>(STATE_KEY) ?? {};
      return { lastError: stored.lastError ?? null, lastErrorAt: stored.lastErrorAt ?? null };
    },
    saveState: (state) => settings.set(STATE_KEY, state),
  };
}
