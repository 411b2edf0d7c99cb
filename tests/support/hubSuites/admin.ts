import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startHub } from '../../../src/hub';
import { hashToken } from '../../../src/hub/devices';
import { postgresMigrations } from '../../../src/hub/store/migrations/postgres';
import { sqliteMigrations } from '../../../src/hub/store/migrations/sqlite';
import { makeBatch, send } from '../hubClient';
import { HUB_NOW, type HubTarget } from '../hubTargets';

const root = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const runHub = (args: string[]) => promisify(execFile)(tsx, ['src/hub/main.ts', ...args], { cwd: root });

/** A database at hub schema 1, as a hub of the previous version left it. */
async function applySchemaOne(target: HubTarget, db: string): Promise<void> {
  if (target.name === 'sqlite') {
    const handle = new Database(db.slice('sqlite:'.length));
    handle.exec(sqliteMigrations[0]!);
    handle.pragma('user_version = 1');
    handle.close();
    return;
  }
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    await client.query(postgresMigrations[0]!);
    await client.query(
      'CREATE TABLE hub_schema_version (version integer PRIMARY KEY); INSERT INTO hub_schema_version VALUES (1)',
    );
  } finally {
    await client.end();
  }
}

/** The admin command line (what `npm run hub -- …` runs) and the schema migrations. */
export function adminSuite(target: HubTarget): void {
  describe('command line and schema', () => {
    it('add-device prints a token and secret once, stores only the token’s hash; list-devices shows no secret', async () => {
      const db = await target.newDatabase();
      const added = await runHub([
        'add-device',
        '--db',
        db,
        '--device',
        'kiosk-09',
        '--unit-code',
        'DH',
        '--unit-name',
        'UBND xã Điện Hồng',
      ]);
      const token = /token: +(\S+)/.exec(added.stdout)?.[1];
      const secret = /secret: +(\S+)/.exec(added.stdout)?.[1];
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(secret).toMatch(/^[0-9a-f]{64}$/);

      const stored = await target.query(db, 'SELECT token_hash, secret FROM devices WHERE device_id = ?', ['kiosk-09']);
      expect(stored).toEqual([{ token_hash: hashToken(token!), secret }]);
      expect(JSON.stringify(await target.query(db, 'SELECT * FROM devices'))).not.toContain(token);

      const again = runHub(['add-device', '--db', db, '--device', 'kiosk-09', '--unit-code', 'DH', '--unit-name', 'x']);
      await expect(again).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('already registered') });
      const bad = runHub(['add-device', '--db', db, '--device', 'kiosk 09', '--unit-code', 'DH', '--unit-name', 'x']);
      await expect(bad).rejects.toMatchObject({ stderr: expect.stringContaining('deviceId') });

      // The printed credentials work against a hub on the same database.
      const hub = await startHub({ db, port: 0 });
      try {
        const answer = await send(
          hub.batchesUrl,
          { deviceId: 'kiosk-09', token: token!, secret: secret! },
          makeBatch({ deviceId: 'kiosk-09' }),
        );
        expect(answer.status).toBe(201);
      } finally {
        await hub.close();
      }
      const listed = await runHub(['list-devices', '--db', db, '--json']);
      const devices = JSON.parse(listed.stdout);
      expect(devices).toMatchObject([
        { deviceId: 'kiosk-09', unitCode: 'DH', unitName: 'UBND xã Điện Hồng', lastDate: '2026-11-28', batches: 1 },
      ]);
      expect(listed.stdout).not.toContain(secret);
      expect((await runHub(['list-devices', '--db', db])).stdout).toContain('kiosk-09\tDH\tUBND xã Điện Hồng');
    }, 60_000);

    it('serve: `npm run hub -- --port 0 --db …` listens on loopback and answers', async () => {
      const db = await target.newDatabase();
      const child = spawn(tsx, ['src/hub/main.ts', '--port', '0', '--db', db], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      try {
        const url = await new Promise<string>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            const found = /SIPAS hub: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
            if (found) resolve(found[1]!);
          });
          child.once('exit', (code) => reject(new Error(`hub exited with ${code}`)));
        });
        expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true, store: target.name });
        expect((await fetch(`${url}/`)).headers.get('content-security-policy')).toContain("default-src 'none'");
      } finally {
        child.kill('SIGTERM');
      }
    }, 60_000);

    it('serve refuses a --report-max-age that is not whole seconds from 0 to 3600, naming the option', async () => {
      const db = await target.newDatabase();
      for (const bad of ['-1', '1.5', '3601', 'soon']) {
        const refused = await runHub(['--port', '0', '--db', db, `--report-max-age=${bad}`]).then(
          () => null,
          (error: { code: number; stderr: string }) => error,
        );
        expect(refused?.code).toBe(1);
        expect(refused?.stderr).toContain('--report-max-age: a whole number of seconds from 0');
      }
    }, 60_000);

    it('intercept lets a sender’s test answer first (a 503 with Retry-After), then the protocol runs', async () => {
      let failures = 1;
      const hub = await startHub({
        db: await target.newDatabase(),
        port: 0,
        intercept: () =>
          failures-- > 0
            ? new Response('{"error":{"code":"unavailable"}}', { status: 503, headers: { 'retry-after': '1' } })
            : undefined,
      });
      try {
        const credentials = await hub.addDevice({
          deviceId: 'kiosk-01',
          unitCode: 'DH',
          unitName: 'UBND xã Điện Hồng',
        });
        const batch = makeBatch({ deviceId: 'kiosk-01' });
        const first = await send(hub.batchesUrl, credentials, batch);
        expect([first.status, first.headers.get('retry-after')]).toEqual([503, '1']);
        expect((await send(hub.batchesUrl, credentials, batch)).status).toBe(201);
      } finally {
        await hub.close();
      }
    });

    it('migrations: a second start keeps the data; a database from a newer hub is refused', async () => {
      const db = await target.newDatabase();
      const first = await startHub({ db, port: 0 });
      const credentials = await first.addDevice({
        deviceId: 'kiosk-01',
        unitCode: 'DH',
        unitName: 'UBND xã Điện Hồng',
      });
      await send(first.batchesUrl, credentials, makeBatch({ deviceId: 'kiosk-01' }));
      await first.close();
      const second = await startHub({ db, port: 0 });
      expect((await second.totals()).batches).toBe(1);
      await second.close();

      if (target.name === 'sqlite') await target.query(db, 'PRAGMA user_version = 99');
      else await target.query(db, 'INSERT INTO hub_schema_version (version) VALUES (99)');
      await expect(startHub({ db, port: 0 })).rejects.toMatchObject({ code: 'database_too_new' });
    });

    it('schema 2 keeps the batches stored before it: questionnaire read from the body, counted = responses − excluded, the split unknown', async () => {
      const db = await target.newDatabase();
      const TOKEN = 'token-of-kiosk-01-before-v2';
      await applySchemaOne(target, db);
      const body = (batchId: string, revision: number) =>
        JSON.stringify({
          ...makeBatch({ deviceId: 'kiosk-01', batchId, revision }),
          totals: { responses: 60, excluded: 3 },
        });
      const insert = [
        `INSERT INTO devices VALUES ('kiosk-01', 'DH', 'UBND xã Điện Hồng', '${hashToken(TOKEN)}', 'secret', '2026-11-01T00:00:00.000Z')`,
        `INSERT INTO batches VALUES ('b1', 'kiosk-01', '2026-11-28', 1, 'h1', 60, 3, '2026-11-29T00:00:00.000Z', '${body('b1', 1)}')`,
        `INSERT INTO batches VALUES ('b2', 'kiosk-01', '2026-11-28', 2, 'h2', 60, 3, '2026-11-29T01:00:00.000Z', '${body('b2', 2)}')`,
        "INSERT INTO latest VALUES ('kiosk-01', '2026-11-28', 2, 'b2')",
        "INSERT INTO latest_rows VALUES ('kiosk-01', '2026-11-28', 'access', 'C1', 'ho-tich', 'b2', 0, 1, 3, 20, 33)",
      ];
      for (const statement of insert) await target.query(db, statement);

      const hub = await startHub({ db, port: 0, now: () => HUB_NOW });
      try {
        expect(await hub.totals()).toMatchObject({
          batches: 1,
          storedBatches: 2,
          responses: 60,
          counted: 57,
          suspect: 0,
          abandoned: 0,
          byQuestionnaire: { 'sipas-2024@3': { access: [0, 1, 3, 20, 33] } },
        });
        expect(await hub.latest('kiosk-01', '2026-11-28', { id: 'sipas-2024', version: 3 })).toEqual({
          batchId: 'b2',
          revision: 2,
        });
        const stored = await target.query(
          db,
          'SELECT batch_id, questionnaire_id, questionnaire_version, counted, suspect, abandoned FROM batches ORDER BY batch_id',
        );
        expect(stored).toEqual([
          {
            batch_id: 'b1',
            questionnaire_id: 'sipas-2024',
            questionnaire_version: 3,
            counted: 57,
            suspect: null,
            abandoned: null,
          },
          {
            batch_id: 'b2',
            questionnaire_id: 'sipas-2024',
            questionnaire_version: 3,
            counted: 57,
            suspect: null,
            abandoned: null,
          },
        ]);
        // The kiosk's corrected revision of that day (its migration 0011 sends every day again) replaces the old one.
        const corrected = makeBatch({ deviceId: 'kiosk-01', revision: 3 });
        expect(
          (await send(hub.batchesUrl, { deviceId: 'kiosk-01', token: TOKEN, secret: 'secret' }, corrected)).status,
        ).toBe(201);
        expect(await hub.totals()).toMatchObject({ batches: 1, responses: 62, counted: 57, suspect: 2, abandoned: 3 });
      } finally {
        await hub.close();
      }
    });
  });
}
