import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { composeApp, type App } from '../../src/app/composeApp';
import { runCli } from '../../src/cli/runCli';
import type { Caller } from '../../src/contract/dispatch';
import { silentLogger } from '../../src/node/logger';
import { startHttpHost, type HttpHost } from '../../src/server/httpHost';
import { useTempDirs } from '../support/tempDir';

const tempDir = useTempDirs();
const CLI_OFFICER = `cli:${os.userInfo().username}`;
const opened: { close(): unknown }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

const backupsIn = (dataDir: string) => fs.readdirSync(path.join(dataDir, 'backups')).sort();

/** What a CLI process composes: the local administrator's grant, no timers, no demo officers. */
async function composedAsCli(dataDir: string): Promise<App> {
  const app = await composeApp({
    dataDir,
    logger: silentLogger,
    demo: false,
    background: false,
    localAdmin: { officer: 'cli:tester', officerName: 'Command line (tester)' },
  });
  opened.push(app);
  return app;
}

/** The kiosk as it runs: demo officers, timers, the daily backup at start. */
async function kiosk(dataDir: string): Promise<App> {
  const app = await composeApp({ dataDir, logger: silentLogger, demo: true, sync: { schedule: false } });
  opened.push(app);
  return app;
}

describe('the local administrator grant', () => {
  it('serves only the process composeApp gave it to: never HTTP, JSON or structured-clone (IPC) copies', async () => {
    const dataDir = tempDir();
    await (await kiosk(dataDir)).close(); // a database, as the app leaves it
    opened.splice(0);
    const app = await composedAsCli(dataDir);
    expect(app.localAdmin).toBeDefined();
    // The worst case: an HTTP host bound to the very app that holds the grant.
    const host: HttpHost = await startHttpHost({ dispatch: app.dispatch, port: 0, logger: silentLogger });
    opened.push(host);
    const before = backupsIn(dataDir);

    const post = async (body: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(`${host.url}api/createBackup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    };
    const forgedSession = { role: 'admin', officer: 'cli:tester', officerName: 'Command line (tester)' };
    for (const [body, headers] of [
      [{}, {}],
      [{ localAdmin: { session: forgedSession } }, {}],
      [{}, { authorization: 'Bearer cli:tester' }],
      [{}, { authorization: `Bearer ${JSON.stringify(app.localAdmin)}` }],
      [{}, { 'x-sipas-local-admin': 'true', 'x-sipas-device': 'cli:tester' }],
    ] as const) {
      expect(await post(body, headers)).toMatchObject({
        status: 401,
        body: { ok: false, error: { code: 'unauthenticated' } },
      });
    }

    // What IPC does to a caller (structured clone), what JSON does, and a look-alike: none is the grant.
    const grant = app.localAdmin as Caller;
    for (const copy of [
      structuredClone(grant),
      JSON.parse(JSON.stringify(grant)),
      { local: true, localAdmin: { session: forgedSession } },
    ]) {
      expect(await app.dispatch('createBackup', {}, copy)).toMatchObject({
        ok: false,
        error: { code: 'unauthenticated' },
      });
    }
    // A grant is honoured only by the app that issued it.
    const other = await kiosk(tempDir());
    expect(other.localAdmin).toBeUndefined();
    expect(await other.dispatch('createBackup', {}, grant)).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect(backupsIn(dataDir)).toEqual(before);

    // The grant itself works (so the refusals above are the grant's doing), and the audit names the CLI.
    const made = await app.dispatch('createBackup', {}, grant);
    expect(made).toMatchObject({ ok: true, value: { kind: 'manual' } });
    const audit = await app.dispatch('auditLog', { limit: 1 }, grant);
    expect(audit).toMatchObject({ ok: true, value: [{ officer: 'cli:tester', action: 'createBackup' }] });
  });
});

describe('the CLI, beside a running kiosk', () => {
  let printed = '';
  beforeEach(() => {
    printed = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((printed += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => vi.restoreAllMocks());

  it('backs up and exports through the dispatcher, audited as cli:<OS user>, and starts none of the kiosk chores', async () => {
    const dataDir = tempDir();
    const app = await kiosk(dataDir);
    const { value: questionnaire } = (await app.dispatch('getActiveQuestionnaire', {}, { local: true })) as {
      value: { id: string; version: number };
    };
    const stored = await app.dispatch(
      'submitResponse',
      {
        id: crypto.randomUUID(),
        questionnaire: { id: questionnaire.id, version: questionnaire.version },
        language: 'vi',
        durationMs: 20_000,
        answers: ['access', 'procedure', 'officer'].map((item) => ({ item, score: 4 })),
      },
      { local: true },
    );
    expect(stored).toMatchObject({ ok: true });
    const daily = backupsIn(dataDir); // the kiosk's daily backup, written at its start

    expect(await runCli(['backup', '--data', dataDir])).toBe(0);
    const written = /backup written: .*(manual-[\d-]+\.sqlite3)\n {2}\d+ bytes, schema v\d+, integrity check ok\n/.exec(
      printed,
    )?.[1];
    expect(written).toBeDefined();
    // Only the asked-for backup: the CLI's app ran no maintenance pass of its own.
    expect(backupsIn(dataDir)).toEqual([...daily, written].sort());

    printed = '';
    expect(await runCli(['export', '--data', dataDir, '--since-last', '--format', 'json'])).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(printed.trim(), 'utf8'));
    expect(path.dirname(printed.trim())).toBe(path.join(dataDir, 'exports'));
    expect(manifest).toMatchObject({ responses: 1, format: 'json', createdBy: CLI_OFFICER });

    // The kiosk, still running on the same folder, sees both in its audit log.
    const token = (
      (await app.dispatch('signIn', { officer: 'qtv', pin: '9999' }, { local: true })) as { value: { token: string } }
    ).value.token;
    const audit = await app.dispatch('auditLog', { limit: 10 }, { token, local: true });
    expect(audit).toMatchObject({ ok: true });
    const entries = (audit as { value: { officer: string; action: string; target: string | null }[] }).value;
    expect(
      entries
        .filter((entry) => entry.officer === CLI_OFFICER)
        .map((entry) => entry.action)
        .sort(),
    ).toEqual(['createBackup', 'export.batch']);
    expect(entries.find((entry) => entry.action === 'createBackup')?.target).toBe(written);
  }, 60_000);
});

describe('npm run cli -- restore --file PATH', () => {
  beforeEach(() => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => vi.restoreAllMocks());

  it('brings a file from elsewhere into backups/, restores it through restoreBackup, and drops a file it refuses', async () => {
    const dataDir = tempDir();
    const app = await kiosk(dataDir);
    const made = (await app.dispatch('createBackup', {}, app.localAdmin)) as { ok: boolean };
    expect(made.ok).toBe(false); // the kiosk holds no grant: its backups need a signed-in administrator
    app.close();
    opened.splice(0);
    const usb = tempDir();
    const [daily] = backupsIn(dataDir);
    fs.copyFileSync(path.join(dataDir, 'backups', daily!), path.join(usb, 'from-the-old-pc.sqlite3'));
    fs.writeFileSync(path.join(usb, 'garbage.sqlite3'), 'not a database at all');
    const before = backupsIn(dataDir);

    expect(await runCli(['restore', '--data', dataDir, '--file', path.join(usb, 'garbage.sqlite3')])).toBe(1);
    expect(backupsIn(dataDir)).toEqual(before);

    expect(await runCli(['restore', '--data', dataDir, '--file', path.join(usb, 'from-the-old-pc.sqlite3')])).toBe(0);
    const added = backupsIn(dataDir).filter((name) => !before.includes(name));
    // The copy brought in, and the backup the restore made of the database it replaced.
    expect(added.map((name) => name.replace(/-[\d-]+\.sqlite3$/, ''))).toEqual(['manual', 'pre-restore']);
    expect(fs.readdirSync(path.join(dataDir, 'replaced'))).toHaveLength(1);

    const cli = await composedAsCli(dataDir);
    const audit = (await cli.dispatch('auditLog', { limit: 5 }, cli.localAdmin)) as {
      value: { officer: string; action: string; target: string }[];
    };
    expect(audit.value.filter((entry) => entry.action.startsWith('restoreBackup'))).toEqual([
      expect.objectContaining({ officer: CLI_OFFICER, action: 'restoreBackup', target: added[0] }),
    ]);
  }, 60_000);
});

describe('a damaged database', () => {
  beforeEach(() => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => vi.restoreAllMocks());

  it('is left in place by backup (a kiosk may hold it) and replaced by restore (which checked none does)', async () => {
    const dataDir = tempDir();
    (await kiosk(dataDir)).close();
    opened.splice(0);
    const [daily] = backupsIn(dataDir);
    const databaseFile = path.join(dataDir, 'sipas.sqlite3');
    const db = new Database(databaseFile);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(databaseFile);
    fs.writeFileSync(databaseFile, bytes.fill(0x5a, 4096));
    const replaced = () =>
      fs.existsSync(path.join(dataDir, 'replaced')) ? fs.readdirSync(path.join(dataDir, 'replaced')) : [];

    expect(await runCli(['backup', '--data', dataDir])).toBe(1);
    expect(replaced()).toEqual([]);
    expect(fs.readFileSync(databaseFile).equals(bytes)).toBe(true);

    expect(await runCli(['restore', '--data', dataDir, '--file', daily!])).toBe(0);
    expect(replaced().filter((name) => name.endsWith('.sqlite3')).length).toBeGreaterThanOrEqual(1);
    const cli = await composedAsCli(dataDir);
    expect(await cli.dispatch('health', {}, cli.localAdmin)).toMatchObject({ ok: true, value: { status: 'ok' } });
  }, 60_000);
});

describe('npm run cli (the process)', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts', ...args], {
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('exits 0 after --help and 2 after an unknown option', () => {
    const help = cli('export', '--help');
    expect(help).toMatchObject({ status: 0, stderr: '' });
    expect(help.stdout).toMatch(/^usage: npm run cli -- export /);
    const wrong = cli('backup', '--force');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/^backup: unknown option --force\nusage: npm run cli -- backup /);
  }, 120_000);
});
