import type { App, BrowserWindow } from 'electron';
import { createLogger } from '../src/app/logger';

const logger = createLogger('electron.recovery');

/** Long enough not to spin on a page that crashes as soon as it loads. */
export const RELOAD_DELAY_MS = 2_000;

/**
 * A kiosk nobody watches must come back by itself: when the page's process dies
 * (crash, out of memory, killed), load the page again. The database lives in
 * the main process, so nothing acknowledged is lost with the renderer.
 */
export function reloadAfterCrash(window: BrowserWindow, delayMs = RELOAD_DELAY_MS): void {
  window.webContents.on('render-process-gone', (_event, details) => {
    logger.error('renderer gone', { reason: details.reason, exitCode: details.exitCode });
    if (details.reason === 'clean-exit') return;
    setTimeout(() => {
      if (!window.isDestroyed()) window.webContents.reload();
    }, delayMs);
  });
}

/**
 * GPU, network and utility processes are restarted by Chromium itself; this
 * only leaves a trace in the log for whoever investigates a frozen kiosk.
 */
export function logChildProcessGone(app: Pick<App, 'on'>): void {
  app.on('child-process-gone', (_event, details) => {
    logger.error('child process gone', { type: details.type, reason: details.reason, exitCode: details.exitCode, name: details.name });
  });
}
