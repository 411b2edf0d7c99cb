/**
 * The sync credentials at rest (out of the database, sealed by the host's box,
 * in a 0600 file) and the administrator's support section, through the real app.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { composeApp, DATABASE_FILE, type App } from '../../src/app/composeApp';
import { silentLogger } from '../../src/node/logger';
import { SECRETS_FILE, type SecretBox } from '../../src/node/secretFile';
import { createRotatingLog, LOGS_FOLDER } from '../../src/node/rotatingLog';
import type { RecoveryStats } from '../../src/services/shell';
import { frozenClock } from '../support/fakes';
import { useTempDirs } from '../support/tempDir';

const tempDir = useTempDirs();
const TOKEN = 'kiosk-token-0000000042';
const SECRET = 'kiosk-secret-0123456789abcdef';
const open: App[] = [];
afterEach(() => open.splice(0).forEach((app) => app.close()));

/** Stands in for safeStorage: reversible, and the clear text is not in what it writes. */
const reversingBox: SecretBox = {
  kind: 'safeStorage',
  seal: (plain) => Buffer.from([...plain].reverse().join('')).toString('base64'),
  open: (sealed) => [...Buffer.from(sealed, 'base64').toString()].reverse().join(''),
};

async function kiosk(dataDir: string, options: { secretBox?: SecretBox; recoveries?: RecoveryStats } = {}) {
  const clock = frozenClock('2026-12-01T03:00:00.000Z');
  const shell = options.recoveries
    ? { exit: () => {}, savePdf: async () => null, recoveries: () => options.recoveries as RecoveryStats }
    : undefined;
  const app = await composeApp({
    dataDir,
    clock,
    logger: silentLogger,
    demo: true,
    sync: { schedule: false },
    secretBox: options.secretBox,
    shell,
  });
  open.push(app);
  const call = async (name: string, input: unknown = {}, token: string | null = null): Promise<any> => {
    const envelope = await app.dispatch(name, input, { token, local: true });
    if (!envelope.ok)
      throw Object.assign(new Error(`${name}: ${envelope.error.message}`), { code: envelope.error.code });
    return envelope.value;
  };
  const token = (await call('signIn', { officer: 'qtv', pin: '9999' })).token as string;
  return { app, call, asAdmin: (name: string, input: unknown = {}) => call(name, input, token) };
}

/** Every byte of the database file and its WAL, as text, to look for a secret in it. */
const databaseBytes = (dataDir: string) =>
  ['', '-wal']
    .map((suffix) => path.join(dataDir, `${DATABASE_FILE}${suffix}`))
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file).toString('latin1'))
    .join('');

describe('sync credentials at rest', { timeout: 60_000 }, () => {
  it('the desktop app seals them with its box into secrets.json (0600); the database keeps only the address', async () => {
    const dataDir = tempDir();
    const { app, asAdmin } = await kiosk(dataDir, { secretBox: reversingBox });
    expect(
      await asAdmin('configureSync', {
        upstreamUrl: 'https://collector.example',
        deviceToken: TOKEN,
        deviceSecret: SECRET,
      }),
    ).toMatchObject({ configured: true, hasToken: true, hasSecret: true });
    const file = path.join(dataDir, SECRETS_FILE);
    const text = fs.readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ box: 'safeStorage' });
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(SECRET);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    app.close();
    open.splice(0);
    expect(databaseBytes(dataDir)).not.toContain(TOKEN);
    expect(databaseBytes(dataDir)).not.toContain(SECRET);
    // Still configured after a restart with the same box.
    const again = await kiosk(dataDir, { secretBox: reversingBox });
    expect(await again.asAdmin('syncStatus')).toMatchObject({ configured: true, hasToken: true, hasSecret: true });
  });

  it('the HTTP host keeps them unsealed in the same 0600 file; a folder sealed by the desktop app reads as not configured', async () => {
    const dataDir = tempDir();
    const { asAdmin } = await kiosk(dataDir);
    await asAdmin('configureSync', {
      upstreamUrl: 'https://collector.example',
      deviceToken: TOKEN,
      deviceSecret: SECRET,
    });
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, SECRETS_FILE), 'utf8'))).toEqual({
      box: 'plain',
      values: { deviceToken: TOKEN, deviceSecret: SECRET },
    });

    const sealed = tempDir();
    await (
      await kiosk(sealed, { secretBox: reversingBox })
    ).asAdmin('configureSync', { upstreamUrl: 'https://collector.example', deviceToken: TOKEN, deviceSecret: SECRET });
    expect(await (await kiosk(sealed)).asAdmin('syncStatus')).toMatchObject({
      configured: false,
      hasToken: false,
      hasSecret: false,
      upstreamUrl: 'https://collector.example',
    });
  });

  it('credentials an older version left in the settings table move out of it at start', async () => {
    const dataDir = tempDir();
    (await kiosk(dataDir)).app.close();
    open.splice(0);
    const db = new Database(path.join(dataDir, DATABASE_FILE));
    db.prepare(
      "INSERT INTO settings (key, value) VALUES ('syncConfig', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(JSON.stringify({ upstreamUrl: 'https://collector.example', deviceToken: TOKEN, deviceSecret: SECRET }));
    db.close();
    const { asAdmin } = await kiosk(dataDir, { secretBox: reversingBox });
    expect(await asAdmin('syncStatus')).toMatchObject({ configured: true, hasToken: true, hasSecret: true });
    const check = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    const row = check.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'syncConfig'").get();
    check.close();
    expect(JSON.parse(row?.value ?? '{}')).toEqual({
      upstreamUrl: 'https://collector.example',
      deviceToken: null,
      deviceSecret: null,
    });
  });
});

describe('support section', { timeout: 60_000 }, () => {
  it('shows the last log lines, the versions and the self-repair count, to an administrator only', async () => {
    const dataDir = tempDir();
    const log = createRotatingLog({
      dir: path.join(dataDir, LOGS_FOLDER),
      now: () => Date.parse('2026-12-01T03:00:00Z'),
    });
    for (let i = 1; i <= 5; i += 1) log.write(JSON.stringify({ level: 'info', message: `line ${i}` }));
    log.close();
    const recoveries = { total: 2, relaunches: 1, lastAt: '2026-12-01T02:00:00.000Z', lastReason: 'unresponsive' };
    const { call, asAdmin } = await kiosk(dataDir, { recoveries });
    await expect(call('recentLogLines', { limit: 3 })).rejects.toMatchObject({ code: 'unauthenticated' });
    expect((await asAdmin('recentLogLines', { limit: 3 })).lines).toEqual(
      [3, 4, 5].map((i) => JSON.stringify({ level: 'info', message: `line ${i}` })),
    );
    expect(await asAdmin('supportStatus')).toMatchObject({
      recoveries,
      logFiles: true,
      versions: { app: expect.any(String), schema: expect.stringMatching(/^\d+$/), node: process.versions.node },
    });
  });

  it('saves one JSON bundle in support/ with logs, versions and settings, and no secret', async () => {
    const dataDir = tempDir();
    const { asAdmin } = await kiosk(dataDir, { secretBox: reversingBox });
    await asAdmin('configureSync', {
      upstreamUrl: 'https://collector.example',
      deviceToken: TOKEN,
      deviceSecret: SECRET,
    });
    const saved = await asAdmin('saveSupportBundle');
    expect(saved).toMatchObject({
      fileName: expect.stringMatching(/^sipas-support-20261201T030000Z\.json$/),
      folder: 'support',
    });
    const file = path.join(dataDir, 'support', saved.fileName);
    const text = fs.readFileSync(file, 'utf8');
    expect(saved.bytes).toBe(Buffer.byteLength(text));
    const bundle = JSON.parse(text);
    expect(bundle).toMatchObject({
      kind: 'sipas-support-bundle',
      createdBy: 'qtv',
      versions: { app: expect.any(String) },
      settings: {
        sync: { upstreamUrl: 'https://collector.example', hasToken: true },
        kiosk: { unit: expect.any(Object) },
      },
      logs: expect.any(Array),
    });
    for (const secret of [TOKEN, SECRET, '9999']) expect(text).not.toContain(secret);
    const audit = await asAdmin('auditLog', {});
    expect(
      audit.some(
        (entry: { action: string; target: string }) =>
          entry.action === 'saveSupportBundle' && entry.target === saved.fileName,
      ),
    ).toBe(true);
  });
});
