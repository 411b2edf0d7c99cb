/**
 * The composition root, run against the fake 'electron' and a real data folder:
 * what the shell wires together when the kiosk starts and when it quits.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE } from '../../src/app/composeApp';
import { operationNames } from '../../src/contract/operations';
import { fake, FakeBrowserWindow, fakeEvent } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).fake);

const APP_ROOT = '/opt/sipas';
const kioskFrame = { url: `file://${APP_ROOT}/dist/renderer/index.html#/kiosk`, parent: null };
const argv = process.argv;
const sipasData = process.env.SIPAS_DATA;
let userData = '';

function call(name: string, frame: unknown, input: unknown = {}, token: string | null = null): Promise<any> {
  const handler = fake.ipcMain.handlers.get(`sipas:${name}`);
  if (!handler) throw new Error(`no handler for ${name}`);
  return handler({ senderFrame: frame }, input, token);
}

beforeAll(async () => {
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-main-'));
  fake.app.userData = userData;
  fake.app.appPath = APP_ROOT;
  delete process.env.SIPAS_DATA;
  process.argv = [argv[0] ?? 'electron', APP_ROOT, '--kiosk', '--no-demo'];
  const { started } = await import('../../electron/main');
  await started;
});

afterAll(() => {
  process.argv = argv;
  if (sipasData !== undefined) process.env.SIPAS_DATA = sipasData;
  fake.app.emit('will-quit');
  fs.rmSync(userData, { recursive: true, force: true });
});

describe('electron/main', () => {
  it('holds the single-instance lock and forces the sandbox on every renderer', () => {
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(fake.app.enableSandbox).toHaveBeenCalledOnce();
    if (process.platform !== 'linux') expect(fake.app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true });
    else expect(fake.app.setLoginItemSettings).not.toHaveBeenCalled();
    expect(fake.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it("opens the database in Electron's userData folder when no --data or SIPAS_DATA is given", () => {
    expect(fake.app.getPath).toHaveBeenCalledWith('userData');
    expect(fs.existsSync(path.join(userData, DATABASE_FILE))).toBe(true);
  });

  it('binds every operation and answers the kiosk page through the real app', async () => {
    expect(fake.ipcMain.handlers.size).toBe(operationNames.length);
    await expect(call('health', kioskFrame)).resolves.toMatchObject({ ok: true, value: { status: 'ok' } });
  });

  it('refuses calls from any page outside its own renderer folder', async () => {
    await expect(call('health', { url: 'file:///tmp/evil.html', parent: null })).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('hardens the default session', () => {
    expect(fake.session.defaultSession.checkHandler?.(null, 'media')).toBe(false);
    expect(fake.session.defaultSession.headersListener).not.toBeNull();
  });

  it('shows one kiosk window with the bundled preload, loading the built kiosk screen', () => {
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const [window] = FakeBrowserWindow.instances;
    expect(window?.options).toMatchObject({
      kiosk: true,
      webPreferences: { preload: path.join(APP_ROOT, 'dist-electron', 'preload.cjs'), sandbox: true, contextIsolation: true },
    });
    expect(window?.loadFile).toHaveBeenCalledWith(path.join(APP_ROOT, 'dist', 'renderer', 'index.html'), { hash: '/kiosk' });
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
  });

  it('hardens every web contents and locks the kiosk window', () => {
    expect(fake.app.listenerCount('web-contents-created')).toBe(1);
    const [window] = FakeBrowserWindow.instances;
    const close = fakeEvent();
    window?.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalledOnce();
    expect(window?.webContents.listenerCount('render-process-gone')).toBe(1);
    expect(fake.app.listenerCount('child-process-gone')).toBe(1);
  });

  it('leaves kiosk mode only through exitKiosk, for an administrator', async () => {
    expect(await call('shellCapabilities', kioskFrame)).toEqual({ ok: true, value: { exitKiosk: true, savePdf: true } });
    expect(await call('exitKiosk', kioskFrame)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    // IPC is local, so the first administrator can be created here.
    await call('createFirstAdmin', kioskFrame, { code: 'admin', name: 'Quản trị', pin: '135790' });
    const { value } = await call('signIn', kioskFrame, { officer: 'admin', pin: '135790' });
    expect(fake.app.quit).not.toHaveBeenCalled();
    expect(await call('exitKiosk', kioskFrame, {}, value.token)).toEqual({ ok: true, value: { exiting: true } });
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledOnce());
    const [window] = FakeBrowserWindow.instances;
    const close = fakeEvent();
    window?.emit('close', close);
    expect(close.preventDefault).not.toHaveBeenCalled();
  });

  it('closes the database when the app quits', async () => {
    fake.app.emit('will-quit');
    await expect(call('health', kioskFrame)).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
