import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index';
import { openDatabase } from '../../db/openDatabase';
import { verifyDatabaseFile } from '../../src/node/backupFiles';
import { createBackupManager } from '../../src/app/backups';
import { composeApp, type App } from '../../src/app/composeApp';
import { silentLogger } from '../../src/node/logger';
import { CONSENT_VERSION } from '../../src/domain/kioskSettings';
import { frozenClock } from '../support/fakes';
import { useTempDirs } from '../support/tempDir';

const tempDir = useTempDirs();
const apps: App[] = [];
afterEach(() => apps.splice(0).forEach((a) => a.close()));
const DAY_MS = 86_400_000;

async function start(dataDir = tempDir(), clock = frozenClock()) {
  const app = await composeApp({ dataDir, clock, logger: silentLogger });
  apps.push(app);
  const raw = (name: string, input: unknown, token?: string) =>
    app.dispatch(name, input, { token: token ?? null, local: true });
  const call = async (name: string, input: unknown, token?: string) => {
    const envelope = await raw(name, input, token);
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.value as any;
  };
  const admin = async () => (await call('signIn', { officer: 'qtv', pin: '9999' })).token as string;
  const answer = async (extra: Record<string, unknown> = {}) => {
    const q = await call('getActiveQuestionnaire', {});
    const input = {
      id: randomUUID(),
      questionnaire: { id: q.id, version: q.version },
      language: 'vi',
      durationMs: 30_000,
      status: 'completed',
    };
    return (await call('submitResponse', { ...input, answers: [{ item: 'access', score: 4 }], ...extra })).id as string;
  };
  return { app, dataDir, clock, raw, call, admin, answer };
}

/** Reads the file through its own connection, as the app would find it. */
function query<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}
const responseIds = (file: string) => query<{ id: string }>(file, 'SELECT id FROM responses').map((r) => r.id);

/**
 * Writes everything into the main file, then scribbles over its pages from `from`
 * on (by default all but the first, where the schema lives) up to `to`.
 */
function scribble(file: string, from = 4096, to?: number): void {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const bytes = fs.readFileSync(file);
  bytes.fill(0x5a, from, to);
  fs.writeFileSync(file, bytes);
}

const replacedFiles = (dataDir: string) =>
  fs.existsSync(path.join(dataDir, 'replaced')) ? fs.readdirSync(path.join(dataDir, 'replaced')) : [];

describe('backup and restore from the admin screen', () => {
  it('restores a backup over a damaged database and keeps the damaged one aside', async () => {
    const { app, dataDir, clock, raw, call, admin, answer } = await start();
    const kept = [await answer(), await answer()];
    clock.advance(60_000);
    const token = await admin();
    const backup = await call('createBackup', {}, token);
    expect(backup).toMatchObject({ name: 'manual-2026-11-30-100100.sqlite3', kind: 'manual', day: '2026-11-30' });
    expect((await call('listBackups', {}, token)).map((b: any) => [b.name, b.kind])).toEqual([
      ['manual-2026-11-30-100100.sqlite3', 'manual'],
      ['sipas-2026-11-30.sqlite3', 'auto'], // written at start
    ]);
    const after = await answer();
    scribble(app.databaseFile);

    const restored = await call('restoreBackup', { name: backup.name }, token);
    expect(restored).toMatchObject({
      restored: { name: backup.name },
      schemaVersion: LATEST_SCHEMA_VERSION,
      signedOut: true,
    });
    expect(restored.replacedFile).toBe('replaced/sipas-2026-11-30-100100.sqlite3');
    expect(restored.preRestoreBackup).toBeNull(); // the live database was unreadable: replaced/ is all that keeps it
    expect(query(app.databaseFile, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(responseIds(app.databaseFile).sort()).toEqual([...kept].sort());
    const damaged = fs.readFileSync(path.join(dataDir, restored.replacedFile));
    expect(damaged.subarray(4096, 4200).every((b) => b === 0x5a)).toBe(true);
    expect(after).not.toBe(kept[0]);

    // The running app goes on with the restored database; the old session went with the old one.
    expect(await raw('listBackups', {}, token)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const fresh = await answer();
    expect(responseIds(app.databaseFile)).toContain(fresh);
    const log = await call('auditLog', { limit: 5 }, await admin());
    expect(log[0]).toMatchObject({ officer: 'qtv', action: 'restoreBackup', target: backup.name });

    // Restoring over a healthy database also leaves a backup of it that the list offers to restore.
    const again = await call('restoreBackup', { name: backup.name }, await admin());
    expect(again.preRestoreBackup).toMatch(/^pre-restore-2026-11-30-100100\.sqlite3$/);
    expect(replacedFiles(dataDir)).toHaveLength(2);
  });

  it('refuses a damaged or too-new backup, naming it, and changes nothing', async () => {
    const { app, dataDir, raw, call, admin, answer } = await start();
    const kept = await answer();
    const token = await admin();
    const backup = await call('createBackup', {}, token);
    scribble(path.join(dataDir, 'backups', backup.name), 4096 * 2, 4096 * 6); // it opens; only the full check finds it
    const tooNew = new Database(path.join(dataDir, 'backups', 'manual-2026-11-29-120000.sqlite3'));
    tooNew.exec('CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT); PRAGMA user_version = 99;');
    tooNew.close();
    const files = () => [
      fs
        .readdirSync(dataDir)
        .filter((f) => !/-(wal|shm)$/.test(f))
        .sort(),
      fs.readdirSync(path.join(dataDir, 'backups')).sort(),
    ];
    const before = files();

    const damaged = await raw('restoreBackup', { name: backup.name }, token);
    expect(damaged).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(damaged.ok || damaged.error.message).toMatch(
      new RegExp(`the backup ${backup.name} cannot be restored: it fails the integrity check .*; nothing was changed`),
    );
    const newer = await raw('restoreBackup', { name: 'manual-2026-11-29-120000.sqlite3' }, token);
    expect(newer.ok || newer.error.message).toContain(
      `manual-2026-11-29-120000.sqlite3 cannot be restored: it was made by a newer app (schema v99`,
    );
    expect(await raw('restoreBackup', { name: '../sipas.sqlite3' }, token)).toMatchObject({
      ok: false,
      error: { code: 'bad_input' },
    });
    expect(await raw('restoreBackup', { name: 'sipas-2020-01-01.sqlite3' }, token)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    expect(files()).toEqual(before);
    expect(replacedFiles(dataDir)).toEqual([]);
    expect(responseIds(app.databaseFile)).toEqual([kept]);
    expect((await call('auditLog', { limit: 1 }, token))[0]).toMatchObject({ action: 'restoreBackup.refused' }); // still signed in
  });

  it('lets only an administrator back up, restore, read alerts and set retention', async () => {
    const { dataDir, raw, call } = await start();
    const staff = (await call('signIn', { officer: 'nv01', pin: '1111' })).token;
    const calls: Array<[string, unknown]> = [
      ['listBackups', {}],
      ['createBackup', {}],
      ['restoreBackup', { name: 'sipas-2026-11-30.sqlite3' }],
      ['systemAlerts', {}],
      ['acknowledgeAlert', { id: 'x' }],
      ['getRetention', {}],
      ['updateRetention', { months: 1 }],
    ];
    for (const [name, input] of calls) {
      expect(await raw(name, input)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      expect(await raw(name, input, staff)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(fs.readdirSync(path.join(dataDir, 'backups'))).toEqual(['sipas-2026-11-30.sqlite3']);
    expect(replacedFiles(dataDir)).toEqual([]);
  });
});

describe('automatic backups', () => {
  it('writes one per local day, checked, and keeps the last 14', async () => {
    const dataDir = tempDir();
    const databaseFile = path.join(dataDir, 'sipas.sqlite3');
    let db = openDatabase(databaseFile);
    const clock = frozenClock('2026-11-30T16:58:00.000Z'); // 23:58 in Vietnam
    const swap = () => Promise.reject(new Error('not used'));
    const manager = createBackupManager({
      dataDir,
      databaseFile,
      clock,
      logger: silentLogger,
      database: () => db,
      swap,
    });

    expect((await manager.daily())?.name).toBe('sipas-2026-11-30.sqlite3');
    clock.advance(60_000);
    expect(await manager.daily()).toBeNull();
    clock.advance(2 * 60_000); // 00:01, the next local day
    expect((await manager.daily())?.name).toBe('sipas-2026-12-01.sqlite3');
    const manual = await manager.create();
    for (let day = 0; day < 20; day += 1) {
      clock.advance(DAY_MS);
      await manager.daily();
    }
    const automatic = () =>
      manager
        .list()
        .filter((b) => b.kind === 'auto')
        .map((b) => b.name);
    expect(automatic()).toHaveLength(14);
    expect(automatic()[0]).toBe('sipas-2026-12-21.sqlite3');
    expect(automatic().at(-1)).toBe('sipas-2026-12-08.sqlite3');
    expect(manager.list().map((b) => b.name)).toContain(manual.name);
    expect(verifyDatabaseFile(path.join(dataDir, 'backups', 'sipas-2026-12-21.sqlite3'))).toEqual({
      ok: true,
      schemaVersion: LATEST_SCHEMA_VERSION,
    });

    // A backup that fails deletes nothing and leaves no temp file behind.
    db.close();
    clock.advance(DAY_MS);
    await expect(manager.daily()).rejects.toThrow(/not open/);
    expect(automatic()).toHaveLength(14);
    expect(fs.readdirSync(path.join(dataDir, 'backups')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    db = openDatabase(databaseFile);
    expect((await manager.daily())?.name).toBe('sipas-2026-12-22.sqlite3');
    expect(automatic()).toHaveLength(14);
    db.close();
  });
});

describe('a damaged database at start', () => {
  it('is replaced by the newest good backup; the administrator is told until they acknowledge', async () => {
    const clock = frozenClock();
    const first = await start(tempDir(), clock);
    const kept = [await first.answer(), await first.answer()];
    clock.advance(60_000);
    const backup = await first.call('createBackup', {}, await first.admin());
    const lost = await first.answer();
    first.app.close();
    scribble(first.app.databaseFile);

    const second = await start(first.dataDir, clock);
    expect(responseIds(second.app.databaseFile).sort()).toEqual([...kept].sort());
    expect(replacedFiles(first.dataDir)).toEqual(['sipas-2026-11-30-100100.sqlite3']);
    const fresh = await second.answer();
    expect(responseIds(second.app.databaseFile)).toContain(fresh);
    expect(responseIds(second.app.databaseFile)).not.toContain(lost);
    second.app.close();

    const third = await start(first.dataDir, clock);
    const token = await third.admin();
    const alerts = await third.call('systemAlerts', {}, token);
    expect(alerts).toEqual([
      expect.objectContaining({
        kind: 'database_recovered',
        count: 1,
        detail: expect.objectContaining({
          restoredFrom: backup.name,
          movedTo: 'replaced/sipas-2026-11-30-100100.sqlite3',
        }),
      }),
    ]);
    expect(await third.call('acknowledgeAlert', { id: alerts[0].id }, token)).toEqual({ acknowledged: true });
    expect(await third.call('systemAlerts', {}, token)).toEqual([]);
    const actions = (await third.call('auditLog', { limit: 10 }, token)).map((e: any) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['acknowledgeAlert', 'recoverDatabase']));
  });

  it('starts empty, and still alerts, when no backup is usable', async () => {
    const first = await start();
    await first.answer();
    first.app.close();
    for (const name of fs.readdirSync(path.join(first.dataDir, 'backups')))
      fs.rmSync(path.join(first.dataDir, 'backups', name));
    fs.writeFileSync(first.app.databaseFile, Buffer.alloc(64 * 1024, 0x5a)); // not even a database header

    const second = await start(first.dataDir);
    expect(responseIds(second.app.databaseFile)).toEqual([]);
    expect(await second.call('systemAlerts', {}, await second.admin())).toEqual([
      expect.objectContaining({ kind: 'database_replaced' }),
    ]);
    expect(replacedFiles(first.dataDir)).toHaveLength(1);
    await second.answer();
    expect(responseIds(second.app.databaseFile)).toHaveLength(1);
  });
});

describe('retention of personal data', () => {
  it('erases phone numbers and comments past the period and keeps every count', async () => {
    const clock = frozenClock('2025-10-01T03:00:00.000Z');
    const first = await start(tempDir(), clock);
    const personal = {
      comment: 'Cán bộ nhiệt tình',
      contact: { phone: '0905123456', consentVersion: CONSENT_VERSION },
    };
    const old = await first.answer(personal);
    clock.set('2025-12-15T03:00:00.000Z');
    const recent = await first.answer(personal);
    first.app.close();

    clock.set('2026-11-30T03:00:00.000Z');
    const second = await start(first.dataDir, clock); // the run at start
    const personalRows = () =>
      query<{ response_id: string; comment: string | null; phone: string | null; consent_version: string | null }>(
        second.app.databaseFile,
        'SELECT response_id, comment, phone, consent_version FROM response_personal ORDER BY response_id',
      );
    expect(personalRows().find((r) => r.response_id === old)).toEqual({
      response_id: old,
      comment: null,
      phone: null,
      consent_version: CONSENT_VERSION,
    });
    expect(personalRows().find((r) => r.response_id === recent)).toMatchObject({
      comment: 'Cán bộ nhiệt tình',
      phone: '0905123456',
    });

    const token = await second.admin();
    expect(await second.call('getRetention', {}, token)).toEqual({
      months: 12,
      cutoffDay: '2025-11-30',
      lastPurge: { at: '2026-11-30T03:00:00.000Z', cutoffDay: '2025-11-30', purged: 1 },
    });
    expect(await second.raw('updateRetention', { months: 0 }, token)).toMatchObject({
      ok: false,
      error: { code: 'bad_input' },
    });
    const updated = await second.call('updateRetention', { months: 6 }, token);
    expect(updated).toMatchObject({ months: 6, cutoffDay: '2026-05-30', lastPurge: { purged: 1 } });
    expect(personalRows().every((r) => r.comment === null && r.phone === null)).toBe(true);

    // Nothing but the personal columns went: every response and answer still counts.
    expect(responseIds(second.app.databaseFile).sort()).toEqual([old, recent].sort());
    expect(query(second.app.databaseFile, 'SELECT count(*) AS n FROM answers')).toEqual([{ n: 2 }]);
    const audit = await second.call('auditLog', { limit: 5 }, token);
    expect(audit.find((e: any) => e.action === 'updateRetention')).toMatchObject({
      officer: 'qtv',
      before: { months: 12 },
      after: { months: 6 },
    });
  });
});

describe('the command line', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts', ...args], {
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('backs a data folder up, and restores it only while the app is closed', async () => {
    const { app, dataDir, answer } = await start();
    const kept = await answer();
    const backup = cli('backup', '--data', dataDir); // the app may keep running meanwhile
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    const name = /backup written: .*(manual-\d{4}-\d{2}-\d{2}-\d{6}\.sqlite3)/.exec(backup.stdout)?.[1] ?? '';
    expect(verifyDatabaseFile(path.join(dataDir, 'backups', name))).toEqual({
      ok: true,
      schemaVersion: LATEST_SCHEMA_VERSION,
    });
    await answer(); // not in the backup

    const refused = cli('restore', '--data', dataDir, '--file', name);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('the kiosk app is running');
    app.close();

    const restored = cli('restore', '--data', dataDir, '--file', name);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toMatch(/restored: .*manual-.*\n.*integrity check ok/);
    expect(replacedFiles(dataDir)).toHaveLength(1);
    expect(responseIds(app.databaseFile)).toEqual([kept]);
  }, 120_000); // three tsx processes on a slow machine
});
