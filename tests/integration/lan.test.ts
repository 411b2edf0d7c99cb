import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { composeApp, type App } from '../../src/app/composeApp';
import { silentLogger } from '../../src/node/logger';
import { createLanHost, type LanHost } from '../../src/server/lanHost';
import { useTempDirs } from '../support/tempDir';

/**
 * LAN access through a real socket on loopback. Tests send traffic to this machine's
 * loopback addresses only, so the host's loopback check is injected: the server treats
 * every peer as a LAN client (isLocal: () => false), exactly as it treats a tablet on
 * the office network, and the kiosk's own calls go through dispatch with `local: true`.
 */
const CLIENT_HOST = '127.0.0.1';
let peerIsLan = true;
const isLocal = () => !peerIsLan;

/** A call from the kiosk itself through the same port: the peer is taken as loopback. */
async function fromKiosk<T>(call: () => Promise<T>): Promise<T> {
  peerIsLan = false;
  try {
    return await call();
  } finally {
    peerIsLan = true;
  }
}
const logger = process.env.LAN_DEBUG ? console : silentLogger;

const tempDir = useTempDirs();
const running: Array<{ app: App; lanHost: LanHost }> = [];
afterEach(async () => {
  for (const { app, lanHost } of running.splice(0)) {
    await lanHost.close();
    app.close();
  }
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function start(dataDir: string, demo = true) {
  let app: App | null = null;
  const lanHost = createLanHost({
    dispatch: (name, input, caller) => (app as App).dispatch(name, input, caller),
    logger,
    isLocal,
  });
  app = await composeApp({ dataDir, logger, demo, lan: lanHost });
  running.push({ app, lanHost });
  const local = async (name: string, input: unknown, token: string | null = null) => {
    const envelope = await (app as App).dispatch(name, input, { token, local: true });
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.value as any;
  };
  return { app, lanHost, local };
}

/** A call from the LAN: over the socket to this machine's network address. */
async function lanPost(
  port: number,
  operation: string,
  body: unknown,
  headers: Record<string, string> = {},
  host = CLIENT_HOST,
) {
  const response = await fetch(`http://${host}:${port}/api/${operation}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

const refused = (port: number) =>
  new Promise<string>((resolve) => {
    const socket = net.connect(port, CLIENT_HOST);
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });

async function submission(local: (name: string, input: unknown) => Promise<any>) {
  const questionnaire = await local('getActiveQuestionnaire', {});
  return {
    id: crypto.randomUUID(),
    questionnaire: { id: questionnaire.id, version: questionnaire.version },
    language: 'vi',
    durationMs: 20_000,
    status: 'completed',
    answers: [{ item: 'access', score: 4 }],
  };
}

describe('LAN access (real loopback socket, peer taken as a LAN client)', () => {
  it(
    'is off by default; on, an unpaired client gets 403 for ratings, a paired one is stored with its device, a revoked one is refused, off closes the port',
    { timeout: 30_000 },
    async () => {
      const dataDir = tempDir();
      const { app, local } = await start(dataDir);
      const admin = (await local('signIn', { officer: 'qtv', pin: '9999' })).token;
      expect(await local('getLanSettings', {}, admin)).toMatchObject({
        enabled: false,
        port: 4281,
        https: false,
        urls: [],
        devices: [],
      });

      const port = await freePort();
      expect(await refused(port)).toBe('ECONNREFUSED');
      const on = await local('updateLanSettings', { enabled: true, port }, admin);
      expect(on).toMatchObject({ enabled: true, port, problem: null });
      for (const url of on.urls) expect(url).toMatch(new RegExp(`^http://[^/]+:${port}/$`));

      // Before pairing: the sign-in works, ratings and the kiosk's reads do not.
      expect(await lanPost(port, 'health', {})).toMatchObject({ status: 200, body: { ok: true } });
      const answers = await submission(local);
      const unpaired = await lanPost(port, 'submitResponse', answers);
      expect(unpaired).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden' } } });
      expect(unpaired.body.error.message).toContain('paired by the administrator');
      expect((await lanPost(port, 'getKioskSetup', {})).status).toBe(403);
      expect((await lanPost(port, 'checkCaseCode', { caseCode: 'H1' })).status).toBe(403);
      expect((await lanPost(port, 'submitResponse', answers, { 'X-Sipas-Device': 'x'.repeat(43) })).status).toBe(403);

      // A staff PC: the PIN session opens the staff screens, never the ratings.
      const staff = await lanPost(port, 'signIn', { officer: 'nv01', pin: '1111' });
      expect(staff.status).toBe(200);
      const bearer = { authorization: `Bearer ${staff.body.value.token}` };
      expect((await lanPost(port, 'getKioskSetup', {}, bearer)).status).toBe(200);
      expect((await lanPost(port, 'todayOverview', {}, bearer)).status).toBe(200);
      expect((await lanPost(port, 'submitResponse', answers, bearer)).status).toBe(403);
      expect((await lanPost(port, 'getLanSettings', {}, bearer)).status).toBe(403);

      // Pairing: a wrong code is refused, the administrator's code works once, and never from the kiosk itself.
      expect((await lanPost(port, 'pairDevice', { code: '000000', name: 'Quầy 1' })).status).toBe(403);
      const pairing = await local('createPairingCode', {}, admin);
      expect(pairing.code).toMatch(/^\d{6}$/);
      for (const url of pairing.urls)
        expect(url).toMatch(new RegExp(`^http://[^/]+:${port}/#/pair\\?code=${pairing.code}$`));
      await expect(local('pairDevice', { code: pairing.code, name: 'Máy kiosk' })).rejects.toMatchObject({
        code: 'conflict',
      });
      const paired = await lanPost(port, 'pairDevice', { code: pairing.code, name: 'Quầy 1 — Hộ tịch' });
      expect(paired).toMatchObject({ status: 200, body: { ok: true, value: { name: 'Quầy 1 — Hộ tịch' } } });
      expect((await lanPost(port, 'pairDevice', { code: pairing.code, name: 'Lần hai' })).status).toBe(403);
      const device = { 'X-Sipas-Device': paired.body.value.token as string };

      expect((await lanPost(port, 'getKioskSetup', {}, device)).status).toBe(200);
      const stored = await lanPost(port, 'submitResponse', answers, device);
      expect(stored).toMatchObject({ status: 200, body: { ok: true, value: { id: answers.id, duplicate: false } } });
      const db = new Database(app.databaseFile, { readonly: true });
      expect(db.prepare('SELECT paired_device FROM responses WHERE id = ?').get(answers.id)).toEqual({
        paired_device: paired.body.value.id,
      });
      expect(db.prepare('SELECT token_hash FROM paired_devices').all()).not.toContainEqual({
        token_hash: device['X-Sipas-Device'],
      });
      db.close();
      expect(await local('listPairedDevices', {}, admin)).toEqual([
        expect.objectContaining({
          id: paired.body.value.id,
          name: 'Quầy 1 — Hộ tịch',
          pairedBy: 'qtv',
          revokedAt: null,
          responses: 1,
        }),
      ]);

      // Revoked: refused again.
      const revoked = await local('revokePairedDevice', { id: paired.body.value.id }, admin);
      expect(revoked.revokedAt).not.toBeNull();
      expect((await lanPost(port, 'submitResponse', { ...answers, id: crypto.randomUUID() }, device)).status).toBe(403);

      // The kiosk itself (loopback, same LAN port) needs no pairing.
      expect(
        (await fromKiosk(() => lanPost(port, 'submitResponse', { ...answers, id: crypto.randomUUID() }))).status,
      ).toBe(200);

      // Off: the port closes at once.
      expect(await local('updateLanSettings', { enabled: false, port }, admin)).toMatchObject({
        enabled: false,
        urls: [],
      });
      expect(await refused(port)).toBe('ECONNREFUSED');
      await expect(lanPost(port, 'health', {})).rejects.toThrow();

      const actions = (await local('auditLog', { limit: 20 }, admin)).map((entry: any) => entry.action);
      expect(actions).toEqual(expect.arrayContaining(['lan.update', 'lan.pairing_code', 'lan.pair', 'lan.revoke']));
      expect(JSON.stringify(await local('auditLog', { limit: 20 }, admin))).not.toContain(pairing.code);
    },
  );

  it('keeps the setting across a restart, and reports a port it cannot open', { timeout: 30_000 }, async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const admin = (await first.local('signIn', { officer: 'qtv', pin: '9999' })).token;
    const port = await freePort();
    await first.local('updateLanSettings', { enabled: true, port }, admin);
    await first.lanHost.close();
    first.app.close();
    running.splice(0);

    const again = await start(dataDir);
    expect((await lanPost(port, 'health', {})).status).toBe(200);
    const token = (await again.local('signIn', { officer: 'qtv', pin: '9999' })).token;
    expect(await again.local('getLanSettings', {}, token)).toMatchObject({ enabled: true, port, problem: null });

    // Another program holds the port: the setting is kept, the screen says why nothing listens.
    const blocker = net.createServer();
    const busy = await freePort();
    await new Promise<void>((resolve) => blocker.listen(busy, '0.0.0.0', resolve));
    try {
      const view = await again.local('updateLanSettings', { enabled: true, port: busy }, token);
      expect(view).toMatchObject({ enabled: true, port: busy, urls: [], problem: `port ${busy} is already in use` });
    } finally {
      blocker.close();
    }
  });

  it('refuses to create the first administrator from the LAN, and allows it on the kiosk itself', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    // No administrator yet, so no admin setting: the host is opened directly, as `serve --lan` would.
    const { lanHost } = await start(dataDir, false);
    await lanHost.apply({ enabled: true, port });
    const admin = { code: 'admin', name: 'Quản trị', pin: '246810' };
    expect(await lanPost(port, 'setupStatus', {})).toMatchObject({ status: 200, body: { value: { hasAdmin: false } } });
    const fromLan = await lanPost(port, 'createFirstAdmin', admin);
    expect(fromLan).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden' } } });
    expect(await fromKiosk(() => lanPost(port, 'createFirstAdmin', admin))).toMatchObject({
      status: 200,
      body: { value: { code: 'admin' } },
    });
  });

  const hasOpenssl = (() => {
    try {
      execFileSync('openssl', ['version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!hasOpenssl)(
    'serves HTTPS with an uploaded certificate and key, kept readable by the app user only',
    { timeout: 30_000 },
    async () => {
      const dataDir = tempDir();
      const { local } = await start(dataDir);
      const admin = (await local('signIn', { officer: 'qtv', pin: '9999' })).token;
      const work = tempDir();
      const [certFile, keyFile] = [path.join(work, 'cert.pem'), path.join(work, 'key.pem')];
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-keyout',
          keyFile,
          '-out',
          certFile,
          '-days',
          '2',
          '-subj',
          '/CN=kiosk.local',
        ],
        { stdio: 'ignore' },
      );
      const [certPem, keyPem] = [fs.readFileSync(certFile, 'utf8'), fs.readFileSync(keyFile, 'utf8')];
      const port = await freePort();

      // A key that is not the certificate's changes nothing.
      const otherKey = path.join(work, 'other.pem');
      execFileSync(
        'openssl',
        ['genpkey', '-algorithm', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-out', otherKey],
        { stdio: 'ignore' },
      );
      await expect(
        local(
          'updateLanSettings',
          { enabled: true, port, tls: { certPem, keyPem: fs.readFileSync(otherKey, 'utf8') } },
          admin,
        ),
      ).rejects.toMatchObject({
        code: 'bad_input',
        message: 'tls.keyPem: the key does not belong to this certificate',
      });
      expect(fs.existsSync(path.join(dataDir, 'tls', 'key.pem'))).toBe(false);

      const view = await local('updateLanSettings', { enabled: true, port, tls: { certPem, keyPem } }, admin);
      expect(view).toMatchObject({ https: true, certificate: { subject: 'CN=kiosk.local' } });
      for (const url of view.urls) expect(url).toMatch(new RegExp(`^https://[^/]+:${port}/$`));
      expect(fs.statSync(path.join(dataDir, 'tls', 'key.pem')).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.join(dataDir, 'tls', 'cert.pem')).mode & 0o777).toBe(0o600);

      const answer = await new Promise<{ status: number; body: any }>((resolve, reject) => {
        const request = https.request(
          {
            host: CLIENT_HOST,
            port,
            path: '/api/health',
            method: 'POST',
            ca: certPem,
            servername: 'kiosk.local',
            headers: { 'content-type': 'application/json' },
          },
          (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => (text += chunk.toString()));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
          },
        );
        request.on('error', reject);
        request.end('{}');
      });
      expect(answer).toMatchObject({ status: 200, body: { ok: true } });

      // Removed: back to plain HTTP.
      expect(await local('updateLanSettings', { enabled: true, port, tls: null }, admin)).toMatchObject({
        https: false,
        certificate: null,
      });
      expect((await lanPost(port, 'health', {})).status).toBe(200);
    },
  );
});
