import type { App, BrowserWindow, Input } from 'electron';
import { createLogger } from '../src/node/logger';

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
  // DevTools: Ctrl+Shift+I/J/C, and Cmd+Alt+I/J/C on a Mac keyboard.
  if (mod && (input.shift || input.alt) && ['i', 'j', 'c'].includes(key)) return true;
  return false;
}

export interface Lockdown {
  /**
   * The only way out of kiosk mode, reached only through the contract's
   * exitKiosk operation, which the dispatcher allows to an admin session alone.
   */
  requestExit(): void;
  /**
   * Runs `work` (a save dialog) without the focus keeper pulling the kiosk
   * window back over the dialog the administrator is using.
   */
  whileDialogOpen<T>(work: () => Promise<T>): Promise<T>;
}

/** Long enough for a touch on the taskbar or a notification to finish; short enough that nobody gets to use it. */
export const REFOCUS_DELAY_MS = 250;

/**
 * Locks a kiosk window: blocks the shortcuts above, pins the pinch zoom at 1,
 * takes the focus back when something else got it, and refuses to close
 * (Alt+F4, window.close()) unless the app is quitting, which only the OS
 * (shutdown, log-off, a signal) or requestExit() starts.
 */
export function lockDown(
  window: BrowserWindow,
  app: Pick<App, 'on' | 'quit'>,
  refocusDelayMs = REFOCUS_DELAY_MS,
): Lockdown {
  let exitAllowed = false;
  let dialogs = 0;
  const contents = window.webContents;
  // The window was made non-closable (window.ts); on Windows that also cancels app.quit().
  const allowExit = () => {
    exitAllowed = true;
    if (!window.isDestroyed()) window.setClosable(true);
  };

  contents.on('before-input-event', (event, input) => {
    if (!isBlockedShortcut(input)) return;
    event.preventDefault();
    logger.info('shortcut blocked', { key: input.key });
  });
  // Pinch zoom resets whenever the page (re)loads, so pin it on every load.
  contents.on('did-finish-load', () => {
    contents.setVisualZoomLevelLimits(1, 1).catch(() => {});
  });

  window.on('blur', () => {
    setTimeout(() => {
      if (exitAllowed || dialogs > 0 || window.isDestroyed() || window.isFocused()) return;
      window.setAlwaysOnTop(true, 'screen-saver');
      window.show();
      window.focus();
      logger.info('focus taken back');
    }, refocusDelayMs).unref();
  });
  window.on('minimize', () => {
    if (!exitAllowed) window.restore();
  });

  app.on('before-quit', allowExit);
  // Windows shutdown or log-off must not be held up by the close guard.
  window.on('session-end', allowExit);
  window.on('close', (event) => {
    if (exitAllowed) return;
    event.preventDefault();
    logger.warn('close refused: kiosk mode');
  });

  return {
    requestExit() {
      logger.info('exit requested');
      allowExit();
      app.quit();
    },
    async whileDialogOpen(work) {
      dialogs += 1;
      try {
        return await work();
      } finally {
        dialogs -= 1;
        if (!window.isDestroyed()) window.focus();
      }
    },
  };
}
