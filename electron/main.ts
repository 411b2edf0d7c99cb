/**
 * The Electron main process: a composition root, no business rules. It opens
 * the app for one data folder (the same composeApp the HTTP host uses), binds
 * the contract to IPC, hardens every session and page, and shows the kiosk.
 */
import path from 'node:path';
import { app, dialog, ipcMain, net, session, type BrowserWindow } from 'electron';
import { composeApp } from '../src/app/composeApp';
import { createLogger } from '../src/app/logger';
import { appUrlPrefixOf } from './appUrl';
import { bindIpc, isTrustedFrame } from './ipc';
import { lockDown, type Lockdown } from './kiosk';
import { watchNetwork } from './network';
import { readShellOptions } from './options';
import { logChildProcessGone, reloadAfterCrash } from './recovery';
import { hardenAllContents, hardenSession } from './security';
import { createShellHooks } from './shellHooks';
import { createKioskWindow } from './window';

const logger = createLogger('electron');

async function start(): Promise<void> {
  const options = readShellOptions(process.argv.slice(1), process.env, app.getPath('userData'), app.isPackaged);
  // app.asar when packaged, the project folder with `electron .`
  const appRoot = app.getAppPath();
  const rendererDir = path.join(appRoot, 'dist', 'renderer');
  const appUrlPrefix = appUrlPrefixOf(rendererDir);

  // Before anything can create a web contents (enableSandbox must precede 'ready').
  app.enableSandbox();
  hardenAllContents(app, appUrlPrefix);
  logChildProcessGone(app);
  // A kiosk starts with the machine (Windows and macOS; Linux uses the session's autostart, see docs/DEPLOYMENT.md).
  if (options.kiosk && process.platform !== 'linux') app.setLoginItemSettings({ openAtLogin: true });

  let window: BrowserWindow | null = null;
  let lockdown: Lockdown | null = null;
  const shell = createShellHooks({ app, dialog, window: () => window, lockdown: () => lockdown });
  const sipas = await composeApp({ dataDir: options.dataDir, demo: options.demo, shell });
  const stopWatchingNetwork = watchNetwork(net, () => sipas.networkOnline());
  let closed = false;
  app.on('will-quit', () => {
    if (closed) return;
    closed = true;
    stopWatchingNetwork();
    sipas.close();
    logger.info('database closed');
  });
  bindIpc(ipcMain, sipas.dispatch, (frame) => isTrustedFrame(frame, appUrlPrefix));

  await app.whenReady();
  hardenSession(session.defaultSession);
  window = createKioskWindow({
    preload: path.join(appRoot, 'dist-electron', 'preload.cjs'),
    kiosk: options.kiosk,
    indexHtml: path.join(rendererDir, 'index.html'),
  });
  const shown = window;
  reloadAfterCrash(shown);
  // Leaving kiosk mode goes through the admin-only exitKiosk operation (shellHooks.ts).
  if (options.kiosk) lockdown = lockDown(shown, app);

  app.on('second-instance', () => {
    if (shown.isMinimized()) shown.restore();
    shown.focus();
  });
  app.on('window-all-closed', () => app.quit());
  logger.info('kiosk shown', { dataDir: sipas.dataDir, kiosk: options.kiosk });
}

function fail(error: unknown): void {
  logger.error('the kiosk could not start', { error: error instanceof Error ? error.stack : String(error) });
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('SIPAS Kiosk', `Không khởi động được ứng dụng.\nThe app could not start.\n\n${message}`);
  app.exit(1);
}

/** Settles once the kiosk is up (or has failed); tests await it. */
export const started: Promise<void> = app.requestSingleInstanceLock()
  ? start().catch(fail)
  : Promise.resolve().then(() => {
      // Another kiosk already runs on this machine; it gets focused by 'second-instance'.
      logger.info('already running; exiting');
      app.quit();
    });
