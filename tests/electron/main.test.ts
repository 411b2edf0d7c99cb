/**
 * The composition root, from the TypeScript source, run against a fresh fake
 * 'electron' and a real data folder in every test: what the shell wires
 * together when the kiosk starts, and what it refuses.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE } from '../../src/app/composeApp';
import { operationNames } from '../../src/contract/operations';
import { fakeEvent } from './fakeElectron';
import { startMain, type MainRun, type MainSetup } from './startMain';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const KIOSK = { url: 'app://sipas/index.html#/kiosk', parent: null };
let run: MainRun | null = null;

async function start(setup: MainSetup = {}): Promise<MainRun> {
  run = await startMain(async () => {
    vi.resetModules();
    return import('../../electron/main');
  }, setup);
  return run;
}

afterEach(() => {
  run?.stop();
  run = null;
});

function call(
  target: MainRun,
  name: string,
  frame: unknown,
  input: unknown = {},
  token: string | null = null,
): Promise<any> {
  const handler = target.electron.ipcMain.handlers.get(`sipas:${name}`);
  if (!handler) throw new Error(`no handler for ${name}`);
  return handler({ senderFrame: frame }, input, token);
}

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Whether something accepts TCP connections on the port (the LAN host listens on every interface). */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('electron/main', { timeout: 60_000 }, () => {
  it('starts: sandbox forced, scheme registered before ready and served after, nothing unmodelled used', async () => {
    const { electron } = await start({ argv: ['--kiosk', '--no-demo'] });
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(electron.unmodelled).toEqual([]);
    expect(electron.app.enableSandbox).toHaveBeenCalledOnce();
    expect(electron.protocol.privileged.map((entry) => entry.scheme)).toEqual(['app']);
    expect(electron.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(
      electron.app.whenReady.mock.invocationCallOrder[0] ?? 0,
    );
    const page = await electron.protocol.schemes.get('app')?.(new Request('app://sipas/index.html'));
    expect(await page?.text()).toContain('<title>SIPAS</title>');
    expect((await electron.protocol.schemes.get('app')?.(new Request('app://sipas/../../etc/passwd')))?.status).toBe(
      404,
    );
  });

  it("opens the database in Electron's userData folder when no --data or SIPAS_DATA is given, and logs to its logs folder", async () => {
    const { userData } = await start({ argv: ['--no-demo'] });
    expect(fs.existsSync(path.join(userData, DATABASE_FILE))).toBe(true);
    const [logFile] = fs.readdirSync(path.join(userData, 'logs'));
    expect(logFile).toMatch(/^sipas-\d{4}-\d{2}-\d{2}\.log$/);
    expect(fs.readFileSync(path.join(userData, 'logs', logFile ?? ''), 'utf8')).toContain('"message":"kiosk shown"');
  });

  it('binds every operation and answers the kiosk page of the app:// origin, and only it', async () => {
    const target = await start();
    expect([...target.electron.ipcMain.handlers.keys()].sort()).toEqual(
      operationNames.map((name) => `sipas:${name}`).sort(),
    );
    await expect(call(target, 'health', KIOSK)).resolves.toMatchObject({ ok: true, value: { status: 'ok' } });
    for (const url of [
      'file:///tmp/evil.html',
      `file://${target.appRoot}/dist/renderer/index.html`,
      'app://evil/index.html',
    ]) {
      await expect(call(target, 'health', { url, parent: null })).resolves.toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
  });

  it('hardens the default session and every web contents', async () => {
    const { electron } = await start({ argv: ['--kiosk'] });
    expect(electron.session.defaultSession.checkHandler?.(null, 'media')).toBe(false);
    const [window] = electron.windows;
    if (!window) throw new Error('no window');
    electron.app.emit('web-contents-created', {}, window.webContents);
    const navigation = fakeEvent('https://evil.example/');
    window.webContents.emit('will-navigate', navigation, navigation.url);
    expect(navigation.preventDefault).toHaveBeenCalledOnce();
    window.webContents.emit('devtools-opened');
    expect(window.webContents.closeDevTools).toHaveBeenCalledOnce();
  });

  it('shows one locked kiosk window with the bundled preload, loading the kiosk screen from app://', async () => {
    const { electron, appRoot } = await start({ argv: ['--kiosk'] });
    expect(electron.windows).toHaveLength(1);
    const [window] = electron.windows;
    expect(window?.options).toMatchObject({
      kiosk: true,
      alwaysOnTop: true,
      closable: false,
      webPreferences: {
        preload: path.join(appRoot, 'dist-electron', 'preload.cjs'),
        sandbox: true,
        contextIsolation: true,
        devTools: false,
      },
    });
    expect(window?.loadURL).toHaveBeenCalledWith('app://sipas/index.html#/kiosk');
    const close = fakeEvent();
    window?.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalledOnce();
  });

  it('keeps the display awake in kiosk mode (opening hours) and lets it go when quitting', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-12-01T02:00:00Z') }); // 09:00 in Vietnam
    try {
      const target = await start({ argv: ['--kiosk'] });
      expect(target.electron.powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
      target.electron.app.emit('will-quit');
      expect(target.electron.powerSaveBlocker.blockers.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reloads the kiosk screen when the renderer crashes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { electron, userData } = await start({ argv: ['--kiosk'] });
      const [window] = electron.windows;
      window?.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
      vi.advanceTimersByTime(1_000);
      expect(window?.webContents.loadURL).toHaveBeenCalledWith('app://sipas/index.html#/kiosk');
      expect(JSON.parse(fs.readFileSync(path.join(userData, 'recoveries.json'), 'utf8'))).toMatchObject({ total: 1 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('the administrator sees the self-repair count and the log lines', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const target = await start({ argv: ['--kiosk', '--no-demo'] });
    const [window] = target.electron.windows;
    window?.webContents.emit('unresponsive');
    vi.advanceTimersByTime(1_000);
    vi.useRealTimers();
    await call(target, 'createFirstAdmin', KIOSK, { code: 'admin', name: 'Quản trị', pin: '135790' });
    const { value } = await call(target, 'signIn', KIOSK, { officer: 'admin', pin: '135790' });
    const status = await call(target, 'supportStatus', KIOSK, {}, value.token);
    expect(status).toMatchObject({
      ok: true,
      value: { recoveries: { total: 1, lastReason: expect.stringContaining('unresponsive') }, logFiles: true },
    });
    const lines = await call(target, 'recentLogLines', KIOSK, { limit: 50 }, value.token);
    expect(lines.value.lines.some((line: string) => line.includes('reloading the kiosk screen'))).toBe(true);
  });

  it('leaves kiosk mode only through exitKiosk, for an administrator', async () => {
    const target = await start({ argv: ['--kiosk', '--no-demo'] });
    expect(await call(target, 'shellCapabilities', KIOSK)).toEqual({
      ok: true,
      value: { exitKiosk: true, savePdf: true },
    });
    expect(await call(target, 'exitKiosk', KIOSK)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    // IPC is local, so the first administrator can be created here.
    await call(target, 'createFirstAdmin', KIOSK, { code: 'admin', name: 'Quản trị', pin: '135790' });
    const { value } = await call(target, 'signIn', KIOSK, { officer: 'admin', pin: '135790' });
    expect(target.electron.app.quit).not.toHaveBeenCalled();
    expect(await call(target, 'exitKiosk', KIOSK, {}, value.token)).toEqual({ ok: true, value: { exiting: true } });
    await vi.waitFor(() => expect(target.electron.app.quit).toHaveBeenCalledOnce());
    const close = fakeEvent();
    target.electron.windows[0]?.emit('close', close);
    expect(close.preventDefault).not.toHaveBeenCalled();
  });

  it("serves the LAN while the administrator's setting is on, and closes the port at once when it is off", async () => {
    const port = await freePort();
    const target = await start({ argv: ['--no-demo'] });
    await call(target, 'createFirstAdmin', KIOSK, { code: 'admin', name: 'Quản trị', pin: '135790' });
    const { value } = await call(target, 'signIn', KIOSK, { officer: 'admin', pin: '135790' });
    expect(await accepts(port)).toBe(false);
    expect(await call(target, 'updateLanSettings', KIOSK, { enabled: true, port }, value.token)).toMatchObject({
      ok: true,
      value: { enabled: true, port, problem: null },
    });
    expect(await accepts(port)).toBe(true);
    expect(await call(target, 'updateLanSettings', KIOSK, { enabled: false, port }, value.token)).toMatchObject({
      ok: true,
      value: { enabled: false },
    });
    expect(await accepts(port)).toBe(false);
  });

  it('closes the database when the app quits', async () => {
    const target = await start();
    target.electron.app.emit('will-quit');
    await expect(call(target, 'health', KIOSK)).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('a second kiosk on the same machine quits without opening the database or a window', async () => {
    const { electron, userData } = await start({ singleInstance: false });
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
    expect(fs.existsSync(userData)).toBe(false);
  });
});

describe('electron/main when packaged', { timeout: 60_000 }, () => {
  it('ignores --windowed, --data, --demo and the debugging switches', async () => {
    const elsewhere = path.join(os.tmpdir(), `sipas-elsewhere-${randomUUID()}`);
    const { electron, userData } = await start({
      packaged: true,
      argv: ['--windowed', '--data', elsewhere, '--demo'],
      before: ({ electron: fresh }) => {
        fresh.app.switches.add('remote-debugging-port');
        fresh.app.switches.add('auto-open-devtools-for-tabs');
      },
    });
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(electron.app.commandLine.removeSwitch).toHaveBeenCalledWith('remote-debugging-port');
    expect(electron.app.switches.size).toBe(0);
    expect(electron.windows[0]?.options).toMatchObject({ kiosk: true, webPreferences: { devTools: false } });
    expect(fs.existsSync(path.join(userData, DATABASE_FILE))).toBe(true);
    expect(fs.existsSync(elsewhere)).toBe(false);
  });

  it('takes the data folder from sipas-kiosk.json beside the executable', async () => {
    const { electron, exeDir } = await start({
      packaged: true,
      before: ({ exeDir: dir }) =>
        fs.writeFileSync(path.join(dir, 'sipas-kiosk.json'), JSON.stringify({ dataDir: 'kiosk-data' })),
    });
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(fs.existsSync(path.join(exeDir, 'kiosk-data', DATABASE_FILE))).toBe(true);
  });

  it('a broken config file stops the start with a message naming it', async () => {
    const { electron } = await start({
      packaged: true,
      before: ({ exeDir: dir }) => fs.writeFileSync(path.join(dir, 'sipas-kiosk.json'), '{"dataDir": '),
    });
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'SIPAS Kiosk',
      expect.stringContaining('sipas-kiosk.json is not valid JSON'),
    );
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(electron.windows).toHaveLength(0);
  });
});
