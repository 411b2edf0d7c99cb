import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_URL_PREFIX } from '../../electron/appUrl';
import { composeApp, type App } from '../../src/app/composeApp';
import { silentLogger } from '../../src/node/logger';
import { channelOf } from '../../src/contract/bridge';
import { operationNames } from '../../src/contract/operations';
import { fake } from '../electron/fakeElectron';
import { hostileValue } from './hostileInput';
import { STRESS_SCALE } from './scale';

vi.mock('electron', async () => (await import('../electron/fakeElectron')).electronModule);
const { bindIpc, isTrustedFrame } = await import('../../electron/ipc');

const PREFIX = APP_URL_PREFIX;
const frame = { url: `${PREFIX}index.html#/kiosk`, parent: null };
let dataDir = '';
let app: App;

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

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-fuzz-ipc-'));
  app = await composeApp({ dataDir, logger: silentLogger });
  bindIpc(fake.ipcMain, app.dispatch, isTrustedFrame);
});
afterAll(() => {
  app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('hostile input over IPC', () => {
  it('every handler answers an envelope; a refusal is a client error and changes nothing', async () => {
    const admin = (await app.dispatch('signIn', { officer: 'qtv', pin: '9999' })) as { value: { token: string } };
    const targets = operationNames.filter((name) => name !== 'signOut');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...targets),
        hostileValue,
        fc.oneof(fc.constant(admin.value.token), fc.constant(null), fc.anything({ maxDepth: 1 })),
        async (operation, input, token) => {
          const handler = fake.ipcMain.handlers.get(channelOf(operation));
          if (!handler) throw new Error(`no handler for ${operation}`);
          const before = snapshot();
          const envelope = (await handler({ senderFrame: frame }, input, token)) as {
            ok: boolean;
            error?: { code: string };
          };
          expect(typeof envelope.ok).toBe('boolean');
          if (!envelope.ok) {
            expect(envelope.error?.code).not.toBe('internal');
            expect(snapshot()).toBe(before);
          }
        },
      ),
      { numRuns: 150 * STRESS_SCALE, seed: 7 },
    );
  }, 120_000);
});
