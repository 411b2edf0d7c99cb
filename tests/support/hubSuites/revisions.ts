import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AggregateBatch } from '../../../src/contract/syncProtocol';
import { addDays } from '../../../src/domain/localDay';
import { itemsOf } from '../../../src/hub/store/running';
import { makeBatch, send, UNIT, type Row } from '../hubClient';
import { useHub, type HubTarget } from '../hubTargets';

const sumItems = (rows: readonly Row[]) => {
  const byItem: Record<string, number[]> = {};
  for (const row of rows) byItem[row.item] = (byItem[row.item] ?? [0, 0, 0, 0, 0]).map((n, i) => n + row.counts[i]!);
  return byItem;
};

/** Totals of n counted responses and nothing else. */
const counted = (n: number) => ({ responses: n, counted: n, suspect: 0, abandoned: 0 });

/** Revisions replace, never add; uniqueness holds when sends race. */
export function revisionSuite(target: HubTarget): void {
  describe('revisions and races', () => {
    const fixture = useHub(target);
    const device = (deviceId = 'kiosk-01') =>
      fixture().hub.addDevice({ deviceId, unitCode: UNIT.code, unitName: UNIT.name });

    it('a higher revision replaces the day: totals are the latest revision only', async () => {
      const { hub } = fixture();
      const credentials = await device();
      const first = makeBatch({ deviceId: 'kiosk-01', revision: 1 });
      const rows: Row[] = [{ item: 'result', counter: 'C2', field: null, counts: [2, 2, 2, 2, 2] }];
      const second = makeBatch({ deviceId: 'kiosk-01', revision: 2, rows, totals: counted(10) });
      const otherDay = makeBatch({ deviceId: 'kiosk-01', date: '2026-11-27' });
      for (const batch of [first, otherDay]) expect((await send(hub.batchesUrl, credentials, batch)).status).toBe(201);
      expect((await send(hub.batchesUrl, credentials, second)).status).toBe(201);

      const day = await hub.totals({ from: '2026-11-28', to: '2026-11-28' });
      expect(day).toMatchObject({
        batches: 1,
        storedBatches: 2,
        responses: 10,
        counted: 10,
        suspect: 0,
        abandoned: 0,
        rows: 1,
        answers: 10,
      });
      expect(day.byItem).toEqual({ result: [2, 2, 2, 2, 2] });
      expect(await hub.latest('kiosk-01', '2026-11-28')).toEqual({ batchId: second.batchId, revision: 2 });
      expect((await hub.totals()).responses).toBe(10 + 62);
    });

    it('one key per (device, date, questionnaire): two forms on one day are two latest batches, never pooled', async () => {
      const { hub } = fixture();
      const credentials = await device();
      const quick = { id: 'sipas-quick', version: 1 };
      const full = { id: 'sipas-full', version: 2 };
      const quickRows: Row[] = [{ item: 'access', counter: null, field: null, counts: [0, 9, 0, 0, 0] }];
      const fullRows: Row[] = [{ item: 'access.1', counter: null, field: null, counts: [0, 0, 0, 0, 1] }];
      const a = makeBatch({ deviceId: 'kiosk-01', questionnaire: quick, rows: quickRows, totals: counted(9) });
      const b = makeBatch({ deviceId: 'kiosk-01', questionnaire: full, rows: fullRows, totals: counted(1) });
      expect((await send(hub.batchesUrl, credentials, a)).status).toBe(201);
      expect((await send(hub.batchesUrl, credentials, b)).status).toBe(201); // revision 1 of another key: not stale
      expect(await hub.latest('kiosk-01', '2026-11-28', quick)).toEqual({ batchId: a.batchId, revision: 1 });
      expect(await hub.latest('kiosk-01', '2026-11-28', full)).toEqual({ batchId: b.batchId, revision: 1 });
      await expect(hub.latest('kiosk-01', '2026-11-28')).rejects.toThrow(/2 questionnaires/);
      const corrected = makeBatch({
        deviceId: 'kiosk-01',
        questionnaire: full,
        revision: 2,
        rows: fullRows,
        totals: { responses: 2, counted: 1, suspect: 0, abandoned: 1 },
      });
      expect((await send(hub.batchesUrl, credentials, corrected)).status).toBe(201);
      const stale = await send(
        hub.batchesUrl,
        credentials,
        makeBatch({ deviceId: 'kiosk-01', questionnaire: full, revision: 1, rows: fullRows, totals: counted(1) }),
      );
      expect([stale.status, stale.body.error.code]).toEqual([409, 'stale_revision']);
      expect(stale.body.error.message).toContain('sipas-full v2');
      const totals = await hub.totals();
      expect(totals).toMatchObject({
        batches: 2,
        storedBatches: 3,
        responses: 11,
        counted: 10,
        suspect: 0,
        abandoned: 1,
      });
      expect(totals.byQuestionnaire).toEqual({
        'sipas-quick@1': { access: [0, 9, 0, 0, 0] },
        'sipas-full@2': { 'access.1': [0, 0, 0, 0, 1] },
      });
    });

    it('409 stale_revision for an equal or lower revision under another batchId; nothing changes', async () => {
      const { hub } = fixture();
      const credentials = await device();
      const second = makeBatch({ deviceId: 'kiosk-01', revision: 2 });
      await send(hub.batchesUrl, credentials, second);
      for (const revision of [2, 1]) {
        const answer = await send(
          hub.batchesUrl,
          credentials,
          makeBatch({ deviceId: 'kiosk-01', revision, totals: counted(99) }),
        );
        expect([answer.status, answer.body.error.code]).toEqual([409, 'stale_revision']);
      }
      expect(await hub.totals()).toMatchObject({ storedBatches: 1, responses: 62 });
      // A superseded revision sent again byte for byte is still a duplicate, not stale: the kiosk may have missed the answer.
      expect((await send(hub.batchesUrl, credentials, second)).body).toEqual({ accepted: true, duplicate: true });
    });

    it('concurrent identical sends: one 201, the rest duplicates, one row', async () => {
      const { hub, db } = fixture();
      const credentials = await device();
      const batch = makeBatch({ deviceId: 'kiosk-01' });
      const answers = await Promise.all(Array.from({ length: 24 }, () => send(hub.batchesUrl, credentials, batch)));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 200)).toHaveLength(23);
      expect(await target.query(db, 'SELECT batch_id FROM batches')).toHaveLength(1);
      expect(await hub.totals()).toMatchObject({ batches: 1, storedBatches: 1, answers: 114 });
    });

    it('concurrent revisions of one day: the highest wins, whatever the order of arrival', async () => {
      const { hub, db } = fixture();
      const credentials = await device();
      const batches = [1, 2, 3, 4, 5, 6].map((revision) =>
        makeBatch({
          deviceId: 'kiosk-01',
          revision,
          totals: counted(revision),
          rows: [{ item: 'access', counter: null, field: null, counts: [0, 0, 0, 0, revision] }],
        }),
      );
      const answers = await Promise.all(
        [...batches]
          .reverse()
          .concat(batches)
          .map((b) => send(hub.batchesUrl, credentials, b)),
      );
      for (const answer of answers) expect([200, 201, 409]).toContain(answer.status);
      expect(await hub.latest('kiosk-01', '2026-11-28')).toMatchObject({ revision: 6 });
      expect(await hub.totals()).toMatchObject({
        batches: 1,
        responses: 6,
        rows: 1,
        byItem: { access: [0, 0, 0, 0, 6] },
      });
      // The kept sums took away every replaced revision: only revision 6's counts are left.
      const kept = await target.query(db, 'SELECT device_days, item_counts FROM device_running');
      expect(kept.map((r) => [Number(r.device_days), itemsOf(r.item_counts)])).toEqual([
        [1, [{ item: 'access', counts: [0, 0, 0, 0, 6] }]],
      ]);
    });

    it('property: any order of sends and resends leaves exactly the highest revision of each day', async () => {
      const { hub } = fixture();
      const credentials = await device();
      let day = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ revision: fc.integer({ min: 1, max: 4 }), n: fc.integer({ min: 0, max: 9 }) }), {
            minLength: 1,
            maxLength: 6,
          }),
          fc.array(fc.nat(), { maxLength: 10 }),
          async (specs, picks) => {
            day += 1;
            const date = addDays('2026-01-01', day);
            // One batch per revision (a kiosk never reuses a revision number for different content).
            const byRevision = new Map<number, AggregateBatch>();
            for (const { revision, n } of specs) {
              if (byRevision.has(revision)) continue;
              byRevision.set(
                revision,
                makeBatch({
                  deviceId: 'kiosk-01',
                  date,
                  revision,
                  totals: counted(n + revision),
                  rows: [{ item: 'officer', counter: 'C1', field: null, counts: [n, 0, 0, 0, revision] }],
                }),
              );
            }
            const all = [...byRevision.values()];
            const order = [...all, ...picks.map((p) => all[p % all.length]!)];
            for (const batch of order)
              expect([200, 201, 409]).toContain((await send(hub.batchesUrl, credentials, batch)).status);
            const highest = all.reduce((a, b) => (b.revision > a.revision ? b : a));
            const totals = await hub.totals({ from: date, to: date });
            expect(totals.batches).toBe(1);
            expect(totals.responses).toBe(highest.totals.responses);
            expect(totals.byItem).toEqual(sumItems(highest.rows));
          },
        ),
        { numRuns: 25, seed: 20261128 },
      );
    }, 60_000);
  });
}
