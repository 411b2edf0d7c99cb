import type { App, BrowserWindow, Input } from 'electron';
import { createLogger } from '../src/app/logger';

const logger = createLogger('electron.kiosk');

type Keys = Pick<Input, 'key' | 'control' | 'meta' | 'shift' | 'alt'>;

/**
 * Keys that would let a citizen leave, reload or inspect the kiosk: reload,
 * devtools, zoom, close, print, full-screen toggle. With no application menu
 * most of them do nothing already; this is the second lock on the same door.
 */
export function isBlockedShortcut(input: Keys): boolean {
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  if (key === 'f5' || key === 'f11' || key === 'f12') return true;
  if (input.alt && key === 'f4') return true;
  if (mod && ['r', 'w', 'q', 'p', '+', '=', '-', '_', '0'].includes(key)) return true;
  if (mod && input.shift && ['i', 'j', 'c'].includes(key)) return true;
  return false;
}

export interface Lockdown {
  /**
   * The only way out of kiosk mode, reached only through the contract's
   * exitKiosk operation, which the dispatcher allows to an admin session alone.
   */
  requestExit(): void;
}

/**
 * Locks a kiosk window: blocks the shortcuts above, pins the pinch zoom at 1
 * and refuses to close (Alt+F4, window.close()) unless the app is quitting,
 * which only the OS (shutdown, log-off, a signal) or requestExit() starts.
 */
export function lockDown(window: BrowserWindow, app: Pick<App, 'on' | 'quit'>): Lockdown {
  let exitAllowed = false;
  const contents = window.webContents;

  contents.on('before-input-event', (event, input) => {
    if (!isBlockedShortcut(input)) return;
    event.preventDefault();
    logger.info('shortcut blocked', { key: input.key });
  });
  // Pinch zoom resets whenever the page (re)loads, so pin it on every load.
  contents.on('did-finish-load', () => {
    contents.setVisualZoomLevelLimits(1, 1).catch(() => {});
  });

  app.on('before-quit', () => {
    exitAllowed = true;
  });
  // Windows shutdown or log-off must not be held up by the close guard.
  window.on('session-end', () => {
    exitAllowed = true;
  });
  window.on('close', (event) => {
    if (exitAllowed) return;
    event.preventDefault();
    logger.warn('close refused: kiosk mode');
  });

  return {
    requestExit() {
      logger.info('exit requested');
      exitAllowed = true;
      app.quit();
    },
  };
}
