/**
 * Starts the main process (the TypeScript source or the built bundle) against a
 * fresh fake Electron and fresh folders, and undoes everything it touched on
 * the real process afterwards, so that each test stands alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resetFakeElectron, type FakeElectron } from './fakeElectron';

export interface MainRun {
  electron: FakeElectron;
  /** The data folder the app should use by default (Electron's userData). */
  userData: string;
  /** Folder of the fake executable (where sipas-kiosk.json may live). */
  exeDir: string;
  /** The app folder, with a built renderer of one page. */
  appRoot: string;
  started: Promise<void>;
  /** Quits the app and removes the folders and process listeners it added. */
  stop(): void;
}

export interface MainSetup {
  packaged?: boolean;
  argv?: string[];
  singleInstance?: boolean;
  /** Runs on the fresh fake before the main process loads (a config file, a switch…). */
  before?: (run: Omit<MainRun, 'started' | 'stop'>) => void;
}

const FATAL_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;
type Listener = (...args: unknown[]) => void;
const listenersOf = (name: (typeof FATAL_EVENTS)[number]): Listener[] =>
  process.listeners(name as 'uncaughtException') as Listener[];

export async function startMain(
  load: () => Promise<{ started: unknown }>,
  { packaged = false, argv = [], singleInstance = true, before }: MainSetup = {},
): Promise<MainRun> {
  const electron = resetFakeElectron();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-main-'));
  const userData = path.join(root, 'userData');
  const exeDir = path.join(root, 'bin');
  const appRoot = path.join(root, 'app');
  fs.mkdirSync(path.join(appRoot, 'dist', 'renderer'), { recursive: true });
  fs.mkdirSync(exeDir);
  fs.writeFileSync(path.join(appRoot, 'dist', 'renderer', 'index.html'), '<!doctype html><title>SIPAS</title>');
  electron.app.userData = userData;
  electron.app.exe = path.join(exeDir, 'sipas-kiosk');
  electron.app.appPath = appRoot;
  electron.app.isPackaged = packaged;
  electron.app.requestSingleInstanceLock.mockReturnValue(singleInstance);

  const savedArgv = process.argv;
  const savedData = process.env.SIPAS_DATA;
  const listeners = new Map(FATAL_EVENTS.map((name) => [name, listenersOf(name)]));
  delete process.env.SIPAS_DATA;
  process.argv = [savedArgv[0] ?? 'electron', appRoot, ...argv];
  before?.({ electron, userData, exeDir, appRoot });

  let loaded: { started: unknown };
  try {
    loaded = await load();
  } finally {
    process.argv = savedArgv;
  }
  const started =
    loaded.started instanceof Promise
      ? (loaded.started as Promise<void>)
      : Promise.reject(new Error('main exports no started promise'));
  await started;

  return {
    electron,
    userData,
    exeDir,
    appRoot,
    started,
    stop() {
      electron.app.emit('will-quit');
      for (const name of FATAL_EVENTS) {
        for (const listener of listenersOf(name)) {
          if (!listeners.get(name)?.includes(listener)) process.off(name as 'uncaughtException', listener);
        }
      }
      if (savedData !== undefined) process.env.SIPAS_DATA = savedData;
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
