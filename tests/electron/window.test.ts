import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, FakeBrowserWindow } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).fake);

const { createKioskWindow, kioskWindowOptions } = await import('../../electron/window');

describe('kiosk window options', () => {
  it('locks the page down: isolated, sandboxed, no Node, web security on, kiosk full screen', () => {
    const options = kioskWindowOptions({ preload: '/opt/sipas/dist-electron/preload.cjs', kiosk: true });
    expect(options.kiosk).toBe(true);
    expect(options.fullscreen).toBe(true);
    expect(options.autoHideMenuBar).toBe(true);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      preload: '/opt/sipas/dist-electron/preload.cjs',
    });
  });

  it('a windowed developer run gets devtools but keeps every security switch', () => {
    const options = kioskWindowOptions({ preload: '/p.cjs', kiosk: false });
    expect(options.kiosk).toBe(false);
    expect(options.webPreferences).toMatchObject({ devTools: true, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });
});

describe('createKioskWindow', () => {
  beforeEach(() => {
    FakeBrowserWindow.instances.length = 0;
    fake.Menu.setApplicationMenu.mockClear();
  });

  it('removes the menu, builds the window from those options and loads the kiosk screen', () => {
    createKioskWindow({ preload: '/opt/sipas/dist-electron/preload.cjs', kiosk: true, indexHtml: '/opt/sipas/dist/renderer/index.html' });
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const [window] = FakeBrowserWindow.instances;
    expect(window?.options).toEqual(kioskWindowOptions({ preload: '/opt/sipas/dist-electron/preload.cjs', kiosk: true }));
    expect(window?.loadFile).toHaveBeenCalledWith('/opt/sipas/dist/renderer/index.html', { hash: '/kiosk' });
  });
});
