import { afterEach, describe, expect, it, vi } from 'vitest';
import { runSyncCommand } from '../../src/cli/syncCommand';
import { frozenClock } from '../support/fakes';
import { startFakeUpstream, type FakeUpstream } from '../support/fakeUpstream';
import { respondent, startKiosk, type Kiosk } from '../support/syncKiosk';
import { useTempDirs } from '../support/tempDir';

const tempDir = useTempDirs();
const TOKEN = 'kiosk-token-0000000002';
const SECRET = 'kiosk-secret-fedcba9876543210';
let upstream: FakeUpstream | null = null;
const open: Kiosk[] = [];

afterEach(async () => {
  open.splice(0).forEach((k) => k.app.close());
  await upstream?.close();
  upstream = null;
});

/** A kiosk with one finished day waiting (the 28th), and a collector that knows TOKEN/SECRET. */
async function kioskWithADay(dataDir = tempDir()) {
  upstream = await startFakeUpstream([{ token: TOKEN, secret: SECRET }]);
  const clock = frozenClock('2026-11-28T02:00:00.000Z');
  const kiosk = await startKiosk(dataDir, clock);
  open.push(kiosk);
  const submit = respondent(clock, []);
  for (let i = 0; i < 3; i += 1) await submit(kiosk, { personal: true });
  clock.set('2026-11-29T02:00:00.000Z');
  return { kiosk, clock, dataDir, upstream };
}

const failureOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: { code?: string; message: string }) => error,
  );

describe('sync administration', { timeout: 60_000 }, () => {
  it('a permanent refusal (401) parks the batch, shows it, never retries it; a new configuration requeues it', async () => {
    const { kiosk, upstream } = await kioskWithADay();
    await kiosk.asAdmin('configureSync', {
      upstreamUrl: upstream.url,
      deviceToken: 'not-the-token-0000',
      deviceSecret: SECRET,
    });
    const pass = await kiosk.asAdmin('syncNow');
    expect(pass).toMatchObject({
      outcome: 'done',
      parked: 1,
      sent: 0,
      pending: 0,
      error: expect.stringContaining('HTTP 401 unauthorized'),
    });
    const parkedStatus = await kiosk.asAdmin('syncStatus');
    expect(parkedStatus.parked).toEqual([
      {
        batchId: expect.any(String),
        date: '2026-11-28',
        revision: 1,
        error: expect.stringContaining('HTTP 401 unauthorized: unknown device token'),
      },
    ]);
    expect(parkedStatus.lastError).toContain('401');

    expect(await kiosk.asAdmin('syncNow')).toMatchObject({ outcome: 'done', sent: 0, parked: 0 });
    expect(upstream.received).toHaveLength(1); // parked: not retried

    // The token is corrected; the secret, not given again, is kept.
    const fixed = await kiosk.asAdmin('configureSync', { upstreamUrl: upstream.url, deviceToken: TOKEN });
    expect(fixed).toMatchObject({ configured: true, hasToken: true, hasSecret: true, pending: 1, parked: [] });
    expect(await kiosk.asAdmin('syncNow')).toMatchObject({ outcome: 'done', sent: 1, pending: 0 });
    expect(upstream.received.map((r) => r.batchId)).toEqual([
      parkedStatus.parked[0].batchId,
      parkedStatus.parked[0].batchId,
    ]);

    // Neither the token nor the secret ever comes back out: not in the status, not in the audit log.
    const audit = await kiosk.asAdmin('auditLog', {});
    const entries = audit.filter((e: { action: string }) => e.action === 'sync.configure');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      officer: 'qtv',
      target: upstream.url,
      after: { deviceToken: 'set', deviceSecret: 'set', tokenChanged: true, secretChanged: false, requeued: 1 },
    });
    for (const text of [JSON.stringify(audit), JSON.stringify(await kiosk.asAdmin('syncStatus'))]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain('not-the-token-0000');
    }
  });

  it('refuses an http:// collector that is not on this machine, with a clear message', async () => {
    const { kiosk } = await kioskWithADay();
    const configure = (upstreamUrl: string) =>
      kiosk.asAdmin('configureSync', { upstreamUrl, deviceToken: TOKEN, deviceSecret: SECRET });
    for (const url of [
      'http://thixa-dienban.gov.vn',
      'http://localhost.example.com',
      'http://10.0.0.5:8080',
      'ftp://127.0.0.1',
      'not a url',
    ]) {
      const error = await failureOf(configure(url));
      expect(error, url).toMatchObject({
        code: 'bad_input',
        message: expect.stringContaining('must start with https://'),
      });
    }
    expect(await failureOf(configure('https://user:pw@hub.example.vn'))).toMatchObject({
      code: 'bad_input',
      message: expect.stringContaining('user name or password'),
    });
    expect((await kiosk.asAdmin('syncStatus')).upstreamUrl).toBeNull(); // nothing was saved

    expect((await configure('https://hub.dienban.example.vn/')).upstreamUrl).toBe('https://hub.dienban.example.vn');
    expect((await configure('http://[::1]:8443')).upstreamUrl).toBe('http://[::1]:8443');
    expect((await configure('http://127.0.0.1:9000')).upstreamUrl).toBe('http://127.0.0.1:9000');
  });

  it('testSyncConnection tells reachable and trusted, refused, and unreachable apart, and stores nothing', async () => {
    const { kiosk, upstream } = await kioskWithADay();
    expect(await kiosk.asAdmin('testSyncConnection')).toMatchObject({ reachable: false, credentialsAccepted: null });
    await kiosk.asAdmin('configureSync', { upstreamUrl: upstream.url, deviceToken: TOKEN, deviceSecret: SECRET });
    expect(await kiosk.asAdmin('testSyncConnection')).toMatchObject({
      reachable: true,
      credentialsAccepted: true,
      status: 422,
    });
    await kiosk.asAdmin('configureSync', {
      upstreamUrl: upstream.url,
      deviceToken: TOKEN,
      deviceSecret: 'a-different-secret-000',
    });
    expect(await kiosk.asAdmin('testSyncConnection')).toMatchObject({
      reachable: true,
      credentialsAccepted: false,
      status: 401,
    });
    expect(upstream.totals().days).toEqual([]);
    expect(upstream.received.map((r) => JSON.parse(r.body))).toEqual([
      { schema: 'sipas.aggregate.v1', probe: true },
      { schema: 'sipas.aggregate.v1', probe: true },
    ]);

    const closed = upstream.url;
    await upstream.close();
    await kiosk.asAdmin('configureSync', { upstreamUrl: closed });
    expect(await kiosk.asAdmin('testSyncConnection')).toMatchObject({
      reachable: false,
      credentialsAccepted: null,
      status: null,
    });
  });

  it('staff cannot see or change the sync setup', async () => {
    const { kiosk } = await kioskWithADay();
    const staff = (await kiosk.call('signIn', { officer: 'nv01', pin: '1111' })).token;
    for (const name of ['syncStatus', 'syncNow', 'testSyncConnection']) {
      expect(await failureOf(kiosk.call(name, {}, staff))).toMatchObject({ code: 'forbidden' });
    }
  });

  it('the CLI prints the status and runs a pass on the data folder', async () => {
    const { kiosk, dataDir, upstream } = await kioskWithADay();
    await kiosk.asAdmin('configureSync', { upstreamUrl: upstream.url, deviceToken: TOKEN, deviceSecret: SECRET });
    kiosk.app.close();
    open.splice(0);
    const printed: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (printed.push(String(chunk)), true));
    try {
      await runSyncCommand(['status', '--data', dataDir]);
      await runSyncCommand(['--data', dataDir]);
    } finally {
      spy.mockRestore();
      process.exitCode = undefined;
    }
    expect(JSON.parse(printed[0]!)).toMatchObject({ configured: true, upstreamUrl: upstream.url, pending: 1 });
    // The real clock is past the 28th, so the pass sends it.
    expect(JSON.parse(printed[1]!)).toMatchObject({ outcome: 'done', sent: 1, pending: 0 });
    await expect(runSyncCommand(['--data', tempDir()])).rejects.toThrow('no SIPAS database');
    await expect(runSyncCommand(['push', '--data', dataDir])).rejects.toThrow('usage');
  });
});
