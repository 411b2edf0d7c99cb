import type { App, BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asReal, fake, fakeEvent, FakeBrowserWindow } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).fake);

const { isBlockedShortcut, lockDown } = await import('../../electron/kiosk');
const { reloadAfterCrash } = await import('../../electron/recovery');

const app = asReal<App>(fake.app);

const key = (key: string, mods: Partial<Record<'control' | 'meta' | 'shift' | 'alt', boolean>> = {}) => ({
  key,
  control: false,
  meta: false,
  shift: false,
  alt: false,
  ...mods,
});

describe('isBlockedShortcut', () => {
  it.each([
    ['Ctrl+R', key('r', { control: true })],
    ['Cmd+R', key('r', { meta: true })],
    ['Ctrl+Shift+R', key('R', { control: true, shift: true })],
    ['F5', key('F5')],
    ['F12', key('F12')],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['Ctrl++', key('+', { control: true, shift: true })],
    ['Ctrl+=', key('=', { control: true })],
    ['Ctrl+-', key('-', { control: true })],
    ['Ctrl+0', key('0', { control: true })],
    ['Ctrl+W', key('w', { control: true })],
    ['Alt+F4', key('F4', { alt: true })],
  ])('blocks %s', (_label, input) => expect(isBlockedShortcut(input)).toBe(true));

  it.each([
    ['a letter', key('a')],
    ['a digit', key('5')],
    ['Enter', key('Enter')],
    ['Backspace', key('Backspace')],
    ['Shift+I (a capital letter)', key('I', { shift: true })],
    ['Ctrl+C (copy)', key('c', { control: true })],
    ['F4 alone', key('F4')],
  ])('lets %s through', (_label, input) => expect(isBlockedShortcut(input)).toBe(false));
});

describe('lockDown', () => {
  let window: FakeBrowserWindow;
  beforeEach(() => {
    fake.app.removeAllListeners();
    fake.app.quit.mockClear();
    window = new FakeBrowserWindow({});
  });

  const lock = () => lockDown(asReal<BrowserWindow>(window), app);

  it('stops blocked shortcuts before the page sees them, and only those', () => {
    lock();
    const blocked = fakeEvent();
    window.webContents.emit('before-input-event', blocked, { type: 'keyDown', ...key('r', { control: true }) });
    expect(blocked.preventDefault).toHaveBeenCalledOnce();
    const typed = fakeEvent();
    window.webContents.emit('before-input-event', typed, { type: 'keyDown', ...key('a') });
    expect(typed.preventDefault).not.toHaveBeenCalled();
  });

  it('pins the pinch zoom at 1 on every load', () => {
    lock();
    window.webContents.emit('did-finish-load');
    window.webContents.emit('did-finish-load');
    expect(window.webContents.setVisualZoomLevelLimits).toHaveBeenCalledTimes(2);
    expect(window.webContents.setVisualZoomLevelLimits).toHaveBeenLastCalledWith(1, 1);
  });

  it('refuses to close the window while the app is not quitting', () => {
    lock();
    const close = fakeEvent();
    window.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalledOnce();
  });

  it('lets the window close when the OS quits the app or the session ends', () => {
    lock();
    fake.app.emit('before-quit');
    const close = fakeEvent();
    window.emit('close', close);
    expect(close.preventDefault).not.toHaveBeenCalled();

    const other = new FakeBrowserWindow({});
    lockDown(asReal<BrowserWindow>(other), app);
    other.emit('session-end', {});
    const closeOther = fakeEvent();
    other.emit('close', closeOther);
    expect(closeOther.preventDefault).not.toHaveBeenCalled();
  });

  it('requestExit (not reachable from the renderer yet) quits the app', () => {
    const { requestExit } = lock();
    expect(fake.app.quit).not.toHaveBeenCalled();
    requestExit();
    expect(fake.app.quit).toHaveBeenCalledOnce();
    const close = fakeEvent();
    window.emit('close', close);
    expect(close.preventDefault).not.toHaveBeenCalled();
  });
});

describe('reloadAfterCrash', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reloads the page after its process dies', () => {
    const window = new FakeBrowserWindow({});
    reloadAfterCrash(asReal<BrowserWindow>(window), 2_000);
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(window.webContents.reload).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2_000);
    expect(window.webContents.reload).toHaveBeenCalledOnce();
  });

  it('does not reload after a clean exit or once the window is gone', () => {
    const window = new FakeBrowserWindow({});
    reloadAfterCrash(asReal<BrowserWindow>(window), 10);
    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    vi.advanceTimersByTime(100);
    expect(window.webContents.reload).not.toHaveBeenCalled();
    window.isDestroyed.mockReturnValue(true);
    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    vi.advanceTimersByTime(100);
    expect(window.webContents.reload).not.toHaveBeenCalled();
  });
});
