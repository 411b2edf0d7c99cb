import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/localDay';
import { startHub, type RunningHub } from '../../src/hub';
import { frozenClock } from '../support/fakes';
import { expectedTotals, respondent, startKiosk, type Kiosk, type Submitted } from '../support/syncKiosk';
import { useTempDirs } from '../support/tempDir';
import { STRESS_SCALE } from './scale';

const DAYS = 60;
const tempDir = useTempDirs();
let kiosk: Kiosk | null = null;
let hub: RunningHub | null = null;
afterEach(async () => {
  kiosk?.app.close();
  await hub?.close();
  kiosk = null;
  hub = null;
});

describe(`long offline: ${DAYS} days without the collector`, { timeout: 180_000 }, () => {
  it('delivers every day oldest first when it returns, with exact totals, through a clock stepped back and a restart', async () => {
    const first = '2026-09-01';
    const clock = frozenClock(`${first}T01:00:00.000Z`);
    const hubFile = `sqlite:${path.join(tempDir(), 'hub.sqlite3')}`;
    const dataDir = tempDir();
    hub = await startHub({ db: hubFile, port: 0, now: () => clock.now() });
    const port = hub.port;
    kiosk = await startKiosk(dataDir, clock);
    const { deviceId } = await kiosk.asAdmin('syncStatus');
    const { token, secret } = await hub.addDevice({ deviceId, unitCode: 'DH', unitName: 'UBND xã Điện Hồng' });
    await kiosk.asAdmin('configureSync', { upstreamUrl: hub.url, deviceToken: token, deviceSecret: secret });
    await hub.close(); // the district's server goes away
    hub = null;

    const ledger: Submitted[] = [];
    const submit = respondent(clock, ledger);
    for (let d = 0; d < DAYS; d += 1) {
      clock.set(`${addDays(first, d)}T01:00:00.000Z`);
      for (let n = 0; n < 2 * STRESS_SCALE; n += 1)
        await submit(kiosk, { kind: n % 5 === 4 ? 'suspect' : 'counted', personal: n % 3 === 0 });
      if (d === 20) {
        // The PC's clock is set back an hour by mistake, then corrected.
        clock.advance(-3_600_000);
        await submit(kiosk);
      }
      if (d === 30) {
        // A power cut half-way: the kiosk restarts with all its queued days.
        kiosk.app.close();
        kiosk = await startKiosk(dataDir, clock);
      }
      const pass = await kiosk.asAdmin('syncNow');
      expect(pass.sent ?? 0).toBe(0); // nothing gets through while the collector is away
    }
    clock.set(`${addDays(first, DAYS)}T02:00:00.000Z`);
    // Every day but the last is queued already; the last is built by the next pass.
    expect((await kiosk.asAdmin('syncStatus')).pending).toBe(DAYS - 1);

    // The collector comes back on the same address.
    const received: string[] = [];
    hub = await startHub({
      db: hubFile,
      port,
      now: () => clock.now(),
      intercept: async (request) => {
        received.push(((await request.clone().json()) as { date: string }).date);
        return undefined;
      },
    });
    const pass = await kiosk.asAdmin('syncNow');
    expect(pass).toMatchObject({ outcome: 'done', sent: DAYS });
    expect(received).toEqual([...received].sort());
    expect(received).toHaveLength(DAYS);
    expect(received[0]).toBe(first);

    const expected = expectedTotals(ledger);
    expect(await hub.totals({ deviceId })).toMatchObject({ batches: DAYS, ...expected });
    expect((await kiosk.asAdmin('syncStatus')).pending).toBe(0);
  });
});
