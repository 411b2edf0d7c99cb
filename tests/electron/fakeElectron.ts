/**
 * A stand-in for the 'electron' module, which cannot run here (its binary is not
 * installed, and tests run under plain Node). It models only the members the
 * shell uses, and fails loudly on any other: reading a member it does not model
 * throws and is recorded in `fake.unmodelled`, so a call the real Electron lacks
 * (or that nobody checked against it) cannot pass silently.
 *
 * Each test gets a fresh Electron with resetFakeElectron(); the module seen by
 * the code under test (vi.mock for the TypeScript sources, Node's require cache
 * for the built bundles) forwards to the current one.
 */
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { vi } from 'vitest';

/** Names a test framework, a printer or a promise check may probe on any object. */
const INTROSPECTION = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  'constructor',
  '_isMockFunction',
  'inspect',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  '__esModule',
  'default',
]);

/**
 * The state lives on globalThis: vi.resetModules() loads this file afresh for
 * the code under test, and both copies must see the same current Electron.
 */
interface SharedState {
  current: FakeElectron | null;
  unmodelled: string[];
}
const shared: SharedState = ((globalThis as { __sipasFakeElectron?: SharedState }).__sipasFakeElectron ??= {
  current: null,
  unmodelled: [],
});

/** Wraps `target` so that reading a member it does not have throws. */
export function strict<T extends object>(label: string, target: T): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === 'symbol' || key in object) return Reflect.get(object, key, receiver);
      if (INTROSPECTION.has(key)) return undefined;
      shared.unmodelled.push(`${label}.${key}`);
      throw new Error(
        `fake electron: ${label}.${key} is not modelled; add it to tests/electron/fakeElectron.ts after checking Electron's API`,
      );
    },
  });
}

export interface FakeEvent {
  url?: string;
  preventDefault: ReturnType<typeof vi.fn>;
}

export const fakeEvent = (url?: string): FakeEvent => ({ url, preventDefault: vi.fn() });

type WindowOpenHandler = (details: { url: string }) => { action: string };

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  setVisualZoomLevelLimits = vi.fn(async (_min: number, _max: number) => {});
  reload = vi.fn();
  loadURL = vi.fn(async (_url: string) => {});
  forcefullyCrashRenderer = vi.fn();
  closeDevTools = vi.fn();
  printToPDF = vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.7 fake'));
  constructor() {
    super();
    return strict('webContents', this);
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  loadURL = vi.fn(async (_url: string) => {});
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  setAlwaysOnTop = vi.fn((_flag: boolean, _level?: string) => {});
  setClosable = vi.fn((_closable: boolean) => {});
  isMinimized = vi.fn(() => false);
  isFocused = vi.fn(() => false);
  isDestroyed = vi.fn(() => false);
  constructor(readonly options: Record<string, unknown>) {
    super();
    const window = strict('BrowserWindow', this);
    current().windows.push(window);
    return window;
  }
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type PermissionCheckHandler = (contents: unknown, permission: string) => boolean;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

export class FakeSession {
  requestHandler: PermissionRequestHandler | null = null;
  checkHandler: PermissionCheckHandler | null = null;
  headersListener: HeadersListener | null = null;
  readonly webRequest = strict('session.webRequest', {
    onHeadersReceived: (listener: HeadersListener): void => {
      this.headersListener = listener;
    },
  });
  constructor() {
    return strict('session', this);
  }
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.checkHandler = handler;
  }
}

export class FakeApp extends EventEmitter {
  /** Set by the test; unset, a path is refused rather than created somewhere on the machine. */
  userData = '';
  exe = '';
  appPath = '/opt/sipas';
  isPackaged = false;
  switches = new Set<string>();
  readonly commandLine = strict('app.commandLine', {
    hasSwitch: vi.fn((name: string) => this.switches.has(name)),
    removeSwitch: vi.fn((name: string) => void this.switches.delete(name)),
  });
  getPath = vi.fn((name: string) => {
    const folder = name === 'exe' ? this.exe : this.userData;
    if (!folder) throw new Error(`fake electron: app.getPath('${name}') asked, but the test set no folder`);
    return folder;
  });
  getAppPath = vi.fn(() => this.appPath);
  requestSingleInstanceLock = vi.fn(() => true);
  whenReady = vi.fn(async () => {});
  enableSandbox = vi.fn();
  setLoginItemSettings = vi.fn();
  quit = vi.fn();
  exit = vi.fn();
  relaunch = vi.fn();
  constructor() {
    super();
    return strict('app', this);
  }
}

export type IpcHandler = (event: { senderFrame: unknown }, ...args: unknown[]) => Promise<unknown>;
export type SchemeHandler = (request: Request) => Promise<Response>;

function createFakeElectron() {
  const handlers = new Map<string, IpcHandler>();
  const schemes = new Map<string, SchemeHandler>();
  let nextBlocker = 1;
  const blockers = new Set<number>();
  const electron = {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    windows: [] as FakeBrowserWindow[],
    Menu: strict('Menu', { setApplicationMenu: vi.fn() }),
    session: strict('session module', { defaultSession: new FakeSession() }),
    protocol: strict('protocol', {
      privileged: [] as Array<{ scheme: string; privileges?: Record<string, boolean> }>,
      schemes,
      registerSchemesAsPrivileged: vi.fn((list: Array<{ scheme: string; privileges?: Record<string, boolean> }>) => {
        electron.protocol.privileged.push(...list);
      }),
      handle: vi.fn((scheme: string, handler: SchemeHandler) => {
        if (schemes.has(scheme)) throw new Error(`second handler for ${scheme}`);
        schemes.set(scheme, handler);
      }),
    }),
    safeStorage: strict('safeStorage', {
      isEncryptionAvailable: vi.fn(() => true),
      // Reversible but not readable: enough to prove the clear text never reaches the disk.
      encryptString: vi.fn((plain: string) => Buffer.from(`sealed:${Buffer.from(plain).toString('hex')}`)),
      decryptString: vi.fn((sealed: Buffer) =>
        Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'hex').toString(),
      ),
    }),
    powerSaveBlocker: strict('powerSaveBlocker', {
      blockers,
      start: vi.fn((_type: string) => {
        const id = nextBlocker++;
        blockers.add(id);
        return id;
      }),
      stop: vi.fn((id: number) => blockers.delete(id)),
      isStarted: vi.fn((id: number) => blockers.has(id)),
    }),
    dialog: strict('dialog', {
      showErrorBox: vi.fn(),
      showSaveDialog: vi.fn(async (_window: unknown, _options: { defaultPath?: string }) => ({
        canceled: true,
        filePath: '' as string | undefined,
      })),
    }),
    net: strict('net', { isOnline: vi.fn(() => true) }),
    ipcMain: strict('ipcMain', {
      handlers,
      handle: vi.fn((channel: string, handler: IpcHandler) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, handler);
      }),
    }),
    contextBridge: strict('contextBridge', { exposeInMainWorld: vi.fn() }),
    ipcRenderer: strict('ipcRenderer', {
      invoke: vi.fn(async (channel: string, ..._args: unknown[]) => ({ ok: true, value: channel })),
    }),
    /** Members read that the fake does not model (each also threw). */
    get unmodelled(): readonly string[] {
      return shared.unmodelled;
    },
  };
  return electron;
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

function current(): FakeElectron {
  shared.current ??= createFakeElectron();
  return shared.current;
}

/** A fresh Electron for the next test: no windows, handlers, listeners or calls from the last one. */
export function resetFakeElectron(): FakeElectron {
  shared.unmodelled = [];
  shared.current = createFakeElectron();
  return shared.current;
}

/** The current fake, for the test's own assertions. */
export const fake: FakeElectron = new Proxy({} as FakeElectron, { get: (_target, key) => Reflect.get(current(), key) });

/** The names the real module exports that the fake models. */
const MODULE_MEMBERS = [
  'app',
  'BrowserWindow',
  'Menu',
  'session',
  'protocol',
  'safeStorage',
  'powerSaveBlocker',
  'dialog',
  'net',
  'ipcMain',
  'contextBridge',
  'ipcRenderer',
] as const;

/** What `import … from 'electron'` / `require('electron')` gives the code under test. */
export const electronModule: Record<string, unknown> = new Proxy({} as Record<string, unknown>, {
  get(_target, key) {
    if (typeof key === 'symbol') return undefined;
    if ((MODULE_MEMBERS as readonly string[]).includes(key)) return Reflect.get(current(), key);
    if (INTROSPECTION.has(key)) return undefined;
    shared.unmodelled.push(`electron.${key}`);
    throw new Error(
      `fake electron: electron.${key} is not modelled; add it to tests/electron/fakeElectron.ts after checking Electron's API`,
    );
  },
  has: (_target, key) => typeof key === 'string' && (MODULE_MEMBERS as readonly string[]).includes(key),
  ownKeys: () => [...MODULE_MEMBERS],
  getOwnPropertyDescriptor: (_target, key) =>
    typeof key === 'string' && (MODULE_MEMBERS as readonly string[]).includes(key)
      ? { configurable: true, enumerable: true, get: () => Reflect.get(current(), key) }
      : undefined,
});

const requireHere = createRequire(import.meta.url);

/**
 * Makes Node's own require('electron') (used by the built dist-electron/*.cjs,
 * which vitest does not transform) return the fake.
 */
export function installElectronForBundles(): void {
  const id = requireHere.resolve('electron');
  const cache = requireHere.cache;
  const module = { id, filename: id, loaded: true, exports: electronModule, children: [], paths: [] };
  cache[id] = module as unknown as NodeJS.Module;
}

/** Loads a built bundle afresh (its top level runs again) with the fake Electron. */
export function loadBundle(file: string): Record<string, unknown> {
  installElectronForBundles();
  delete requireHere.cache[requireHere.resolve(file)];
  const loaded: unknown = requireHere(file);
  if (typeof loaded !== 'object' || loaded === null) throw new Error(`${file} exports nothing`);
  return loaded as Record<string, unknown>;
}

/**
 * The fakes implement only the members the shell touches, with looser event
 * typings than Electron's overloads; this is the one place that tells tsc so.
 */
export const asReal = <T>(standIn: unknown): T => standIn as T;
