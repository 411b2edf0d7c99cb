import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const { createKioskWindow, kioskWindowOptions } = await import('../../electron/window');

const PRELOAD = '/opt/sipas/dist-electron/preload.cjs';

describe('kiosk window options', () => {
  it('locks the page down: isolated, sandboxed, no Node, web security on, kiosk full screen, on top, not minimisable or closable', () => {
    const options = kioskWindowOptions({ preload: PRELOAD, kiosk: true, devTools: true });
    expect(options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      alwaysOnTop: true,
      minimizable: false,
      closable: false,
      autoHideMenuBar: true,
    });
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
      devTools: false, // a kiosk never, whatever was asked
      preload: PRELOAD,
    });
  });

  it('a windowed developer run gets DevTools when asked, and keeps every security switch', () => {
    const options = kioskWindowOptions({ preload: '/p.cjs', kiosk: false, devTools: true });
    expect(options).toMatchObject({ kiosk: false, alwaysOnTop: false, minimizable: true, closable: true });
    expect(options.webPreferences).toMatchObject({
      devTools: true,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(kioskWindowOptions({ preload: '/p.cjs', kiosk: false, devTools: false }).webPreferences?.devTools).toBe(
      false,
    );
  });
});

describe('createKioskWindow', () => {
  beforeEach(() => resetFakeElectron());

  it('removes the menu, builds the window from those options, puts it above everything and loads the kiosk screen', () => {
    createKioskWindow({ preload: PRELOAD, kiosk: true, devTools: false, url: 'app://sipas/index.html#/kiosk' });
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(fake.windows).toHaveLength(1);
    const [window] = fake.windows;
    expect(window?.options).toEqual(kioskWindowOptions({ preload: PRELOAD, kiosk: true, devTools: false }));
    expect(window?.setAlwaysOnTop).toHaveBeenCalledWith(true, 'screen-saver');
    expect(window?.loadURL).toHaveBeenCalledWith('app://sipas/index.html#/kiosk');
    expect(fake.unmodelled).toEqual([]);
  });
});
