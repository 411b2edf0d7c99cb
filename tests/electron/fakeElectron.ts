/**
 * A stand-in for the 'electron' module, which cannot run here (its binary is not
 * installed, and tests run under plain Node). Each test file mocks 'electron'
 * with `fake` and reads back what the shell did with it.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

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
  printToPDF = vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.7 fake'));
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadFile = vi.fn(async (_file: string, _options?: { hash?: string }) => {});
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => false);
  isDestroyed = vi.fn(() => false);
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
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
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.checkHandler = handler;
  }
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener): void => {
      this.headersListener = listener;
    },
  };
}

export class FakeApp extends EventEmitter {
  userData = '/nonexistent/userData';
  appPath = '/opt/sipas';
  isPackaged = false;
  getPath = vi.fn((_name: string) => this.userData);
  getAppPath = vi.fn(() => this.appPath);
  requestSingleInstanceLock = vi.fn(() => true);
  whenReady = vi.fn(async () => {});
  enableSandbox = vi.fn();
  setLoginItemSettings = vi.fn();
  quit = vi.fn();
  exit = vi.fn();
}

export type IpcHandler = (event: { senderFrame: unknown }, ...args: unknown[]) => Promise<unknown>;

export const fake = {
  app: new FakeApp(),
  BrowserWindow: FakeBrowserWindow,
  Menu: { setApplicationMenu: vi.fn() },
  session: { defaultSession: new FakeSession() },
  dialog: {
    showErrorBox: vi.fn(),
    showSaveDialog: vi.fn(async (_window: unknown, _options: { defaultPath?: string }) => ({ canceled: true, filePath: '' as string | undefined })),
  },
  net: { isOnline: vi.fn(() => true) },
  ipcMain: {
    handlers: new Map<string, IpcHandler>(),
    handle: vi.fn((channel: string, handler: IpcHandler) => {
      if (fake.ipcMain.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      fake.ipcMain.handlers.set(channel, handler);
    }),
  },
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async (channel: string, ..._args: unknown[]) => ({ ok: true, value: channel })),
    send: vi.fn(),
    on: vi.fn(),
  },
};

/**
 * The fakes implement only the members the shell touches, with looser event
 * typings than Electron's overloads; this is the one place that tells tsc so.
 */
export const asReal = <T>(standIn: unknown): T => standIn as T;
