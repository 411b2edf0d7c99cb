import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/localDay';
import { encodeItemCounts, sumsDelta, type Counts5, type ItemCounts } from '../../src/hub/store/keptSums';
import type { IncomingBatch } from '../../src/hub/store/port';
import {
  NOTHING_YET,
  unitDaysOf,
  unitPeriodOf,
  withDelta,
  type PeriodEndsRow,
  type Running,
  type RunningDayRow,
} from '../../src/hub/store/running';

/**
 * store/running.ts: running rows built batch by batch (revisions replacing earlier
 * ones, days arriving out of order) must give, for any period, exactly what adding
 * up the latest revisions of the period's days gives.
 */

const DEVICES = [
  { deviceId: 'k-a1', unitCode: 'A' },
  { deviceId: 'k-a2', unitCode: 'A' },
  { deviceId: 'k-b1', unitCode: 'B' },
];
const ITEMS = ['access', 'officer.1', 'result'];
const FIRST_DAY = '2026-01-28';

interface Send {
  device: number;
  day: number;
  counts: Array<[number, Counts5]>;
}

const counts5 = fc.tuple(fc.nat(9), fc.nat(9), fc.nat(9), fc.nat(9), fc.nat(9)) as fc.Arbitrary<Counts5>;
const send = fc.record({
  device: fc.nat(DEVICES.length - 1),
  day: fc.nat(9),
  counts: fc.array(fc.tuple(fc.nat(ITEMS.length - 1), counts5), { minLength: 1, maxLength: 4 }),
});

function itemsOfSend(s: Send): ItemCounts[] {
  const byItem = new Map<string, Counts5>();
  for (const [i, counts] of s.counts) {
    const sum = byItem.get(ITEMS[i]!) ?? [0, 0, 0, 0, 0];
    byItem.set(ITEMS[i]!, sum.map((n, k) => n + counts[k]!) as Counts5);
  }
  return [...byItem.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([item, counts]) => ({ item, counts }));
}

const totalsOf = (items: readonly ItemCounts[]) => {
  const answers = items.reduce((n, { counts }) => n + counts.reduce((a, b) => a + b, 0), 0);
  return { responses: answers + 1, counted: answers, suspect: 1, abandoned: 0 };
};

/** Every send applied as the stores apply it; the latest send of a (device, day) is what counts. */
function replay(sends: readonly Send[]) {
  const running = new Map<string, Map<string, Running>>(); // device → date → row
  const latest = new Map<string, { send: Send; items: ItemCounts[] }>();
  for (const s of sends) {
    const { deviceId } = DEVICES[s.device]!;
    const date = addDays(FIRST_DAY, s.day);
    const items = itemsOfSend(s);
    const replaced = latest.get(`${deviceId}|${date}`);
    const batch = { date, totals: totalsOf(items) } as IncomingBatch;
    const delta = sumsDelta(
      batch,
      items,
      replaced ? { totals: totalsOf(replaced.items), items: replaced.items } : null,
    );
    const rows = running.get(deviceId) ?? new Map<string, Running>();
    running.set(deviceId, rows);
    const dates = [...rows.keys()].sort();
    for (const d of dates) if (d >= date) rows.set(d, withDelta(rows.get(d)!, delta));
    if (!rows.has(date)) {
      const before = dates.filter((d) => d < date).pop();
      rows.set(date, withDelta(before ? rows.get(before)! : NOTHING_YET, delta));
    }
    latest.set(`${deviceId}|${date}`, { send: s, items });
  }
  return { running, latest };
}

const columns = (row: Running | undefined, prefix: string) => ({
  [`${prefix}device_days`]: row?.deviceDays ?? null,
  [`${prefix}responses`]: row?.responses ?? null,
  [`${prefix}counted`]: row?.counted ?? null,
  [`${prefix}suspect`]: row?.suspect ?? null,
  [`${prefix}abandoned`]: row?.abandoned ?? null,
  [`${prefix}item_counts`]: row ? encodeItemCounts(row.items) : null,
});

describe('hub running sums', () => {
  it('give any period exactly the sum of its days’ latest revisions, by unit and by day', () => {
    fc.assert(
      fc.property(fc.array(send, { minLength: 1, maxLength: 25 }), fc.nat(9), fc.nat(9), (sends, a, b) => {
        const from = addDays(FIRST_DAY, Math.min(a, b));
        const to = addDays(FIRST_DAY, Math.max(a, b));
        const { running, latest } = replay(sends);

        // What sql.periodEnds selects: per device, the last row on or before `to` and the last before `from`.
        const ends: PeriodEndsRow[] = [];
        for (const [deviceId, rows] of running) {
          const dates = [...rows.keys()].sort();
          const end = dates.filter((d) => d <= to).pop();
          if (!end || end < from) continue;
          const start = dates.filter((d) => d < from).pop();
          ends.push({
            device_id: deviceId,
            unit_code: DEVICES.find((d) => d.deviceId === deviceId)!.unitCode,
            unit_name: 'UBND',
            questionnaire_id: 'sipas',
            questionnaire_version: 1,
            ...columns(rows.get(end), 'end_'),
            ...columns(start ? rows.get(start) : undefined, 'start_'),
          });
        }
        const { counts, totals } = unitPeriodOf(ends);

        const expectedItems: Record<string, number[]> = {};
        const expectedTotals: Record<string, { devices: Set<string>; deviceDays: number; counted: number }> = {};
        for (const [key, { items }] of latest) {
          const [deviceId, date] = key.split('|') as [string, string];
          if (date < from || date > to) continue;
          const unit = DEVICES.find((d) => d.deviceId === deviceId)!.unitCode;
          const t = (expectedTotals[unit] ??= { devices: new Set(), deviceDays: 0, counted: 0 });
          t.devices.add(deviceId);
          t.deviceDays += 1;
          t.counted += totalsOf(items).counted;
          for (const { item, counts: c } of items)
            expectedItems[`${unit}|${item}`] = (expectedItems[`${unit}|${item}`] ?? [0, 0, 0, 0, 0]).map(
              (n, i) => n + c[i]!,
            );
        }
        const nonZero = (c: readonly number[]) => c.some((n) => n !== 0);
        expect(Object.fromEntries(counts.map((r) => [`${r.key}|${r.item}`, r.counts]))).toEqual(
          Object.fromEntries(Object.entries(expectedItems).filter(([, c]) => nonZero(c))),
        );
        expect(
          Object.fromEntries(totals.map((u) => [u.unitCode, [u.devices, u.deviceDays, u.counts.counted]])),
        ).toEqual(
          Object.fromEntries(
            Object.entries(expectedTotals).map(([unit, t]) => [unit, [t.devices.size, t.deviceDays, t.counted]]),
          ),
        );

        // Unit A's days, as sql.unitRunningDays selects them: each device's rows in the period after its last before it.
        const dayRows: RunningDayRow[] = [];
        for (const { deviceId } of DEVICES.filter((d) => d.unitCode === 'A')) {
          const rows = running.get(deviceId);
          if (!rows) continue;
          const dates = [...rows.keys()].sort();
          const start = dates.filter((d) => d < from).pop();
          for (const date of dates.filter((d) => (start ? d >= start : d >= from) && d <= to))
            dayRows.push({
              device_id: deviceId,
              questionnaire_id: 'sipas',
              questionnaire_version: 1,
              date,
              item_counts: encodeItemCounts(rows.get(date)!.items),
            });
        }
        const expectedDays: Record<string, number[]> = {};
        for (const [key, { items }] of latest) {
          const [deviceId, date] = key.split('|') as [string, string];
          if (date < from || date > to || !deviceId.startsWith('k-a')) continue;
          for (const { item, counts: c } of items)
            expectedDays[`${date}|${item}`] = (expectedDays[`${date}|${item}`] ?? [0, 0, 0, 0, 0]).map(
              (n, i) => n + c[i]!,
            );
        }
        expect(
          Object.fromEntries(unitDaysOf(dayRows, { from, to }).map((r) => [`${r.key}|${r.item}`, r.counts])),
        ).toEqual(Object.fromEntries(Object.entries(expectedDays).filter(([, c]) => nonZero(c))));
      }),
      { numRuns: 300 },
    );
  });
});
