import { localDayOf } from '../domain/localDay';
import type { BackupInfo, Clock, Logger } from '../services/ports';

/**
 * Checked hourly rather than at a fixed time: a commune PC may be switched on at
 * 7:00 and off at 17:00, or lose power at any hour, and still gets one backup
 * and one purge per local day.
 */
export const MAINTENANCE_INTERVAL_MS = 60 * 60_000;

export interface MaintenanceDeps {
  clock: Clock;
  logger: Logger;
  /** Writes today's automatic backup unless it exists. */
  dailyBackup(): Promise<BackupInfo | null>;
  /** Erases personal data past the retention period. */
  purge(): { cutoffDay: string; purged: number };
  /** Tells the administrator, who otherwise would learn of it only when a backup is needed. */
  backupFailed(message: string): void;
}

/** The daily chores. `run` is also called once at start, before the app is handed to a host. */
export function createMaintenance({ clock, logger, dailyBackup, purge, backupFailed }: MaintenanceDeps) {
  let purgedOn: string | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  async function run(): Promise<void> {
    try {
      await dailyBackup();
    } catch (error) {
      if (stopped) return; // closing the database interrupts a backup; that is no failure
      const message = error instanceof Error ? error.message : String(error);
      logger.error('daily backup failed', { error: message });
      try {
        backupFailed(`The daily backup failed: ${message}`);
      } catch (alertError) {
        logger.error('could not record the alert', { error: String(alertError) });
      }
    }
    const today = localDayOf(clock.now());
    if (stopped || purgedOn === today) return;
    try {
      const { cutoffDay, purged } = purge();
      purgedOn = today;
      if (purged > 0) logger.info('personal data past retention erased', { cutoffDay, purged });
    } catch (error) {
      logger.error('retention purge failed', { error: String(error) });
    }
  }

  return {
    run,
    start() {
      timer = setInterval(() => void run(), MAINTENANCE_INTERVAL_MS);
      timer.unref(); // never keeps a closing process alive
    },
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
