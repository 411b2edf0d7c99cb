import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type HubReport, type RunningHub } from '../../src/hub';
import { makeBatch, send } from '../support/hubClient';
import { HUB_NOW, postgresTarget, sqliteTarget } from '../support/hubTargets';

/**
 * The hub keeps a computed report while its data does not change (src/hub/reportCache.ts).
 * On both stores: a kept report is served again as is; a new batch, a revision or a
 * device registered — by this hub or by a second hub process writing the same
 * database — makes the next request compute it again, so no page is older than its data.
 */
const PERIOD = 'from=2026-11-01&to=2026-11-30';

for (const target of [sqliteTarget(), postgresTarget()]) {
  describe.skipIf(target.skipReason !== null)(`hub report cache on ${target.name}`, () => {
    target.setUp();
    const open: RunningHub[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((hub) => hub.close()));
    });

    /** A hub whose clock moves a second per reading: a report computed again says so in asOf.computedAt. */
    async function hubOn(db: string): Promise<RunningHub> {
      let ticks = 0;
      const hub = await startHub({ db, port: 0, now: () => HUB_NOW + 1000 * ticks++, minSample: 1 });
      open.push(hub);
      return hub;
    }
    const report = async (hub: RunningHub): Promise<HubReport> =>
      (await fetch(`${hub.url}/api/report?${PERIOD}`)).json() as Promise<HubReport>;
    const responses = (r: HubReport) => r.questionnaires.reduce((sum, q) => sum + q.counts.responses, 0);

    it('serves the kept report while nothing changes, and a new one after each new batch or revision', async () => {
      const hub = await hubOn(await target.newDatabase());
      const kiosk = await hub.addDevice({ deviceId: 'kiosk-01', unitCode: 'DH', unitName: 'UBND xã Điện Hồng' });
      const first = makeBatch({ deviceId: 'kiosk-01', date: '2026-11-27' });
      expect((await send(hub.batchesUrl, kiosk, first)).status).toBe(201);

      const before = await report(hub);
      expect(responses(before)).toBe(first.totals.responses);
      const again = await report(hub);
      expect(again.asOf).toEqual(before.asOf); // the same computation, not a new one

      const second = makeBatch({ deviceId: 'kiosk-01', date: '2026-11-28' });
      expect((await send(hub.batchesUrl, kiosk, second)).status).toBe(201);
      const after = await report(hub);
      expect(after.asOf.dataVersion).not.toBe(before.asOf.dataVersion);
      expect(after.asOf.computedAt > before.asOf.computedAt).toBe(true);
      expect(responses(after)).toBe(first.totals.responses + second.totals.responses);

      const revision = makeBatch({
        deviceId: 'kiosk-01',
        date: '2026-11-28',
        revision: 2,
        rows: [{ item: 'access', counter: 'C1', field: 'ho-tich', counts: [0, 0, 0, 1, 1] }],
      });
      expect((await send(hub.batchesUrl, kiosk, revision)).status).toBe(201);
      expect(responses(await report(hub))).toBe(first.totals.responses + revision.totals.responses);

      // A duplicate stores nothing: the kept report stays.
      const kept = await report(hub);
      expect((await send(hub.batchesUrl, kiosk, revision)).status).toBe(200);
      expect((await report(hub)).asOf).toEqual(kept.asOf);
    });

    it('sees what a second hub process writes to the same database', async () => {
      const db = await target.newDatabase();
      const hub = await hubOn(db);
      const other = await hubOn(db);
      const kiosk = await hub.addDevice({ deviceId: 'kiosk-01', unitCode: 'DH', unitName: 'UBND xã Điện Hồng' });
      expect((await send(hub.batchesUrl, kiosk, makeBatch({ deviceId: 'kiosk-01', date: '2026-11-27' }))).status).toBe(
        201,
      );
      const before = await report(hub);
      expect((await report(hub)).asOf).toEqual(before.asOf);

      // The second process registers a commune: the first hub's page lists it as silent.
      const elsewhere = await other.addDevice({ deviceId: 'kiosk-09', unitCode: 'DP', unitName: 'UBND xã Điện Phước' });
      const registered = await report(hub);
      expect(registered.silentUnits.map((u) => u.unitCode)).toEqual(['DP']);

      // Then its batch: the first hub's page ranks the commune, computed after that batch.
      const batch = makeBatch({ deviceId: 'kiosk-09', unitCode: 'DP', date: '2026-11-28' });
      expect((await send(other.batchesUrl, elsewhere, batch)).status).toBe(201);
      const after = await report(hub);
      expect(after.silentUnits).toEqual([]);
      expect(responses(after)).toBe(responses(before) + batch.totals.responses);
      const html = await (await fetch(`${hub.url}/?${PERIOD}&q=phuoc`)).text();
      expect(html).toContain('data-unit="DP"');
      expect(html).not.toContain('data-unit="DH"');
    });

    it('with warmUp (as `npm run hub` starts), the default page is computed at start: the first visitor is served it', async () => {
      const db = await target.newDatabase();
      const writer = await hubOn(db);
      const kiosk = await writer.addDevice({ deviceId: 'kiosk-01', unitCode: 'DH', unitName: 'UBND xã Điện Hồng' });
      const batch = makeBatch({ deviceId: 'kiosk-01', date: '2026-11-27' });
      expect((await send(writer.batchesUrl, kiosk, batch)).status).toBe(201);

      const clock = { now: HUB_NOW };
      const start = async (warmUp: boolean) => {
        const hub = await startHub({ db, port: 0, now: () => clock.now, minSample: 1, warmUp });
        open.push(hub);
        await hub.warmedUp;
        return hub;
      };
      const warm = await start(true);
      const cold = await start(false);
      clock.now += 5_000;
      const firstVisit = async (hub: RunningHub) => (await (await fetch(`${hub.url}/api/report`)).json()) as HubReport;
      const served = await firstVisit(warm);
      expect(served.asOf.computedAt).toBe(new Date(HUB_NOW).toISOString());
      expect(responses(served)).toBe(batch.totals.responses);
      // Without it, the first visit is the first computation.
      expect((await firstVisit(cold)).asOf.computedAt).toBe(new Date(HUB_NOW + 5_000).toISOString());
    });

    it('as `npm run hub` serves (reportMaxAgeMs): right after a batch the last ranking, saying when; then the new one', async () => {
      const clock = { now: HUB_NOW };
      const hub = await startHub({
        db: await target.newDatabase(),
        port: 0,
        now: () => clock.now,
        minSample: 1,
        reportMaxAgeMs: 60_000,
      });
      open.push(hub);
      const kiosk = await hub.addDevice({ deviceId: 'kiosk-01', unitCode: 'DH', unitName: 'UBND xã Điện Hồng' });
      const first = makeBatch({ deviceId: 'kiosk-01', date: '2026-11-27' });
      expect((await send(hub.batchesUrl, kiosk, first)).status).toBe(201);
      const before = await report(hub);

      clock.now += 10_000;
      const second = makeBatch({ deviceId: 'kiosk-01', date: '2026-11-28' });
      expect((await send(hub.batchesUrl, kiosk, second)).status).toBe(201);
      // At once: the ranking computed before the batch, with its own time and data version.
      const served = await report(hub);
      expect(served.asOf).toEqual(before.asOf);
      expect(responses(served)).toBe(first.totals.responses);
      // The new one was computed meanwhile: a later request gets it.
      await expect
        .poll(async () => responses(await report(hub)), { timeout: 10_000 })
        .toBe(first.totals.responses + second.totals.responses);

      // Past the age limit a request waits for the new ranking rather than show an older one.
      clock.now += 61_000;
      const third = makeBatch({ deviceId: 'kiosk-01', date: '2026-11-29' });
      expect((await send(hub.batchesUrl, kiosk, third)).status).toBe(201);
      expect(responses(await report(hub))).toBe(
        first.totals.responses + second.totals.responses + third.totals.responses,
      );
    });
  });
}
