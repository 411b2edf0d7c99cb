import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { composeApp, type App } from '../../src/app/composeApp';
import { silentLogger } from '../../src/node/logger';
import { channelOf } from '../../src/contract/bridge';
import { operationNames } from '../../src/contract/operations';
import { APP_URL_PREFIX } from '../../electron/appUrl';
import { fake } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const { bindIpc, isTrustedFrame } = await import('../../electron/ipc');

const PREFIX = APP_URL_PREFIX;
const kioskFrame = { url: `${PREFIX}index.html#/kiosk`, parent: null };

let dataDir = '';
let app: App;
let dispatch: ReturnType<typeof vi.fn<App['dispatch']>>;

/** Every row of every table, to prove a refused call wrote nothing. */
function snapshot(): string {
  const db = new Database(app.databaseFile, { readonly: true });
  try {
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all();
    return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
  } finally {
    db.close();
  }
}

function call(name: string, frame: unknown, input: unknown, token: unknown = null): Promise<unknown> {
  const handler = fake.ipcMain.handlers.get(name.startsWith('sipas:') ? name : `sipas:${name}`);
  if (!handler) throw new Error(`no handler for ${name}`);
  return handler({ senderFrame: frame }, input, token);
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-ipc-'));
  app = await composeApp({ dataDir, demo: false, logger: silentLogger });
  dispatch = vi.fn(app.dispatch);
  bindIpc(fake.ipcMain, dispatch, isTrustedFrame);
});

afterAll(() => {
  app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  dispatch.mockClear();
});

describe('bindIpc', () => {
  it('binds a handler for every operation of the contract, and only those', () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(operationNames.map(channelOf).sort());
  });

  it('a call from the kiosk page reaches the real dispatcher (health is ok)', async () => {
    const answer = await call('health', kioskFrame, {});
    expect(answer).toMatchObject({ ok: true, value: { status: 'ok', pendingWrites: 0 } });
    expect(dispatch).toHaveBeenCalledWith('health', {}, { token: null, local: true });
  });

  it.each([
    ['another site', { url: 'https://evil.example/index.html', parent: null }],
    ['a local file', { url: 'file:///tmp/evil.html', parent: null }],
    ['the renderer folder over file://', { url: 'file:///opt/sipas/dist/renderer/index.html', parent: null }],
    ['another host of the scheme', { url: 'app://evil/index.html', parent: null }],
    ['the scheme on a port', { url: 'app://sipas:8080/index.html', parent: null }],
    ['an escaped separator', { url: 'app://sipas/..%2F..%2Fevil.html', parent: null }],
    ['a subframe of the app', { url: `${PREFIX}index.html`, parent: kioskFrame }],
    ['a frame that is gone', null],
    ['no frame at all', undefined],
  ])('a call from %s is forbidden and never dispatched', async (_label, frame) => {
    const before = snapshot();
    const answer = await call('submitResponse', frame, { id: 'x' });
    expect(answer).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(snapshot()).toBe(before);
  });

  it('a frame Electron has disposed (reading it throws) is forbidden', async () => {
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    await expect(call('health', disposed, {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('a token that is not a string or null is bad input, never dispatched', async () => {
    const answer = await call('health', kioskFrame, {}, { forged: true });
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('bad input gets bad_input from the real dispatcher and leaves the database unchanged', async () => {
    const before = snapshot();
    const answer = await call('submitResponse', kioskFrame, { id: 'not-a-uuid', extra: 1 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(dispatch).toHaveBeenCalledOnce();
    expect(snapshot()).toBe(before);
  });

  it('the snapshot would notice a write (so "unchanged" above means something)', () => {
    const db = new Database(app.databaseFile);
    try {
      db.exec('CREATE TABLE probe (x INTEGER NOT NULL) STRICT');
      const before = snapshot();
      db.prepare('INSERT INTO probe (x) VALUES (1)').run();
      expect(snapshot()).not.toBe(before);
      db.exec('DROP TABLE probe');
    } finally {
      db.close();
    }
  });

  it('staff operations still need a session over IPC', async () => {
    const answer = await call('dailySummary', kioskFrame, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('answers an envelope even when the dispatcher throws', async () => {
    fake.ipcMain.handlers.clear();
    bindIpc(
      fake.ipcMain,
      async () => Promise.reject(new Error('boom')),
      () => true,
    );
    await expect(call('health', kioskFrame, {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    fake.ipcMain.handlers.clear();
    bindIpc(fake.ipcMain, dispatch, isTrustedFrame);
  });
});

describe('isTrustedFrame', () => {
  it('trusts only the top frame of a page of the app:// origin', () => {
    expect(isTrustedFrame(kioskFrame)).toBe(true);
    expect(isTrustedFrame({ url: `${PREFIX}index.html?x=1#/staff`, parent: null })).toBe(true);
    expect(isTrustedFrame({ url: `${PREFIX}../index.html`, parent: null })).toBe(true); // still the app: the parser resolves ..
    expect(isTrustedFrame({ url: 'file:///opt/sipas/dist/renderer/index.html', parent: null })).toBe(false);
    expect(isTrustedFrame({ url: 'http://127.0.0.1:4280/index.html', parent: null })).toBe(false);
    expect(isTrustedFrame({ url: 'app://user:pass@sipas/index.html', parent: null })).toBe(false);
    expect(isTrustedFrame({ url: 'not a url', parent: null })).toBe(false);
  });
});
