import type { App, BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asReal, fake, fakeEvent, FakeBrowserWindow, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const { isBlockedShortcut, lockDown } = await import('../../electron/kiosk');

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
    ['Ctrl+Shift+J', key('J', { control: true, shift: true })],
    ['Cmd+Alt+I', key('i', { meta: true, alt: true })],
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
    resetFakeElectron();
    window = new FakeBrowserWindow({});
  });
  afterEach(() => vi.useRealTimers());

  const lock = (target: FakeBrowserWindow = window) =>
    lockDown(asReal<BrowserWindow>(target), asReal<App>(fake.app), 250);

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

  it('lets the window close (and makes it closable again) when the OS quits the app or the session ends', () => {
    lock();
    fake.app.emit('before-quit');
    const close = fakeEvent();
    window.emit('close', close);
    expect(close.preventDefault).not.toHaveBeenCalled();
    expect(window.setClosable).toHaveBeenCalledWith(true);

    const other = new FakeBrowserWindow({});
    lock(other);
    other.emit('session-end', {});
    const closeOther = fakeEvent();
    other.emit('close', closeOther);
    expect(closeOther.preventDefault).not.toHaveBeenCalled();
  });

  it('requestExit makes the window closable and quits the app', () => {
    const { requestExit } = lock();
    expect(fake.app.quit).not.toHaveBeenCalled();
    requestExit();
    expect(window.setClosable).toHaveBeenCalledWith(true);
    expect(fake.app.quit).toHaveBeenCalledOnce();
    const close = fakeEvent();
    window.emit('close', close);
    expect(close.preventDefault).not.toHaveBeenCalled();
  });

  it('takes the focus back shortly after losing it, on top of everything', () => {
    vi.useFakeTimers();
    lock();
    window.emit('blur');
    expect(window.focus).not.toHaveBeenCalled();
    vi.advanceTimersByTime(250);
    expect(window.setAlwaysOnTop).toHaveBeenCalledWith(true, 'screen-saver');
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('leaves the focus alone when the window got it back, while a save dialog is open, or once exiting', async () => {
    vi.useFakeTimers();
    const lockdown = lock();
    window.isFocused.mockReturnValueOnce(true);
    window.emit('blur');
    vi.advanceTimersByTime(250);
    expect(window.focus).not.toHaveBeenCalled();

    let close = () => {};
    const dialog = lockdown.whileDialogOpen(() => new Promise<string>((resolve) => (close = () => resolve('chosen'))));
    window.emit('blur');
    vi.advanceTimersByTime(1_000);
    expect(window.focus).not.toHaveBeenCalled();
    close();
    await expect(dialog).resolves.toBe('chosen');
    expect(window.focus).toHaveBeenCalledOnce(); // given back once the dialog is gone

    lockdown.requestExit();
    window.emit('blur');
    vi.advanceTimersByTime(1_000);
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('undoes a minimise', () => {
    lock();
    window.emit('minimize');
    expect(window.restore).toHaveBeenCalledOnce();
  });
});
