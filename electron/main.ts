/**
 * The Electron main process: a composition root, no business rules. It opens
 * the app for one data folder (the same composeApp the HTTP host uses), binds
 * the contract to IPC, serves the screens on app://sipas, hardens every
 * session and page, shows the kiosk and keeps it alive.
 */
import path from 'node:path';
import {
  app,
  dialog,
  ipcMain,
  net,
  powerSaveBlocker,
  protocol,
  safeStorage,
  session,
  type BrowserWindow,
} from 'electron';
import { setDefaultNativeBinding } from '../src/node/sqliteOptions';
import { composeApp, type App as SipasApp } from '../src/app/composeApp';
import { createLogger, setDefaultLogSink } from '../src/node/logger';
import { plainSecretBox } from '../src/node/secretFile';
import { createRotatingLog, LOGS_FOLDER } from '../src/node/rotatingLog';
import { createLanHost } from '../src/server/lanHost';
import { KIOSK_URL } from './appUrl';
import { DEFAULT_OPENING_HOURS, keepDisplayAwake } from './displayAwake';
import { bindIpc, isTrustedFrame } from './ipc';
import { lockDown, type Lockdown } from './kiosk';
import { checkElectronNative, NATIVE_BUILD_COMMAND } from './nativeModule';
import { watchNetwork } from './network';
import { CONFIG_FILE_NAME, dropEscapeSwitches, readKioskConfig, readShellOptions } from './options';
import { createRecoveryLog, healWindow, logChildProcessGone, relaunchOnFatalError } from './recovery';
import { registerAppScheme, serveAppScheme } from './scheme';
import { safeStorageBox } from './secretBox';
import { hardenAllContents, hardenSession } from './security';
import { createShellHooks } from './shellHooks';
import { createKioskWindow } from './window';

const logger = createLogger('electron');

/** The Electron build of better-sqlite3 is missing or does not fit: the start stops with the command to run. */
class NativeModuleMissing extends Error {}

/**
 * The Electron build of better-sqlite3 (native/electron/, see nativeModule.ts).
 * Under plain Node (the tests' stand-in for Electron) the Node build in
 * node_modules is the one that fits, and nothing is set.
 */
function useElectronNative(appRoot: string): void {
  const electron = process.versions.electron;
  if (electron === undefined) return;
  // Native files are unpacked beside the archive (asarUnpack in electron-builder.yml).
  const nativeRoot = app.isPackaged ? appRoot.replace(/\.asar$/, '.asar.unpacked') : appRoot;
  const check = checkElectronNative(nativeRoot, { electron, platform: process.platform, arch: process.arch });
  if (!check.ok) throw new NativeModuleMissing(check.problem);
  setDefaultNativeBinding(check.file);
}

async function start(): Promise<void> {
  // Before 'ready': the scheme's privileges, the sandbox of every renderer, and the command line.
  registerAppScheme(protocol);
  app.enableSandbox();
  if (app.isPackaged) {
    const dropped = dropEscapeSwitches(app.commandLine);
    if (dropped.length > 0) logger.warn('command-line switches ignored: installed kiosk', { switches: dropped });
  }

  const exeDir = path.dirname(app.getPath('exe'));
  const options = readShellOptions({
    argv: process.argv.slice(1),
    env: process.env,
    userData: app.getPath('userData'),
    isPackaged: app.isPackaged,
    config: app.isPackaged ? readKioskConfig(path.join(exeDir, CONFIG_FILE_NAME)) : null,
    exeDir,
  });

  // From here on every logger also writes <dataDir>/logs/sipas-<day>.log.
  const logFile = createRotatingLog({ dir: path.join(options.dataDir, LOGS_FOLDER) });
  setDefaultLogSink((line) => {
    process.stderr.write(`${line}\n`);
    logFile.write(line);
  });
  const recoveries = createRecoveryLog(path.join(options.dataDir, 'recoveries.json'));
  relaunchOnFatalError({ process, app, log: recoveries, logger });

  // app.asar when packaged, the project folder with `electron .`
  const appRoot = app.getAppPath();
  const rendererDir = path.join(appRoot, 'dist', 'renderer');
  useElectronNative(appRoot);

  hardenAllContents(app, { devTools: options.devTools });
  logChildProcessGone(app);
  // A kiosk starts with the machine (Windows and macOS; Linux uses the session's autostart, see docs/DEPLOYMENT.md).
  if (options.kiosk && process.platform !== 'linux') app.setLoginItemSettings({ openAtLogin: true });

  // safeStorage needs 'ready' on Linux; the database opens after it too.
  await app.whenReady();
  hardenSession(session.defaultSession);
  serveAppScheme(protocol, rendererDir);

  let window: BrowserWindow | null = null;
  let lockdown: Lockdown | null = null;
  const box = safeStorageBox(safeStorage);
  if (!box)
    logger.warn(
      'safeStorage is not available: the sync credentials are kept unsealed in a file readable by this user only',
    );
  const shell = createShellHooks({
    app,
    dialog,
    window: () => window,
    lockdown: () => lockdown,
    recoveries: () => recoveries.stats(),
  });

  // The LAN host follows the administrator's setting; calls that arrive before the app is composed wait for it.
  let composed: (sipas: SipasApp) => void = () => {};
  const whenComposed = new Promise<SipasApp>((resolve) => (composed = resolve));
  const lanHost = createLanHost({
    dispatch: async (name, input, caller) => (await whenComposed).dispatch(name, input, caller),
    logger: createLogger('electron.lan'),
    staticDir: rendererDir,
  });

  const sipas = await composeApp({
    dataDir: options.dataDir,
    demo: options.demo,
    shell,
    secretBox: box ?? plainSecretBox,
    lan: lanHost,
  });
  composed(sipas);
  bindIpc(ipcMain, sipas.dispatch, isTrustedFrame);
  const stopWatchingNetwork = watchNetwork(net, () => sipas.networkOnline());
  let stopDisplayAwake = () => {};
  let closed = false;
  app.on('will-quit', () => {
    if (closed) return;
    closed = true;
    stopWatchingNetwork();
    stopDisplayAwake();
    void lanHost.close();
    sipas.close();
    logger.info('database closed');
    setDefaultLogSink(null);
    logFile.close();
  });

  window = createKioskWindow({
    preload: path.join(appRoot, 'dist-electron', 'preload.cjs'),
    kiosk: options.kiosk,
    devTools: options.devTools,
    url: KIOSK_URL,
  });
  const shown = window;
  healWindow(shown, { url: KIOSK_URL, log: recoveries });
  if (options.kiosk) {
    // Leaving kiosk mode goes through the admin-only exitKiosk operation (shellHooks.ts).
    lockdown = lockDown(shown, app);
    // The admin's opening hours (Quản trị → Đơn vị), read again at each check so a change acts within a minute.
    let hours = DEFAULT_OPENING_HOURS;
    const readHours = () =>
      void sipas.dispatch('getKioskSetup', {}, { local: true }).then((envelope) => {
        if (envelope.ok) hours = (envelope.value as { settings: { openingHours: typeof hours } }).settings.openingHours;
      });
    readHours();
    stopDisplayAwake = keepDisplayAwake({ powerSaveBlocker, hours: () => (readHours(), hours) });
  }

  app.on('second-instance', () => {
    if (shown.isMinimized()) shown.restore();
    shown.focus();
  });
  app.on('window-all-closed', () => app.quit());
  logger.info('kiosk shown', {
    dataDir: sipas.dataDir,
    dataDirSource: options.dataDirSource,
    kiosk: options.kiosk,
    credentialStore: box ? 'safeStorage' : 'file',
  });
}

function fail(error: unknown): void {
  logger.error('the kiosk could not start', { error: error instanceof Error ? error.stack : String(error) });
  const message = error instanceof Error ? error.message : String(error);
  const hint =
    error instanceof NativeModuleMissing
      ? `Thiếu mô-đun SQLite dành cho Electron. Chạy lệnh \`${NATIVE_BUILD_COMMAND}\` (cần Internet) rồi mở lại ứng dụng.\n\n`
      : '';
  dialog.showErrorBox('SIPAS Kiosk', `Không khởi động được ứng dụng.\nThe app could not start.\n\n${hint}${message}`);
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
