import type { SyncPassResult } from '../contract/sync';
import type { Clock, Logger } from '../services/ports';

export interface SyncSchedulerDeps {
  sync: { trigger(): Promise<SyncPassResult>; syncNow(): Promise<SyncPassResult> };
  clock: Clock;
  logger: Logger;
  /** Default every 15 minutes. */
  intervalMs?: number;
}

/** setTimeout cannot wait longer than about 24.8 days; a later wake-up is cut to this. */
const MAX_TIMER_MS = 2_147_000_000;

/**
 * When sync passes run: at start, on a fixed schedule, and when a failed
 * batch's back-off is over (that wake-up is how a kiosk notices the network came
 * back without anyone pressing a button). Timers are unref'd: they never keep
 * the process alive. The passes themselves never overlap (see singleFlight).
 */
export function createSyncScheduler({ sync, clock, logger, intervalMs = 15 * 60_000 }: SyncSchedulerDeps) {
  let interval: ReturnType<typeof setInterval> | null = null;
  let wakeUp: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  function after(result: SyncPassResult): void {
    if (stopped) return;
    if (wakeUp) clearTimeout(wakeUp);
    wakeUp = null;
    if (!result.nextAttemptAt) return;
    const delay = Math.min(Math.max(Date.parse(result.nextAttemptAt) - clock.now(), 1_000), MAX_TIMER_MS);
    wakeUp = setTimeout(() => void run(sync.trigger), delay);
    wakeUp.unref();
  }

  async function run(pass: () => Promise<SyncPassResult>): Promise<void> {
    if (stopped) return;
    try {
      after(await pass());
    } catch (error) {
      logger.error('upstream sync pass failed', { error: error instanceof Error ? error.stack : String(error) });
    }
  }

  return {
    start(): void {
      if (interval || stopped) return;
      void run(sync.trigger);
      interval = setInterval(() => void run(sync.trigger), intervalMs);
      interval.unref();
    },
    /**
     * For the host: Electron's `online` event (or anything else that knows the
     * network is back) calls this, and waiting batches go at once.
     */
    networkOnline(): void {
      void run(sync.syncNow);
    },
    /** "Sync now" from the administrator: the result is returned, and its back-off scheduled. */
    async syncNow(): Promise<SyncPassResult> {
      const result = await sync.syncNow();
      after(result);
      return result;
    },
    stop(): void {
      stopped = true;
      if (interval) clearInterval(interval);
      if (wakeUp) clearTimeout(wakeUp);
      interval = null;
      wakeUp = null;
    },
  };
}

export type SyncScheduler = ReturnType<typeof createSyncScheduler>;
