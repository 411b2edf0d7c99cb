import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createShellHooks } from '../../electron/shellHooks';
import { asReal, fake, FakeBrowserWindow, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const stats = { total: 3, relaunches: 1, lastAt: '2026-12-01T01:00:00.000Z', lastReason: 'unresponsive' };
const recoveries = () => stats;
const passThrough = { requestExit: vi.fn(), whileDialogOpen: <T>(work: () => Promise<T>) => work() };
beforeEach(() => {
  resetFakeElectron().app.userData = dir;
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-shell-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('desktop-only actions', () => {
  it('exit goes through the kiosk lockdown when there is one', () => {
    const requestExit = vi.fn();
    const hooks = createShellHooks({
      app: asReal(fake.app),
      dialog: asReal(fake.dialog),
      window: () => null,
      lockdown: () => ({ ...passThrough, requestExit }),
      recoveries,
    });
    hooks.exit();
    expect(requestExit).toHaveBeenCalledOnce();
    expect(fake.app.quit).not.toHaveBeenCalled();
  });

  it('saves the window as an A4 PDF where the user chose, and nothing when they cancel', async () => {
    const window = new FakeBrowserWindow({});
    const hooks = createShellHooks({
      app: asReal(fake.app),
      dialog: asReal(fake.dialog),
      window: () => asReal(window),
      lockdown: () => null,
      recoveries,
    });
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: undefined });
    expect(await hooks.savePdf('bao-cao.pdf')).toBeNull();
    expect(window.webContents.printToPDF).not.toHaveBeenCalled();

    const target = path.join(dir, 'bao-cao-2026-11-30.pdf');
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await hooks.savePdf('../../etc/bao-cao-2026-11-30.pdf')).toBe(target);
    expect(fake.dialog.showSaveDialog.mock.calls.at(-1)?.[1].defaultPath).toMatch(/[/\\]bao-cao-2026-11-30\.pdf$/);
    expect(fake.dialog.showSaveDialog.mock.calls.at(-1)?.[1].defaultPath).not.toContain('..');
    expect(window.webContents.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true });
    expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-1.7 fake');
  });

  it('the save dialog runs with the kiosk focus keeper paused', async () => {
    const window = new FakeBrowserWindow({});
    const opened = vi.fn();
    const whileDialogOpen = <T>(work: () => Promise<T>): Promise<T> => {
      opened();
      return work();
    };
    const hooks = createShellHooks({
      app: asReal(fake.app),
      dialog: asReal(fake.dialog),
      window: () => asReal(window),
      lockdown: () => ({ requestExit: vi.fn(), whileDialogOpen }),
      recoveries,
    });
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: undefined });
    await hooks.savePdf('bao-cao.pdf');
    expect(opened).toHaveBeenCalledOnce();
    expect(fake.dialog.showSaveDialog).toHaveBeenCalledOnce();
  });

  it('hands the self-repair count to the app', () => {
    const hooks = createShellHooks({
      app: asReal(fake.app),
      dialog: asReal(fake.dialog),
      window: () => null,
      lockdown: () => null,
      recoveries,
    });
    expect(hooks.recoveries?.()).toEqual(stats);
  });
});
