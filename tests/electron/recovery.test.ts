import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asReal, fake, FakeBrowserWindow, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const { backoffDelay, createRecoveryLog, healWindow, relaunchOnFatalError } = await import('../../electron/recovery');

const URL = 'app://sipas/index.html#/kiosk';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-recovery-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let fileNumber = 0;
const freshLog = () => createRecoveryLog(path.join(dir, `recoveries-${++fileNumber}.json`));

function healed() {
  const window = new FakeBrowserWindow({});
  const log = freshLog();
  healWindow(asReal<BrowserWindow>(window), { url: URL, log, baseDelayMs: 1_000, maxDelayMs: 8_000, stableMs: 60_000 });
  return { window, contents: window.webContents, log };
}

beforeEach(() => {
  resetFakeElectron();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('healWindow', () => {
  it.each(['crashed', 'oom', 'killed', 'clean-exit', 'launch-failed'])(
    'reloads the kiosk screen after the renderer is gone (%s), once the back-off has passed',
    (reason) => {
      const { contents, log } = healed();
      contents.emit('render-process-gone', {}, { reason, exitCode: 1 });
      vi.advanceTimersByTime(999);
      expect(contents.loadURL).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(contents.loadURL).toHaveBeenCalledExactlyOnceWith(URL);
      expect(log.stats()).toMatchObject({ total: 1, relaunches: 0, lastReason: expect.stringContaining(reason) });
    },
  );

  it('a page that hangs is ended and loaded again; one that answers again in time is left alone', () => {
    const { contents, log } = healed();
    contents.emit('unresponsive');
    vi.advanceTimersByTime(1_000);
    expect(contents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
    expect(contents.loadURL).toHaveBeenCalledExactlyOnceWith(URL);
    // The crash it caused itself is not a new failure.
    contents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    vi.advanceTimersByTime(60_000);
    expect(contents.loadURL).toHaveBeenCalledOnce();
    expect(log.stats().total).toBe(1);

    const other = healed();
    other.contents.emit('unresponsive');
    other.contents.emit('responsive');
    vi.advanceTimersByTime(60_000);
    expect(other.contents.loadURL).not.toHaveBeenCalled();
    expect(other.log.stats().total).toBe(0);
  });

  it('a main-frame load failure reloads; a subframe failure or an aborted navigation does not', () => {
    const { contents } = healed();
    contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', URL, true);
    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://sipas/frame.html', false);
    vi.advanceTimersByTime(60_000);
    expect(contents.loadURL).not.toHaveBeenCalled();
    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', URL, true);
    vi.advanceTimersByTime(1_000);
    expect(contents.loadURL).toHaveBeenCalledExactlyOnceWith(URL);
  });

  it('waits longer after each failure (1 s, 2 s, 4 s, capped) and starts over after a stable minute', () => {
    const { contents } = healed();
    const failAndMeasure = () => {
      const before = contents.loadURL.mock.calls.length;
      contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
      let waited = 0;
      while (contents.loadURL.mock.calls.length === before) {
        vi.advanceTimersByTime(500);
        waited += 500;
      }
      return waited;
    };
    expect([failAndMeasure(), failAndMeasure(), failAndMeasure(), failAndMeasure(), failAndMeasure()]).toEqual([
      1_000, 2_000, 4_000, 8_000, 8_000,
    ]);
    contents.emit('did-finish-load');
    vi.advanceTimersByTime(60_000);
    expect(failAndMeasure()).toBe(1_000);
  });

  it('a failure during the stable minute keeps the back-off growing', () => {
    const { contents } = healed();
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    vi.advanceTimersByTime(1_000);
    contents.emit('did-finish-load');
    vi.advanceTimersByTime(30_000);
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    vi.advanceTimersByTime(1_000);
    expect(contents.loadURL).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(1_000);
    expect(contents.loadURL).toHaveBeenCalledTimes(2);
  });

  it('several failures before the reload lead to one reload; a destroyed window is not touched', () => {
    const { window, contents } = healed();
    contents.emit('unresponsive');
    contents.emit('did-fail-load', {}, -2, 'ERR_FAILED', URL, true);
    vi.advanceTimersByTime(60_000);
    expect(contents.loadURL).toHaveBeenCalledOnce();
    window.isDestroyed.mockReturnValue(true);
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    vi.advanceTimersByTime(60_000);
    expect(contents.loadURL).toHaveBeenCalledOnce();
  });
});

describe('the recovery log', () => {
  it('counts across restarts (it is a file in the data folder)', () => {
    const file = path.join(dir, 'persisted.json');
    const first = createRecoveryLog(file, () => Date.parse('2026-12-01T01:00:00Z'));
    first.record('render-process-gone', 'crashed (139)');
    first.record('relaunch', 'uncaughtException');
    const second = createRecoveryLog(file);
    expect(second.stats()).toEqual({
      total: 2,
      relaunches: 1,
      lastAt: '2026-12-01T01:00:00.000Z',
      lastReason: 'relaunch: uncaughtException',
    });
  });

  it('a damaged file starts the count again instead of stopping the app', () => {
    const file = path.join(dir, 'damaged.json');
    fs.writeFileSync(file, '{"total": "many"');
    expect(createRecoveryLog(file).stats().total).toBe(0);
  });

  it('backoffDelay doubles up to its cap', () => {
    expect([0, 1, 2, 3, 10, 100].map((attempt) => backoffDelay(attempt))).toEqual([
      1_000, 2_000, 4_000, 8_000, 60_000, 60_000,
    ]);
  });
});

describe('relaunchOnFatalError', () => {
  const setup = () => {
    const process = new EventEmitter();
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const log = freshLog();
    relaunchOnFatalError({ process: asReal<NodeJS.Process>(process), app: fake.app, log, logger });
    return { process, logger, log };
  };

  it.each([
    ['uncaughtException', new Error('boom')],
    ['unhandledRejection', new Error('lost promise')],
  ])('%s is logged, counted, and the app relaunches', (event, error) => {
    const { process, logger, log } = setup();
    process.emit(event, error);
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining(event), {
      error: expect.stringContaining(error.message),
    });
    vi.runAllTimers();
    expect(fake.app.relaunch).toHaveBeenCalledOnce();
    expect(fake.app.exit).toHaveBeenCalledExactlyOnceWith(1);
    expect(log.stats()).toMatchObject({ relaunches: 1, total: 1 });
  });

  it('relaunches at once the first time, later only after a back-off', () => {
    const { process, log } = setup();
    log.record('relaunch', 'earlier');
    log.record('relaunch', 'earlier');
    process.emit('uncaughtException', new Error('again'));
    vi.advanceTimersByTime(1_999);
    expect(fake.app.relaunch).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fake.app.relaunch).toHaveBeenCalledOnce();
  });
});
