import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AggregateBatch } from '../../src/contract/syncProtocol';
import { upstreamUrlProblem } from '../../src/contract/sync';
import { singleFlight } from '../../src/services/singleFlight';
import { composeBatch } from '../../src/services/syncBatch';
import type { UpstreamAnswer } from '../../src/services/syncPorts';
import { classify, interpretProbe, MAX_BACKOFF_MS, parseRetryAfter, retryDelay } from '../../src/services/syncPolicy';

const NOW = Date.parse('2026-11-30T03:00:00.000Z');
const answer = (status: number, body: unknown = null, retryAfter: string | null = null) => ({
  kind: 'answer' as const,
  status,
  body,
  retryAfter,
});
const refusal = (code: string, message = 'why') => ({ error: { code, message } });

describe('what the kiosk does with each answer (docs/SYNC-PROTOCOL.md, Answers)', () => {
  const table: Array<[UpstreamAnswer, Record<string, unknown>]> = [
    [answer(201, { accepted: true, batchId: 'b' }), { kind: 'sent', duplicate: false }],
    [answer(200, { accepted: true, duplicate: true }), { kind: 'sent', duplicate: true }],
    [answer(409, refusal('stale_revision')), { kind: 'superseded' }],
    [answer(409, refusal('batch_conflict')), { kind: 'parked' }],
    ...[400, 401, 403, 404, 413, 422].map((s): [UpstreamAnswer, Record<string, unknown>] => [
      answer(s, refusal('no', 'because')),
      { kind: 'parked', error: `HTTP ${s} no: because` },
    ]),
    ...[408, 429, 500, 502, 503, 504].map((s): [UpstreamAnswer, Record<string, unknown>] => [
      answer(s),
      { kind: 'retry', retryAfterMs: null },
    ]),
    [answer(503, null, '120'), { kind: 'retry', retryAfterMs: 120_000 }],
    [
      { kind: 'unreachable' as const, error: 'ECONNREFUSED' },
      { kind: 'retry', error: 'ECONNREFUSED' },
    ],
    // A 2xx that is not an acceptance (a captive portal, a proxy page) is not trusted.
    [answer(200, null), { kind: 'retry' }],
    [answer(200, { ok: true }), { kind: 'retry' }],
    [answer(204), { kind: 'retry' }],
    [answer(302), { kind: 'parked', error: expect.stringContaining('redirects') }],
    [answer(405), { kind: 'parked' }],
  ];
  it.each(table)('%j → %j', (given, verdict) => {
    expect(classify(given, NOW)).toMatchObject(verdict);
  });

  it('reads Retry-After as seconds or an HTTP date, never negative, never for months', () => {
    expect(parseRetryAfter('30', NOW)).toBe(30_000);
    expect(parseRetryAfter(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90_000);
    expect(parseRetryAfter(new Date(NOW - 90_000).toUTCString(), NOW)).toBe(0);
    expect(parseRetryAfter('99999999', NOW)).toBe(86_400_000);
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter(null, NOW)).toBeNull();
  });

  it('backs off from about 30 s, doubling, jittered ±25 %, never over an hour unless the collector asks', () => {
    expect(retryDelay(1, null, () => 0.5)).toBe(30_000);
    expect(retryDelay(2, null, () => 0.5)).toBe(60_000);
    expect(retryDelay(8, null, () => 0.5)).toBe(MAX_BACKOFF_MS);
    expect(retryDelay(1, 120_000, () => 0.5)).toBe(120_000);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (failures, r) => {
          const delay = retryDelay(failures, null, () => r);
          return (
            delay >= 22_500 &&
            delay <= MAX_BACKOFF_MS &&
            delay >= Math.min(MAX_BACKOFF_MS, 30_000 * 2 ** (failures - 1)) * 0.75 - 1
          );
        },
      ),
    );
  });

  it('reads the probe of testSyncConnection', () => {
    expect(interpretProbe(answer(422, refusal('invalid_batch')))).toMatchObject({
      reachable: true,
      credentialsAccepted: true,
    });
    expect(interpretProbe(answer(401, refusal('bad_signature')))).toMatchObject({
      reachable: true,
      credentialsAccepted: false,
    });
    expect(interpretProbe(answer(404))).toMatchObject({
      reachable: true,
      credentialsAccepted: null,
      message: expect.stringContaining('URL'),
    });
    expect(interpretProbe({ kind: 'unreachable', error: 'ENOTFOUND' })).toMatchObject({
      reachable: false,
      credentialsAccepted: null,
    });
  });

  it('allows http:// only on loopback and no credentials in the address', () => {
    expect(upstreamUrlProblem('https://hub.example.vn')).toBeNull();
    expect(upstreamUrlProblem('http://127.0.0.2:80')).toBeNull();
    expect(upstreamUrlProblem('http://192.168.1.10')).toMatch(/https/);
    expect(upstreamUrlProblem('https://a:b@hub.example.vn')).toMatch(/password/);
    expect(upstreamUrlProblem('https://hub.example.vn/?k=1')).toMatch(/query/);
  });
});

describe('one sync at a time', () => {
  it('a trigger during a run books one more run after it; triggers meanwhile share it and keep force', async () => {
    const runs: boolean[] = [];
    let release: () => void = () => {};
    const flight = singleFlight(async (force) => {
      runs.push(force);
      await new Promise<void>((resolve) => (release = resolve));
      return runs.length;
    });
    const first = flight.trigger(false);
    const second = flight.trigger(false);
    const third = flight.trigger(true);
    expect(second).toBe(third);
    expect(runs).toEqual([false]); // no second run while the first goes
    release();
    expect(await first).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs).toEqual([false, true]);
    release();
    expect(await second).toBe(2);
    expect(flight.running).toBe(false);
  });
});

describe('a (day, questionnaire) as a batch', () => {
  const header = {
    batchId: '0193a3c2-0000-7000-8000-000000000001',
    unit: { code: 'DH', name: 'UBND xã Điện Hồng' },
    device: { id: 'kiosk-01', appVersion: '0.1.0' },
    questionnaire: { id: 'sipas-full', version: 2 },
    date: '2026-11-28',
    revision: 1,
    generatedAt: '2026-11-29T00:05:12.345+07:00',
  };
  const counted = fc.record({
    item: fc.constantFrom('access', 'procedure', 'officer.1', 'result.2'),
    counter: fc.constantFrom('', 'Q1', 'Q2'),
    field: fc.constantFrom('', 'ho-tich'),
    value5: fc.integer({ min: 1, max: 5 }),
    n: fc.integer({ min: 1, max: 50 }),
  });
  const responses = fc.array(
    fc.record({
      kind: fc.constantFrom('counted' as const, 'suspect' as const, 'abandoned' as const),
      n: fc.integer({ min: 1, max: 40 }),
    }),
    { maxLength: 6 },
  );

  it('is a valid sipas.aggregate.v1 batch of its questionnaire: totals add up, counts add up to the answers by item, counter and field', () => {
    fc.assert(
      fc.property(
        responses,
        fc.uniqueArray(counted, { selector: (a) => `${a.item}|${a.counter}|${a.field}|${a.value5}` }),
        (some, answers) => {
          // Enough counted responses for the answers: each answers an item at most once.
          const perItem = new Map<string, number>();
          for (const a of answers) perItem.set(a.item, (perItem.get(a.item) ?? 0) + a.n);
          const rs = [...some, { kind: 'counted' as const, n: Math.max(1, ...perItem.values()) }];
          const { batch, body } = composeBatch(header, { responses: rs, answers });
          expect(AggregateBatch.parse(JSON.parse(body))).toEqual(batch);
          expect(batch.questionnaire).toEqual(header.questionnaire);
          for (const item of new Set(answers.map((a) => a.item))) {
            const sent = batch.rows
              .filter((r) => r.item === item)
              .flatMap((r) => r.counts)
              .reduce((s, n) => s + n, 0);
            expect(sent).toBe(perItem.get(item));
          }
          const of = (kind: string) => rs.filter((r) => r.kind === kind).reduce((s, r) => s + r.n, 0);
          expect(batch.totals).toEqual({
            responses: rs.reduce((s, r) => s + r.n, 0),
            counted: of('counted'),
            suspect: of('suspect'),
            abandoned: of('abandoned'),
          });
          expect(batch.totals.responses).toBe(batch.totals.counted + batch.totals.suspect + batch.totals.abandoned);
          expect(batch.rows.every((r) => r.counter !== '' && r.field !== '')).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses facts that cannot be one batch: no responses, or more answers to an item than counted responses', () => {
    expect(() => composeBatch(header, { responses: [], answers: [] })).toThrow(/no responses to sipas-full v2/);
    const answers = [{ item: 'access', counter: '', field: '', value5: 1, n: 3 }];
    expect(() =>
      composeBatch(header, {
        responses: [
          { kind: 'counted', n: 2 },
          { kind: 'suspect', n: 5 },
        ],
        answers,
      }),
    ).toThrow(/3 answers to access, more than the 2 counted/);
  });
});
