import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub';
import type { AggregateBatch } from '../../src/contract/syncProtocol';
import { addDays } from '../../src/domain/localDay';
import { makeBatch, send, type Row } from '../support/hubClient';
import { HUB_NOW, postgresTarget, sqliteTarget } from '../support/hubTargets';

/**
 * Two hub processes on one database taking batches of the SAME kiosk, in turn and
 * at once. The PostgreSQL store builds a day's running row from the last one it
 * knows (src/hub/store/postgresStore.ts, hub_first_revision); when the other
 * process has written since, that row is no longer the last and the batch must be
 * stored the long way — never added to a stale row. On both stores the figures
 * must stay a plain re-sum of the latest revisions.
 */
const FIRST_DAY = '2026-10-01';
const rows = (n: number): Row[] => [
  { item: 'access', counter: 'C1', field: 'ho-tich', counts: [n % 2, 1, n % 5, 10 + n, 20] },
  { item: 'officer.1', counter: null, field: null, counts: [1, 0, n % 3, 5, 30 + n] },
];

for (const target of [sqliteTarget(), postgresTarget()]) {
  describe.skipIf(target.skipReason !== null)(`two hub processes, one kiosk, on ${target.name}`, () => {
    target.setUp();
    const open: RunningHub[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((hub) => hub.close()));
    });
    const hubOn = async (db: string) => {
      const hub = await startHub({ db, port: 0, now: () => HUB_NOW, minSample: 1 });
      open.push(hub);
      return hub;
    };

    it('keep its running sums exact whichever process takes each day', async () => {
      const db = await target.newDatabase();
      const [a, b] = [await hubOn(db), await hubOn(db)];
      const kiosk = await a!.addDevice({ deviceId: 'kiosk-01', unitCode: 'DH', unitName: 'UBND xã Điện Hồng' });
      const latest = new Map<string, AggregateBatch>();
      const sendVia = async (hub: RunningHub, day: number, revision = 1) => {
        const date = addDays(FIRST_DAY, day);
        const batch = makeBatch({
          deviceId: 'kiosk-01',
          unitCode: 'DH',
          date,
          revision,
          rows: rows(day * 7 + revision),
        });
        const answer = await send(hub.batchesUrl, kiosk, batch);
        expect(answer.status, `${date} r${revision}`).toBe(201);
        latest.set(date, batch);
      };

      // In order, through one process, then the other, then alternating (each switch finds the
      // last row it knew written over by the other process).
      for (const day of [0, 1, 2]) await sendVia(a!, day);
      for (const day of [3, 4]) await sendVia(b!, day);
      for (const day of [5, 6, 7, 8]) await sendVia(day % 2 ? a! : b!, day);
      // An old day revised through each, then a day both processes take at once with days around it.
      await sendVia(b!, 1, 2);
      await sendVia(a!, 4, 2);
      await Promise.all([sendVia(a!, 9), sendVia(b!, 10), sendVia(a!, 11), sendVia(b!, 12)]);
      await sendVia(a!, 13);

      const period = { from: FIRST_DAY, to: addDays(FIRST_DAY, 13) };
      for (const hub of [a!, b!]) {
        const items: Record<string, number[]> = {};
        let counted = 0;
        for (const batch of latest.values()) {
          counted += batch.totals.counted;
          for (const row of batch.rows)
            items[row.item] = (items[row.item] ?? [0, 0, 0, 0, 0]).map((n, i) => n + row.counts[i]!);
        }
        const byUnit = await hub.store.countsByUnit(period);
        expect(Object.fromEntries(byUnit.map((r) => [r.item, r.counts]))).toEqual(items);
        const [unit] = await hub.store.unitTotals(period);
        expect(unit).toMatchObject({ devices: 1, deviceDays: 14, counts: { counted } });
        // Every day alone, from the unit's running rows: each its latest revision.
        for (const [date, batch] of latest) {
          const day = await hub.store.countsByUnit({ from: date, to: date });
          expect(Object.fromEntries(day.map((r) => [r.item, r.counts])), date).toEqual(
            Object.fromEntries(batch.rows.map((r) => [r.item, r.counts])),
          );
        }
      }
    }, 60_000);
  });
}
