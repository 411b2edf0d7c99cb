import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub';
import { frozenClock } from '../support/fakes';
import { independentScore } from '../support/independentScore';
import { expectedTotals, respondent, startKiosk, type Kiosk, type Submitted } from '../support/syncKiosk';
import { useTempDirs } from '../support/tempDir';

/**
 * End to end: two kiosks (two data folders) send to the real reference
 * collector (src/hub) over HTTP; the hub's figures must equal a computation
 * written independently over what the citizens submitted.
 */
const tempDir = useTempDirs();
const kiosks: Kiosk[] = [];
let hub: RunningHub | null = null;
afterEach(async () => {
  kiosks.splice(0).forEach((k) => k.app.close());
  await hub?.close();
  hub = null;
});

const DAY = '2026-11-28';

// Several PIN sign-ins (scrypt) per kiosk as the clock jumps by hours: slow on a loaded CI machine.
describe('two kiosks and the hub', { timeout: 60_000 }, () => {
  it('the hub holds exactly what the kiosks counted, revisions replacing, and scores it as computed independently', async () => {
    const clock = frozenClock(`${DAY}T02:00:00.000Z`);
    let failNext = 0;
    hub = await startHub({
      db: `sqlite:${path.join(tempDir(), 'hub.sqlite3')}`,
      port: 0,
      now: () => clock.now(),
      // Small kiosks in a test: ranked from 5 counted responses.
      minSample: 5,
      // One 503 on the way, as a busy collector answers.
      intercept: () =>
        failNext-- > 0
          ? new Response('{"error":{"code":"busy"}}', { status: 503, headers: { 'retry-after': '5' } })
          : undefined,
    });
    const units = [
      { code: 'DH', name: 'UBND xã Điện Hồng' },
      { code: 'DP', name: 'UBND xã Điện Phước' },
    ];
    const ledgers: Submitted[][] = [[], []];
    for (const [i, unit] of units.entries()) {
      const kiosk = await startKiosk(tempDir(), clock);
      kiosks.push(kiosk);
      const { settings } = await kiosk.call('getKioskSetup', {});
      await kiosk.asAdmin('updateKioskSettings', { ...settings, unit });
      const { deviceId } = await kiosk.asAdmin('syncStatus');
      const { token, secret } = await hub.addDevice({ deviceId, unitCode: unit.code, unitName: unit.name });
      await kiosk.asAdmin('configureSync', { upstreamUrl: hub.url, deviceToken: token, deviceSecret: secret });
      expect(await kiosk.asAdmin('testSyncConnection')).toMatchObject({ reachable: true, credentialsAccepted: true });
      const submit = respondent(clock, ledgers[i]!);
      for (let n = 0; n < 9 + i * 5; n += 1) {
        await submit(kiosk, { kind: n === 4 ? 'suspect' : n === 6 ? 'abandoned' : 'counted', personal: n % 3 === 0 });
      }
    }
    const [a, b] = kiosks as [Kiosk, Kiosk];
    const [ledgerA, ledgerB] = ledgers as [Submitted[], Submitted[]];
    const idOf = async (k: Kiosk) => (await k.asAdmin('syncStatus')).deviceId as string;

    clock.set('2026-11-29T01:00:00.000Z');
    failNext = 1;
    expect(await a.asAdmin('syncNow')).toMatchObject({ outcome: 'retry_later', error: expect.stringContaining('503') });
    expect(await a.asAdmin('syncNow')).toMatchObject({ outcome: 'done', sent: 1 });
    expect(await b.asAdmin('syncNow')).toMatchObject({ outcome: 'done', sent: 1 });

    // Late answers for the 28th on kiosk A: revision 2 replaces revision 1 at the hub.
    clock.set(`${DAY}T16:30:00.000Z`);
    const late = respondent(clock, ledgerA);
    await late(a, { personal: true });
    await late(a);
    clock.set('2026-11-29T02:00:00.000Z');
    expect(await a.asAdmin('syncNow')).toMatchObject({ outcome: 'done', built: 1, sent: 1 });
    expect(await hub.latest(await idOf(a), DAY)).toMatchObject({ revision: 2 });
    expect(await hub.latest(await idOf(b), DAY)).toMatchObject({ revision: 1 });

    // Nothing lost, nothing twice: per device and overall.
    for (const [kiosk, ledger] of [
      [a, ledgerA],
      [b, ledgerB],
    ] as const) {
      const held = await hub.totals({ deviceId: await idOf(kiosk) });
      const expected = expectedTotals(ledger);
      expect(held).toMatchObject(expected);
      expect(held.batches).toBe(1);
    }
    const all = await hub.totals();
    expect(all).toMatchObject({ batches: 2, storedBatches: 3 });

    // The hub's scores against the independent formulas over the counted responses.
    const countedOf = (ledger: Submitted[]) => ledger.filter((s) => s.kind === 'counted').map((s) => s.answers);
    const report = await hub.report({ from: DAY, to: DAY });
    expect(report.questionnaires).toHaveLength(1);
    const section = report.questionnaires[0]!;
    expect(section.questionnaire).toEqual(a.questionnaire);
    for (const [unit, ledger] of [
      [units[0]!, ledgerA],
      [units[1]!, ledgerB],
    ] as const) {
      const shown = section.ranked.find((u) => u.unitCode === unit.code)!;
      const truth = independentScore(countedOf(ledger));
      const expected = expectedTotals(ledger);
      expect(shown).toMatchObject({
        unitName: unit.name,
        counts: {
          responses: expected.responses,
          counted: expected.counted,
          suspect: expected.suspect,
          abandoned: expected.abandoned,
        },
      });
      expect(shown.sipas).toBeCloseTo(truth.index!, 9);
      for (const [dimension, score] of truth.dimensions)
        expect(shown.dimensions[dimension as keyof typeof shown.dimensions]).toBeCloseTo(score.index, 9);
      expect(shown.answers).toBe(truth.distribution.reduce((s, n) => s + n, 0));
    }
    // The all-units figure is the mean of the two units' indices, not their answers pooled.
    const meanOfUnits = (independentScore(countedOf(ledgerA)).index! + independentScore(countedOf(ledgerB)).index!) / 2;
    expect(section.allUnits).toMatchObject({ basis: 'mean_of_ranked_units', units: 2 });
    expect(section.allUnits.sipas).toBeCloseTo(meanOfUnits, 9);
  });
});
