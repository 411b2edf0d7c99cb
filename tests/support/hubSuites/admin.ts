import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startHub } from '../../../src/hub';
import { hashToken } from '../../../src/hub/devices';
import { makeBatch, send } from '../hubClient';
import type { HubTarget } from '../hubTargets';

const root = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const runHub = (args: string[]) => promisify(execFile)(tsx, ['src/hub/main.ts', ...args], { cwd: root });

/** The admin command line (what `npm run hub -- …` runs) and the schema migrations. */
export function adminSuite(target: HubTarget): void {
  describe('command line and schema', () => {
    it('add-device prints a token and secret once, stores only the token’s hash; list-devices shows no secret', async () => {
      const db = await target.newDatabase();
      const added = await runHub(['add-device', '--db', db, '--device', 'kiosk-09', '--unit-code', 'DH', '--unit-name', 'UBND xã Điện Hồng']);
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
        const answer = await send(hub.batchesUrl, { deviceId: 'kiosk-09', token: token!, secret: secret! }, makeBatch({ deviceId: 'kiosk-09' }));
        expect(answer.status).toBe(201);
      } finally {
        await hub.close();
      }
      const listed = await runHub(['list-devices', '--db', db, '--json']);
      const devices = JSON.parse(listed.stdout);
      expect(devices).toMatchObject([{ deviceId: 'kiosk-09', unitCode: 'DH', unitName: 'UBND xã Điện Hồng', lastDate: '2026-11-28', batches: 1 }]);
      expect(listed.stdout).not.toContain(secret);
      expect((await runHub(['list-devices', '--db', db])).stdout).toContain('kiosk-09\tDH\tUBND xã Điện Hồng');
    }, 60_000);

    it('serve: `npm run hub -- --port 0 --db …` listens on loopback and answers', async () => {
      const db = await target.newDatabase();
      const child = spawn(tsx, ['src/hub/main.ts', '--port', '0', '--db', db], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
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

    it('intercept lets a sender’s test answer first (a 503 with Retry-After), then the protocol runs', async () => {
      let failures = 1;
      const hub = await startHub({
        db: await target.newDatabase(),
        port: 0,
        intercept: () => (failures-- > 0 ? new Response('{"error":{"code":"unavailable"}}', { status: 503, headers: { 'retry-after': '1' } }) : undefined),
      });
      try {
        const credentials = await hub.addDevice({ deviceId: 'kiosk-01', unitCode: 'DH', unitName: 'UBND xã Điện Hồng' });
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
      const credentials = await first.addDevice({ deviceId: 'kiosk-01', unitCode: 'DH', unitName: 'UBND xã Điện Hồng' });
      await send(first.batchesUrl, credentials, makeBatch({ deviceId: 'kiosk-01' }));
      await first.close();
      const second = await startHub({ db, port: 0 });
      expect((await second.totals()).batches).toBe(1);
      await second.close();

      if (target.name === 'sqlite') await target.query(db, 'PRAGMA user_version = 99');
      else await target.query(db, 'INSERT INTO hub_schema_version (version) VALUES (99)');
      await expect(startHub({ db, port: 0 })).rejects.toMatchObject({ code: 'database_too_new' });
    });
  });
}
