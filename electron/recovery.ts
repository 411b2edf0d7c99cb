import fs from 'node:fs';
import path from 'node:path';
import type { App, BrowserWindow } from 'electron';
import { z } from 'zod';
import { createLogger } from '../src/node/logger';
import type { Logger } from '../src/services/ports';
import type { RecoveryStats } from '../src/services/shell';

const logger = createLogger('electron.recovery');

/** Why the page was loaded again, or why the app started over. */
export type RecoveryReason = 'render-process-gone' | 'unresponsive' | 'did-fail-load' | 'relaunch';

const Stored = z.object({
  total: z.int().min(0),
  relaunches: z.int().min(0),
  lastAt: z.string().nullable(),
  lastReason: z.string().nullable(),
  /** Instants (ms) of the recent relaunches, for the relaunch back-off. */
  recentRelaunches: z.array(z.number()).max(20),
});
type Stored = z.infer<typeof Stored>;

const EMPTY: Stored = { total: 0, relaunches: 0, lastAt: null, lastReason: null, recentRelaunches: [] };
const RELAUNCH_WINDOW_MS = 10 * 60_000;

export interface RecoveryLog {
  record(reason: RecoveryReason, detail?: string): void;
  /** What the administrator sees (support section): how often the kiosk had to heal itself. */
  stats(): RecoveryStats;
  /** Relaunches in the last ten minutes, for the relaunch back-off. */
  recentRelaunches(): number;
}

/**
 * The count of self-repairs, kept in <dataDir>/recoveries.json so it survives
 * the relaunch that one of them is. Written synchronously: the process may be
 * about to exit. A damaged file starts the count again rather than the app failing.
 */
export function createRecoveryLog(file: string, now: () => number = Date.now): RecoveryLog {
  let state: Stored = EMPTY;
  try {
    const parsed = Stored.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (parsed.success) state = parsed.data;
  } catch {
    // no file yet, or unreadable: start from zero
  }
  const save = () => {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(state));
      fs.renameSync(`${file}.tmp`, file);
    } catch (error) {
      logger.error('the recovery count could not be saved', { error: String(error) });
    }
  };
  const recent = () => state.recentRelaunches.filter((at) => now() - at < RELAUNCH_WINDOW_MS);
  return {
    record(reason, detail) {
      const at = now();
      state = {
        total: state.total + 1,
        relaunches: state.relaunches + (reason === 'relaunch' ? 1 : 0),
        lastAt: new Date(at).toISOString(),
        lastReason: detail ? `${reason}: ${detail}`.slice(0, 200) : reason,
        recentRelaunches: reason === 'relaunch' ? [...recent(), at].slice(-20) : state.recentRelaunches,
      };
      save();
    },
    stats: () => ({
      total: state.total,
      relaunches: state.relaunches,
      lastAt: state.lastAt,
      lastReason: state.lastReason,
    }),
    recentRelaunches: () => recent().length,
  };
}

export interface HealOptions {
  /** The page to go back to: the kiosk screen. */
  url: string;
  log: RecoveryLog;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A page that stayed up this long after loading is healthy again: the back-off starts over. */
  stableMs?: number;
}

/** 1 s, 2 s, 4 s … at most a minute: quick after a one-off crash, no busy loop on a page that keeps failing. */
export function backoffDelay(attempt: number, baseMs = 1_000, maxMs = 60_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
}

/** net::ERR_ABORTED: a navigation replaced by another one, not a failure. */
const ERR_ABORTED = -3;

/**
 * A kiosk nobody watches must come back by itself. When the page's process is
 * gone (a crash, out of memory, killed, or even a clean exit: a kiosk page has
 * no reason to end), when it hangs, or when the kiosk screen fails to load,
 * the kiosk screen is loaded again after a back-off, and the repair counted.
 * The database lives in the main process, so nothing acknowledged is lost.
 */
export function healWindow(
  window: BrowserWindow,
  { url, log, baseDelayMs = 1_000, maxDelayMs = 60_000, stableMs = 60_000 }: HealOptions,
): void {
  const contents = window.webContents;
  let attempt = 0;
  let pending: { timer: NodeJS.Timeout; reason: RecoveryReason } | null = null;
  let stable: NodeJS.Timeout | null = null;
  // forcefullyCrashRenderer() below ends the process on purpose: its 'render-process-gone' is not a new failure.
  let killing = false;

  const reload = (reason: RecoveryReason, detail: string) => {
    pending = null;
    if (window.isDestroyed()) return;
    log.record(reason, detail);
    logger.warn('reloading the kiosk screen', { reason, detail, attempt });
    if (reason === 'unresponsive') {
      killing = true;
      contents.forcefullyCrashRenderer();
    }
    contents.loadURL(url).catch((error: unknown) => logger.error('reload failed', { error: String(error) }));
  };

  const schedule = (reason: RecoveryReason, detail: string) => {
    if (stable) clearTimeout(stable);
    stable = null;
    if (pending || window.isDestroyed()) return; // one repair at a time
    const delay = backoffDelay(attempt, baseDelayMs, maxDelayMs);
    attempt += 1;
    logger.error('kiosk screen failed', { reason, detail, reloadInMs: delay });
    pending = { reason, timer: setTimeout(() => reload(reason, detail), delay) };
  };

  contents.on('render-process-gone', (_event, details) => {
    if (killing) {
      killing = false;
      return;
    }
    schedule('render-process-gone', `${details.reason} (${details.exitCode})`);
  });
  contents.on('unresponsive', () => schedule('unresponsive', 'the page stopped answering'));
  contents.on('responsive', () => {
    // It recovered by itself before the repair was due.
    if (pending?.reason !== 'unresponsive') return;
    clearTimeout(pending.timer);
    pending = null;
    logger.info('the page answers again');
  });
  contents.on('did-fail-load', (_event, errorCode, errorDescription, _validatedUrl, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED) return;
    schedule('did-fail-load', `${errorDescription} (${errorCode})`);
  });
  contents.on('did-finish-load', () => {
    if (stable) clearTimeout(stable);
    stable = setTimeout(() => {
      attempt = 0;
      stable = null;
    }, stableMs);
    stable.unref();
  });
}

/**
 * GPU, network and utility processes are restarted by Chromium itself; this
 * only leaves a trace in the log for whoever investigates a frozen kiosk.
 */
export function logChildProcessGone(app: Pick<App, 'on'>): void {
  app.on('child-process-gone', (_event, details) => {
    logger.error('child process gone', {
      type: details.type,
      reason: details.reason,
      exitCode: details.exitCode,
      name: details.name,
    });
  });
}

export interface FatalDeps {
  process: Pick<NodeJS.Process, 'on'>;
  app: Pick<App, 'relaunch' | 'exit'>;
  log: RecoveryLog | null;
  logger: Logger;
  /** Flushes the log file before the process goes. */
  flush?: () => void;
}

/**
 * An error nothing caught in the main process leaves it in an unknown state
 * (the database may be half closed, a timer gone): log it and start over.
 * Several relaunches in a few minutes wait longer each time, so a kiosk whose
 * start fails does not spin the disk and the log.
 */
export function relaunchOnFatalError({ process, app, log, logger: fatalLogger, flush }: FatalDeps): void {
  let handling = false;
  const fatal = (kind: string) => (error: unknown) => {
    fatalLogger.error(`fatal ${kind} in the main process; relaunching`, {
      error: error instanceof Error ? error.stack : String(error),
    });
    if (handling) return;
    handling = true;
    const recent = log?.recentRelaunches() ?? 0;
    const delay = recent === 0 ? 0 : backoffDelay(recent - 1);
    log?.record('relaunch', kind);
    flush?.();
    setTimeout(() => {
      app.relaunch();
      app.exit(1);
    }, delay);
  };
  process.on('uncaughtException', fatal('uncaughtException'));
  process.on('unhandledRejection', fatal('unhandledRejection'));
}
