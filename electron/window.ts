import { BrowserWindow, Menu, type BrowserWindowConstructorOptions } from 'electron';
import { createLogger } from '../src/node/logger';

const logger = createLogger('electron.window');

export interface KioskWindowSettings {
  /** Absolute path of the bundled preload (dist-electron/preload.cjs). */
  preload: string;
  /** Full-screen lockdown; off only for a developer's windowed run. */
  kiosk: boolean;
  /** DevTools may open (a windowed development run only). */
  devTools: boolean;
}

/**
 * Painted until the page draws, so a (re)load never flashes white. The window is
 * shown at once rather than on 'ready-to-show': an unattended kiosk must never
 * end up with an invisible window because a load went wrong.
 */
const BACKGROUND = '#fbfaf6'; // --paper in renderer/styles.css

/**
 * The window's options, kept pure so a test can read every security switch.
 * The page gets no Node, runs sandboxed and isolated from the preload, and can
 * only talk to the main process through the preload's frozen bridge. A kiosk
 * window stays above everything, cannot be minimised, and has no close button.
 */
export function kioskWindowOptions({ preload, kiosk, devTools }: KioskWindowSettings): BrowserWindowConstructorOptions {
  return {
    kiosk,
    fullscreen: kiosk,
    alwaysOnTop: kiosk,
    minimizable: !kiosk,
    closable: !kiosk,
    skipTaskbar: kiosk,
    autoHideMenuBar: true,
    backgroundColor: BACKGROUND,
    width: 1280,
    height: 800,
    title: 'SIPAS Kiosk',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: devTools && !kiosk,
      preload,
    },
  };
}

export interface CreateKioskWindow extends KioskWindowSettings {
  /** The page to open: app://sipas/index.html#/kiosk. */
  url: string;
}

/** Creates the window and loads the kiosk screen from the app:// scheme. */
export function createKioskWindow({ preload, kiosk, devTools, url }: CreateKioskWindow): BrowserWindow {
  // No menu: its default accelerators (reload, devtools, zoom) would be ways out.
  Menu.setApplicationMenu(null);
  const window = new BrowserWindow(kioskWindowOptions({ preload, kiosk, devTools }));
  // 'screen-saver' is above the taskbar and other always-on-top windows.
  if (kiosk) window.setAlwaysOnTop(true, 'screen-saver');
  window.loadURL(url).catch((error: unknown) => {
    // did-fail-load has fired as well; recovery.ts retries from there.
    logger.error('the kiosk screen did not load', { url, error: String(error) });
  });
  return window;
}
