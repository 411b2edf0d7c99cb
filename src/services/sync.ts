import type { Session } from '../contract/dispatch';
import {
  upstreamUrlProblem,
  type ConfigureSyncInput,
  type SyncPassResult,
  type SyncStatus,
  type SyncTestResult,
} from '../contract/sync';
import { canonicalJson } from '../contract/syncProtocol';
import { AppError } from '../domain/errors';
import { localDayOf, localIsoString } from '../domain/localDay';
import type { ScalePoints } from '../domain/scale';
import type { QuestionnaireRef } from '../domain/scoring';
import type { AuditLog, Clock, Logger } from './ports';
import { singleFlight } from './singleFlight';
import { composeBatch } from './syncBatch';
import type { OutboxBatch, OutboxStore, SyncConfig, UpstreamClient, UpstreamRequest } from './syncPorts';
import { classify, interpretProbe, PROBE_BODY, retryDelay } from './syncPolicy';

export interface SyncServiceDeps {
  store: OutboxStore;
  upstream: UpstreamClient;
  clock: Clock;
  /** In [0, 1): the jitter of the back-off. */
  random: () => number;
  newId: () => string;
  logger: Logger;
  audit: AuditLog;
  device: { id: string; appVersion: string };
  unit: () => { code: string; name: string };
  /** The scale of each item of a questionnaire version: a row's counts have that many entries. */
  scaleOf?: (questionnaire: QuestionnaireRef, item: string) => ScalePoints;
}

const credentialsOf = (config: SyncConfig): Omit<UpstreamRequest, 'batchId' | 'body'> | null =>
  config.upstreamUrl && config.deviceToken && config.deviceSecret
    ? { upstreamUrl: config.upstreamUrl, deviceToken: config.deviceToken, deviceSecret: config.deviceSecret }
    : null;

/** What the audit log may hold of a configuration: never the token or the secret. */
const auditable = (config: SyncConfig) => ({
  upstreamUrl: config.upstreamUrl,
  deviceToken: config.deviceToken ? 'set' : null,
  deviceSecret: config.deviceSecret ? 'set' : null,
});

/**
 * The kiosk side of docs/SYNC-PROTOCOL.md. Finished days become batches in the
 * outbox (in the database, so they outlive restarts and weeks offline); a pass
 * sends them oldest first, one request at a time, and only the collector's
 * answer moves a batch out of the queue. A temporary failure ends the pass —
 * the batches behind it wait, keeping the order — and is retried forever with
 * back-off; a permanent refusal parks the batch until the configuration changes.
 */
export function createSyncService({
  store,
  upstream,
  clock,
  random,
  newId,
  logger,
  audit,
  device,
  unit,
  scaleOf = () => 5,
}: SyncServiceDeps) {
  const closing = new AbortController();
  const nowIso = () => new Date(clock.now()).toISOString();
  const recordError = (message: string | null) =>
    store.saveState({ lastError: message, lastErrorAt: message === null ? null : nowIso() });

  /** Turns every finished (day, questionnaire) with new answers into its next revision; returns how many were built. */
  function buildBatches(): number {
    let built = 0;
    for (const key of store.dirtyKeysBefore(localDayOf(clock.now()))) {
      const what = `${key.localDay} (${key.questionnaire.id} v${key.questionnaire.version})`;
      try {
        // Read and queue in one transaction: an answer stored meanwhile either is in
        // this batch or marks the key dirty again after it — never lost, never twice.
        const made = store.inTransaction(() => {
          const state = store.keyState(key);
          if (!state?.dirty) return false; // built meanwhile (the CLI and the app share the folder)
          const now = clock.now();
          const header = {
            batchId: newId(),
            unit: unit(),
            device,
            questionnaire: key.questionnaire,
            date: key.localDay,
            revision: state.lastRevision + 1,
            generatedAt: localIsoString(now),
          };
          const { body } = composeBatch(header, store.dayFacts(key), (item) => scaleOf(key.questionnaire, item));
          store.addBatch({
            ...key,
            batchId: header.batchId,
            revision: header.revision,
            body,
            createdAt: new Date(now).toISOString(),
          });
          return true;
        });
        if (made) built += 1;
      } catch (error) {
        // One batch that cannot be built must not hold back the others; its key stays dirty and is tried each pass.
        const message = `the batch for ${what} could not be built: ${error instanceof Error ? error.message : String(error)}`;
        logger.error('upstream sync: batch not built', {
          day: key.localDay,
          questionnaire: key.questionnaire,
          error: message,
        });
        recordError(message);
      }
    }
    return built;
  }

  async function pass(force: boolean): Promise<SyncPassResult> {
    const result: SyncPassResult = {
      outcome: 'done',
      built: 0,
      sent: 0,
      superseded: 0,
      parked: 0,
      pending: 0,
      error: null,
      nextAttemptAt: null,
    };
    // Once closing, the database may be gone: nothing more is read or written.
    if (closing.signal.aborted) return { ...result, outcome: 'stopped' };
    const finish = (outcome: SyncPassResult['outcome']): SyncPassResult => ({
      ...result,
      outcome,
      pending: store.pendingCount(),
    });
    result.built = buildBatches();
    const credentials = credentialsOf(store.config());
    if (!credentials) return finish('not_configured');

    for (let batch = store.nextPending(); batch; batch = store.nextPending()) {
      if (!force && batch.nextAttemptAt !== null && batch.nextAttemptAt > nowIso()) {
        result.nextAttemptAt = batch.nextAttemptAt;
        return finish('backing_off');
      }
      const answer = await upstream
        .send({ ...credentials, batchId: batch.batchId, body: batch.body }, closing.signal)
        .catch((error: unknown) => ({ kind: 'unreachable' as const, error: String(error) }));
      if (closing.signal.aborted) return { ...result, outcome: 'stopped' };
      const verdict = classify(answer, clock.now());
      const where = {
        batchId: batch.batchId,
        date: batch.localDay,
        questionnaire: batch.questionnaire,
        revision: batch.revision,
      };
      switch (verdict.kind) {
        case 'sent':
          store.markSent(batch.batchId, nowIso());
          if (result.parked === 0) recordError(null);
          result.sent += 1;
          logger.info('upstream sync: batch accepted', { ...where, duplicate: verdict.duplicate });
          break;
        case 'superseded':
          store.markSuperseded(batch.batchId, verdict.error);
          result.superseded += 1;
          logger.warn('upstream sync: the collector holds a newer revision', { ...where, error: verdict.error });
          break;
        case 'parked':
          store.markParked(batch.batchId, verdict.error);
          result.parked += 1;
          result.error = `${batch.localDay} ${batch.questionnaire.id} v${batch.questionnaire.version} revision ${batch.revision}: ${verdict.error}`;
          recordError(result.error);
          logger.error('upstream sync: batch refused; parked until the configuration changes', {
            ...where,
            error: verdict.error,
          });
          break;
        case 'retry':
          return retryLater(batch, verdict.error, verdict.retryAfterMs, result, finish);
      }
    }
    return finish('done');
  }

  function retryLater(
    batch: OutboxBatch,
    error: string,
    retryAfterMs: number | null,
    result: SyncPassResult,
    finish: (o: SyncPassResult['outcome']) => SyncPassResult,
  ) {
    const nextAttemptAt = new Date(clock.now() + retryDelay(batch.attempts + 1, retryAfterMs, random)).toISOString();
    store.markRetry(batch.batchId, error, nextAttemptAt);
    recordError(error);
    logger.warn('upstream sync: temporary failure; will retry', {
      batchId: batch.batchId,
      date: batch.localDay,
      questionnaire: batch.questionnaire,
      error,
      nextAttemptAt,
    });
    result.error = error;
    result.nextAttemptAt = nextAttemptAt;
    return finish('retry_later');
  }

  const runner = singleFlight(pass);

  /** The back-off of the oldest waiting batch, while it lasts; null once it may go with any pass. */
  const waitingUntil = (head: OutboxBatch | null): string | null =>
    head?.nextAttemptAt && head.nextAttemptAt > nowIso() ? head.nextAttemptAt : null;

  function status(): SyncStatus {
    const config = store.config();
    const state = store.state();
    return {
      upstreamUrl: config.upstreamUrl,
      deviceId: device.id,
      configured: credentialsOf(config) !== null,
      hasToken: config.deviceToken !== null,
      hasSecret: config.deviceSecret !== null,
      lastSuccessAt: store.lastSentAt(),
      pending: store.pendingCount(),
      parked: store
        .parked()
        .map((b) => ({ batchId: b.batchId, date: b.localDay, revision: b.revision, error: b.lastError ?? 'refused' })),
      lastError: state.lastError,
      lastErrorAt: state.lastErrorAt,
      nextAttemptAt: waitingUntil(store.nextPending()),
    };
  }

  return {
    buildBatches,
    /** A scheduled pass: a batch in back-off waits for its time. */
    trigger: () => runner.trigger(false),
    /** The administrator (or the network coming back) asks: try now, back-off or not. */
    syncNow: () => runner.trigger(true),
    status,

    /** Saving the configuration (changed or not) requeues parked batches: the administrator says "try again". */
    configure(input: ConfigureSyncInput, session: Session | null): SyncStatus {
      if (!session) throw new AppError('unauthenticated', 'sign in first');
      const problem = upstreamUrlProblem(input.upstreamUrl);
      if (problem) throw new AppError('bad_input', `upstreamUrl: ${problem}`);
      const before = store.config();
      const next: SyncConfig = {
        upstreamUrl: input.upstreamUrl.replace(/\/+$/, ''),
        deviceToken: input.deviceToken ?? before.deviceToken,
        deviceSecret: input.deviceSecret ?? before.deviceSecret,
      };
      const requeued = store.inTransaction(() => {
        store.saveConfig(next);
        const count = store.requeueAfterConfigChange();
        audit.record({
          at: nowIso(),
          officer: session.officer,
          action: 'sync.configure',
          target: next.upstreamUrl,
          before: auditable(before),
          after: {
            ...auditable(next),
            tokenChanged: next.deviceToken !== before.deviceToken,
            secretChanged: next.deviceSecret !== before.deviceSecret,
            requeued: count,
          },
        });
        return count;
      });
      logger.info('upstream sync configured', { upstreamUrl: next.upstreamUrl, requeued });
      return status();
    },

    async testConnection(): Promise<SyncTestResult> {
      const credentials = credentialsOf(store.config());
      if (!credentials)
        return {
          reachable: false,
          credentialsAccepted: null,
          status: null,
          message: 'not configured: set the address, the token and the secret first',
        };
      const answer = await upstream
        .send({ ...credentials, batchId: newId(), body: canonicalJson(PROBE_BODY) }, closing.signal)
        .catch((error: unknown) => ({ kind: 'unreachable' as const, error: String(error) }));
      return interpretProbe(answer);
    },

    /** Aborts a request in flight; a batch it carried stays queued and is resent (same id) next time. */
    close(): void {
      closing.abort();
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
