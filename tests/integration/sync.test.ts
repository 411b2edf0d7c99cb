import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifySignature } from '../../src/node/signing';
import { DATABASE_FILE } from '../../src/app/composeApp';
import { frozenClock } from '../support/fakes';
import { startFakeUpstream, type FakeUpstream } from '../support/fakeUpstream';
import { expectedTotals, respondent, startKiosk, type Kiosk, type Submitted } from '../support/syncKiosk';
import { useTempDirs } from '../support/tempDir';

const tempDir = useTempDirs();
const TOKEN = 'kiosk-token-0000000001';
const SECRET = 'kiosk-secret-0123456789abcdef';
let upstream: FakeUpstream;
const open: Kiosk[] = [];

afterEach(async () => {
  open.splice(0).forEach((k) => k.app.close());
  vi.useRealTimers();
  vi.restoreAllMocks();
  await upstream?.close();
});

type TestClock = ReturnType<typeof frozenClock>;

async function kioskOn(dataDir: string, clock: TestClock, options = {}) {
  const kiosk = await startKiosk(dataDir, clock, options);
  open.push(kiosk);
  return kiosk;
}

const configure = (kiosk: Kiosk, extra: Record<string, string> = {}) =>
  kiosk.asAdmin('configureSync', { upstreamUrl: upstream.url, deviceToken: TOKEN, deviceSecret: SECRET, ...extra });
const status = (kiosk: Kiosk) => kiosk.asAdmin('syncStatus');
const syncNow = (kiosk: Kiosk) => kiosk.asAdmin('syncNow');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const at = (clock: TestClock, ms: number) => new Date(clock.now() + ms).toISOString();

/**
 * The kiosk's sync schedule, driven by the test: setInterval is faked (setTimeout,
 * the request time limit and the sockets stay real), so a scheduled pass runs when
 * the test fires a tick, never by itself. The clock counts how often the kiosk reads
 * it (every pass does), and fetch is watched: that is how the client sends.
 */
function driveSchedule(clock: TestClock, intervalMs: number) {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  const fetches = vi.spyOn(globalThis, 'fetch');
  let reads = 0;
  const watched: TestClock = { ...clock, now: () => ((reads += 1), clock.now()) };
  return {
    clock: watched,
    /** Ticks the schedule until `check` holds (the passes in between do their I/O in real time). */
    async until(check: () => boolean | Promise<boolean>, what: string) {
      for (let i = 0; i < 1500; i += 1) {
        if (await check()) return;
        vi.advanceTimersByTime(intervalMs);
        await sleep(10);
      }
      throw new Error(`timed out waiting for ${what}`);
    },
    /**
     * One tick of the schedule: whether its pass sent anything. A pass reads the clock
     * and decides to wait or to send before its first await, so the answer is known
     * when the tick returns; a tick that ran no pass (one still busy) fails here
     * instead of proving nothing.
     */
    async tickSends(): Promise<boolean> {
      // A pass that has decided lets go of the schedule a few promise steps later.
      await new Promise((resolve) => setImmediate(resolve));
      const [readsBefore, fetchesBefore] = [reads, fetches.mock.calls.length];
      vi.advanceTimersByTime(intervalMs);
      expect(reads, 'the tick ran a sync pass').toBeGreaterThan(readsBefore);
      return fetches.mock.calls.length > fetchesBefore;
    },
  };
}

function expectCollectorHolds(ledger: Submitted[]) {
  const expected = expectedTotals(ledger);
  const held = upstream.totals();
  expect(held.byItem).toEqual(expected.byItem);
  const { byItem: _held, days: _days, ...heldTotals } = held;
  const { byItem: _expected, ...expectedTotals4 } = expected;
  expect(heldTotals).toEqual(expectedTotals4);
  expect(held.responses).toBe(held.counted + held.suspect + held.abandoned);
}

describe('the kiosk side of upstream sync', { timeout: 60_000 }, () => {
  it('loses nothing and counts nothing twice through 500, 503 Retry-After, 429, a timeout, a cut connection, a lost acknowledgement and restarts', async () => {
    upstream = await startFakeUpstream([{ token: TOKEN, secret: SECRET }]);
    const base = frozenClock('2026-11-28T02:00:00.000Z'); // 09:00 on the 28th in Vietnam
    const scheduled = { schedule: true, intervalMs: 15 };
    const { clock, until, tickSends } = driveSchedule(base, scheduled.intervalMs);
    const dataDir = tempDir();
    let kiosk = await kioskOn(dataDir, clock, scheduled);
    await configure(kiosk);
    const ledger: Submitted[] = [];
    const submit = respondent(clock, ledger);
    for (let i = 0; i < 12; i += 1)
      await submit(kiosk, { kind: i === 3 ? 'suspect' : i === 7 ? 'abandoned' : 'counted', personal: i % 4 === 0 });
    expect(await tickSends()).toBe(false); // the day is not over: nothing is sent
    expect(upstream.received).toHaveLength(0);

    upstream.script(
      { status: 500, body: { error: { code: 'internal' } } },
      { status: 503, retryAfter: '120' },
      { status: 429 },
      'hang',
      'drop',
      'hang',
      'store-then-drop',
    );
    clock.set('2026-11-29T01:00:00.000Z'); // the 28th is over
    await until(() => upstream.received.length === 1, 'the first attempt');
    await until(async () => (await status(kiosk)).lastError !== null, 'the 500 to be recorded');
    expect(await status(kiosk)).toMatchObject({
      pending: 1,
      lastError: expect.stringContaining('HTTP 500'),
      nextAttemptAt: at(clock, 30_000),
    });
    expect(await tickSends()).toBe(false); // backing off on the kiosk's clock
    expect(upstream.received).toHaveLength(1);

    clock.advance(30_000);
    expect(await tickSends()).toBe(true); // the back-off is over: the next scheduled pass sends
    await until(() => upstream.received.length === 2, 'the 503');
    await until(
      async () => (await status(kiosk)).nextAttemptAt === at(clock, 120_000),
      'Retry-After: 120 to be honoured',
    );
    clock.advance(60_000); // the back-off alone (60 s) would retry now; Retry-After says 120 s
    expect(await tickSends()).toBe(false);
    expect(upstream.received).toHaveLength(2);
    clock.advance(60_000);
    await until(() => upstream.received.length === 3, 'the 429');
    await until(async () => (await status(kiosk)).nextAttemptAt === at(clock, 120_000), 'the third back-off (120 s)');

    // Restart between attempts: the batch, its back-off and its error are in the database.
    kiosk.app.close();
    kiosk = await kioskOn(dataDir, clock, scheduled);
    expect(await status(kiosk)).toMatchObject({
      pending: 1,
      nextAttemptAt: at(clock, 120_000),
      lastError: expect.stringContaining('429'),
    });
    expect(await tickSends()).toBe(false);
    expect(upstream.received).toHaveLength(3);

    clock.advance(120_000);
    await until(async () => /time limit/.test((await status(kiosk)).lastError ?? ''), 'the timeout');
    expect(upstream.received).toHaveLength(4);
    clock.advance(240_000);
    await until(() => upstream.received.length === 5, 'the dropped connection');
    await until(async () => (await status(kiosk)).nextAttemptAt === at(clock, 480_000), 'the fifth back-off');

    // Restart with a request in flight: it is abandoned unanswered and resent by the next kiosk.
    // (This kiosk waits 20 s for an answer, so the close, not the timeout, ends the request.)
    kiosk.app.close();
    kiosk = await kioskOn(dataDir, clock, { ...scheduled, totalTimeoutMs: 20_000 });
    const beforeRestart = (await status(kiosk)).nextAttemptAt;
    clock.advance(480_000);
    await until(() => upstream.received.length === 6, 'the request that hangs');
    kiosk.app.close();
    kiosk = await kioskOn(dataDir, clock, scheduled);
    await until(() => upstream.received.length === 7, 'the resend after the restart (stored, answer lost)');
    expect(beforeRestart).not.toBeNull();
    await until(async () => {
      const next = (await status(kiosk)).nextAttemptAt;
      return next !== null && next !== beforeRestart;
    }, 'the lost acknowledgement to count as a failure');
    // The aborted request was not counted: this is the sixth failure (960 s), not the seventh.
    expect((await status(kiosk)).nextAttemptAt).toBe(at(clock, 960_000));
    clock.advance(960_000);
    await until(async () => (await status(kiosk)).pending === 0, 'the duplicate acknowledgement');

    const attempts = upstream.received;
    expect(attempts).toHaveLength(8);
    expect(new Set(attempts.map((r) => r.batchId)).size).toBe(1); // one batch, one Idempotency-Key
    expect(new Set(attempts.map((r) => r.body)).size).toBe(1); // byte-identical every time
    expect(attempts.at(-1)?.status).toBe(200);
    for (const r of attempts) {
      expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(verifySignature(SECRET, Buffer.from(r.body, 'utf8'), r.headers['x-sipas-signature'] as string)).toBe(true);
    }
    expect(await status(kiosk)).toMatchObject({ lastError: null, lastSuccessAt: expect.any(String), parked: [] });

    // The 29th: more answers, some personal; sent when it is over.
    clock.set('2026-11-29T06:00:00.000Z');
    for (let i = 0; i < 6; i += 1)
      await submit(kiosk, { kind: i === 2 ? 'suspect' : 'counted', personal: i % 2 === 0 });
    clock.set('2026-11-30T01:00:00.000Z');
    await until(() => upstream.totals().days.length === 2, 'the 29th to arrive');
    expect(upstream.totals().days).toEqual(['2026-11-28@1', '2026-11-29@1']);
    expectCollectorHolds(ledger);

    // Counts only: no comment, phone or case code in anything sent or queued.
    const secrets = ledger.flatMap((s) => s.secrets);
    expect(secrets.length).toBeGreaterThan(0);
    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    const queued = db
      .prepare<[], { body: string }>('SELECT body FROM outbox')
      .all()
      .map((r) => r.body);
    db.close();
    for (const body of [...upstream.received.map((r) => r.body), ...queued]) {
      for (const secret of secrets) expect(body).not.toContain(secret);
      const batch = JSON.parse(body);
      expect(Object.keys(batch).sort()).toEqual([
        'batchId',
        'date',
        'device',
        'generatedAt',
        'questionnaire',
        'revision',
        'rows',
        'schema',
        'totals',
        'unit',
      ]);
      for (const row of batch.rows) expect(Object.keys(row).sort()).toEqual(['counter', 'counts', 'field', 'item']);
    }
  });

  it('late answers for a sent day go as revision 2, which replaces revision 1 at the collector', async () => {
    upstream = await startFakeUpstream([{ token: TOKEN, secret: SECRET }]);
    const clock = frozenClock('2026-11-28T02:00:00.000Z');
    const kiosk = await kioskOn(tempDir(), clock);
    await configure(kiosk);
    const ledger: Submitted[] = [];
    const submit = respondent(clock, ledger);
    for (let i = 0; i < 4; i += 1) await submit(kiosk);
    expect(await syncNow(kiosk)).toMatchObject({ outcome: 'done', built: 0, sent: 0 }); // today is not over

    clock.set('2026-11-29T03:00:00.000Z');
    expect(await syncNow(kiosk)).toMatchObject({ outcome: 'done', built: 1, sent: 1, pending: 0 });
    expectCollectorHolds(ledger);

    // An answer for the 28th arrives late (a submission kept through a disk error, a clock put right).
    clock.set('2026-11-28T15:00:00.000Z');
    await submit(kiosk);
    await submit(kiosk, { kind: 'suspect' });
    clock.set('2026-11-29T04:00:00.000Z');
    expect(await syncNow(kiosk)).toMatchObject({ outcome: 'done', built: 1, sent: 1 });
    expect(upstream.latest((await status(kiosk)).deviceId, '2026-11-28')?.revision).toBe(2);
    expectCollectorHolds(ledger); // six responses, not ten
    expect(await syncNow(kiosk)).toMatchObject({ built: 0, sent: 0 }); // nothing new: nothing sent
  });

  it('a revision replaced before it was sent is never sent; only the newest goes', async () => {
    upstream = await startFakeUpstream([{ token: TOKEN, secret: SECRET }]);
    const clock = frozenClock('2026-11-28T02:00:00.000Z');
    const kiosk = await kioskOn(tempDir(), clock);
    const ledger: Submitted[] = [];
    const submit = respondent(clock, ledger);
    for (let i = 0; i < 3; i += 1) await submit(kiosk);
    clock.set('2026-11-29T03:00:00.000Z');
    expect(await syncNow(kiosk)).toMatchObject({ outcome: 'not_configured', built: 1, pending: 1 });
    clock.set('2026-11-28T16:00:00.000Z');
    await submit(kiosk);
    clock.set('2026-11-29T04:00:00.000Z');
    expect(await syncNow(kiosk)).toMatchObject({ outcome: 'not_configured', built: 1, pending: 1 });

    await configure(kiosk);
    expect(await syncNow(kiosk)).toMatchObject({ outcome: 'done', sent: 1, pending: 0 });
    expect(upstream.received.map((r) => JSON.parse(r.body).revision)).toEqual([2]);
    expectCollectorHolds(ledger);
  });

  it('409 stale_revision: the batch is superseded and never retried', async () => {
    upstream = await startFakeUpstream([{ token: TOKEN, secret: SECRET }]);
    const clock = frozenClock('2026-11-28T02:00:00.000Z');
    const kiosk = await kioskOn(tempDir(), clock);
    await configure(kiosk);
    await respondent(clock, [])(kiosk);
    clock.set('2026-11-29T03:00:00.000Z');
    upstream.script({ status: 409, body: { error: { code: 'stale_revision', message: 'revision 3 is stored' } } });
    expect(await syncNow(kiosk)).toMatchObject({ outcome: 'done', superseded: 1, pending: 0 });
    expect(await syncNow(kiosk)).toMatchObject({ outcome: 'done', sent: 0, superseded: 0 });
    expect(upstream.received).toHaveLength(1);
    expect(await status(kiosk)).toMatchObject({ pending: 0, parked: [] });
  });
});
