import { describe, expect, it } from 'vitest';
import type { AggregateBatch } from '../../../src/contract/syncProtocol';
import { addDays } from '../../../src/domain/localDay';
import type { CountsRow, Period, UnitTotals } from '../../../src/hub/store/port';
import { itemsOf } from '../../../src/hub/store/running';
import { makeBatch, random, randomRows, send, totalsFor } from '../hubClient';
import { useHub, type HubTarget } from '../hubTargets';

/**
 * The sums the hub keeps as batches arrive (device_running, day_items) must
 * always equal a re-sum of the latest revisions: after random revisions,
 * replacements, stale sends and races, for periods that align with months and
 * periods that do not.
 */

const DEVICES = [
  { deviceId: 'kiosk-a1', unitCode: 'A', unitName: 'UBND xã An Bình' },
  { deviceId: 'kiosk-a2', unitCode: 'A', unitName: 'UBND xã An Bình' },
  { deviceId: 'kiosk-b1', unitCode: 'B', unitName: 'UBND phường Tân Phú' },
];
const FORMS = [
  { id: 'sipas-quick', version: 1 },
  { id: 'sipas-quick', version: 2 },
];
const FIRST_DAY = '2026-01-25';
const SPAN = 45; // to 2026-03-10: two month ends and one whole month (February)

type Counts5 = [number, number, number, number, number];
type Latest = AggregateBatch & { unitCode: string };

const nonZero = (counts: readonly number[]) => counts.some((n) => n !== 0);

/** countsRows as a map, rows with no answers left out (a replaced item may leave a zero row in the kept sums). */
function asMap(rows: readonly CountsRow[]): Record<string, Counts5> {
  const out: Record<string, Counts5> = {};
  for (const row of rows)
    if (nonZero(row.counts))
      out[`${row.questionnaire.id}@${row.questionnaire.version}|${row.key}|${row.item}`] = row.counts;
  return out;
}

function resum(latest: readonly Latest[], period: Period, keyOf: (b: Latest) => string): Record<string, Counts5> {
  const out: Record<string, Counts5> = {};
  for (const b of latest) {
    if (b.date < period.from || b.date > period.to) continue;
    for (const row of b.rows) {
      const key = `${b.questionnaire.id}@${b.questionnaire.version}|${keyOf(b)}|${row.item}`;
      out[key] = (out[key] ?? [0, 0, 0, 0, 0]).map((n, i) => n + row.counts[i]!) as Counts5;
    }
  }
  for (const [key, counts] of Object.entries(out)) if (!nonZero(counts)) delete out[key];
  return out;
}

function resumTotals(latest: readonly Latest[], period: Period) {
  const out: Record<string, Omit<UnitTotals, 'questionnaire' | 'unitName'>> = {};
  for (const b of latest) {
    if (b.date < period.from || b.date > period.to) continue;
    const key = `${b.questionnaire.id}@${b.questionnaire.version}|${b.unitCode}`;
    const entry = (out[key] ??= {
      unitCode: b.unitCode,
      devices: 0,
      deviceDays: 0,
      counts: { responses: 0, counted: 0, suspect: 0, abandoned: 0 },
    });
    entry.deviceDays += 1;
    for (const name of ['responses', 'counted', 'suspect', 'abandoned'] as const) entry.counts[name] += b.totals[name];
  }
  for (const [key, entry] of Object.entries(out)) {
    const [q] = key.split('|');
    entry.devices = new Set(
      latest
        .filter(
          (b) =>
            `${b.questionnaire.id}@${b.questionnaire.version}` === q &&
            b.unitCode === entry.unitCode &&
            b.date >= period.from &&
            b.date <= period.to,
        )
        .map((b) => b.device.id),
    ).size;
  }
  return out;
}

const PERIODS: Period[] = [
  { from: '2026-02-01', to: '2026-02-28' }, // one whole month: kept month sums only
  { from: '2026-01-25', to: '2026-03-10' }, // the whole span: edges + a month
  { from: '2026-01-31', to: '2026-03-01' }, // one day each side of a whole month
  { from: '2026-02-10', to: '2026-02-20' }, // inside one month: days only
  { from: '2026-01-28', to: '2026-01-28' }, // one day
  { from: '2026-01-01', to: '2026-12-31' }, // a calendar year (months only, most of them empty)
];

export function aggregatesSuite(target: HubTarget): void {
  describe('kept sums', () => {
    const fixture = useHub(target);

    it('equal a re-sum of the latest revisions after random revisions, replacements, stale sends and races', async () => {
      const { hub, db } = fixture();
      const credentials = new Map<string, Awaited<ReturnType<typeof hub.addDevice>>>();
      for (const device of DEVICES) credentials.set(device.deviceId, await hub.addDevice(device));
      const next = random(20_261_201);
      const latest = new Map<string, Latest>();
      let replaced = 0;
      let stale = 0;
      // 16 rounds of 10 sends at once: random device, day, form and revision (1..4), some of them the same key.
      for (let round = 0; round < 16; round += 1) {
        const sends = Array.from({ length: 10 }, () => {
          const device = DEVICES[Math.floor(next() * DEVICES.length)]!;
          const rows = randomRows(next, 6);
          const batch = makeBatch({
            deviceId: device.deviceId,
            unitCode: device.unitCode,
            date: addDays(FIRST_DAY, Math.floor(next() * SPAN)),
            questionnaire: FORMS[Math.floor(next() * FORMS.length)]!,
            revision: 1 + Math.floor(next() * 4),
            rows,
            totals: totalsFor(rows, Math.floor(next() * 3), Math.floor(next() * 3)),
          });
          return { device, batch };
        });
        const answers = await Promise.all(
          sends.map(({ device, batch }) => send(hub.batchesUrl, credentials.get(device.deviceId)!, batch)),
        );
        answers.forEach((answer, i) => {
          const { device, batch } = sends[i]!;
          expect([201, 409]).toContain(answer.status);
          if (answer.status === 409) {
            stale += 1;
            return;
          }
          const key = `${batch.device.id}|${batch.date}|${batch.questionnaire.id}@${batch.questionnaire.version}`;
          const before = latest.get(key);
          if (before) replaced += 1;
          // Two 201s for one key in a round: the higher revision is the one that counts.
          if (!before || before.revision < batch.revision) latest.set(key, { ...batch, unitCode: device.unitCode });
        });
      }
      expect(replaced).toBeGreaterThan(5);
      expect(stale).toBeGreaterThan(5);
      const batches = [...latest.values()];
      // The hub's own pointer agrees with what the test kept.
      for (const b of batches.slice(0, 20))
        expect((await hub.latest(b.device.id, b.date, b.questionnaire))?.revision).toBe(b.revision);

      for (const period of PERIODS) {
        expect(asMap(await hub.store.countsByUnit(period)), `${period.from}…${period.to}`).toEqual(
          resum(batches, period, (b) => b.unitCode),
        );
        expect(asMap(await hub.store.countsByDay(period)), `${period.from}…${period.to}`).toEqual(
          resum(batches, period, (b) => b.date),
        );
        expect(asMap(await hub.store.countsByDay(period, 'A')), `${period.from}…${period.to} A`).toEqual(
          resum(
            batches.filter((b) => b.unitCode === 'A'),
            period,
            (b) => b.date,
          ),
        );
        const totals = Object.fromEntries(
          (await hub.store.unitTotals(period)).map((u) => [
            `${u.questionnaire.id}@${u.questionnaire.version}|${u.unitCode}`,
            { unitCode: u.unitCode, devices: u.devices, deviceDays: u.deviceDays, counts: u.counts },
          ]),
        );
        expect(totals, `${period.from}…${period.to}`).toEqual(resumTotals(batches, period));
      }

      // The kept tables themselves, against a re-sum of the latest revisions' rows.
      const sumOf = async (sql: string) =>
        Object.fromEntries(
          (await target.query(db, sql))
            .filter((r) => nonZero([r.c1, r.c2, r.c3, r.c4, r.c5].map(Number)))
            .map((r) => [String(r.k), [r.c1, r.c2, r.c3, r.c4, r.c5].map(Number)]),
        );
      const resumAll = (keyOf: (b: Latest, item: string) => string) => {
        const out: Record<string, number[]> = {};
        for (const b of batches)
          for (const row of b.rows)
            out[keyOf(b, row.item)] = (out[keyOf(b, row.item)] ?? [0, 0, 0, 0, 0]).map((n, i) => n + row.counts[i]!);
        return Object.fromEntries(Object.entries(out).filter(([, counts]) => nonZero(counts)));
      };
      const key = (...parts: string[]) => parts.join(` || '|' || `);
      const sums = 'SUM(c1) AS c1, SUM(c2) AS c2, SUM(c3) AS c3, SUM(c4) AS c4, SUM(c5) AS c5';
      expect(
        await sumOf(
          `SELECT ${key('date', 'questionnaire_id', 'questionnaire_version', 'item')} AS k, ${sums} FROM day_items GROUP BY 1`,
        ),
      ).toEqual(resumAll((b, item) => `${b.date}|${b.questionnaire.id}|${b.questionnaire.version}|${item}`));

      // Each running row: its device's latest revisions of that questionnaire up to its day, added up.
      const running = await target.query(
        db,
        'SELECT device_id, questionnaire_id, questionnaire_version, date, device_days, responses, counted, suspect, abandoned, item_counts FROM device_running',
      );
      const runningKey = (device: string, id: string, version: unknown, date: string) =>
        `${device}|${id}@${Number(version)}|${date}`;
      const stored: Record<string, { deviceDays: number; counts: number[]; items: Record<string, number[]> }> =
        Object.fromEntries(
          running.map((r) => [
            runningKey(String(r.device_id), String(r.questionnaire_id), r.questionnaire_version, String(r.date)),
            {
              deviceDays: Number(r.device_days),
              counts: [r.responses, r.counted, r.suspect, r.abandoned].map(Number),
              items: Object.fromEntries(
                itemsOf(r.item_counts)
                  .filter(({ counts }) => nonZero(counts))
                  .map(({ item, counts }) => [item, counts]),
              ),
            },
          ]),
        );
      const expected: typeof stored = {};
      for (const day of batches) {
        const upTo = batches.filter(
          (b) =>
            b.device.id === day.device.id &&
            b.questionnaire.id === day.questionnaire.id &&
            b.questionnaire.version === day.questionnaire.version &&
            b.date <= day.date,
        );
        const items: Record<string, number[]> = {};
        for (const b of upTo)
          for (const row of b.rows)
            items[row.item] = (items[row.item] ?? [0, 0, 0, 0, 0]).map((n, i) => n + row.counts[i]!);
        const total = (pick: (b: Latest) => number) => upTo.reduce((n, b) => n + pick(b), 0);
        expected[runningKey(day.device.id, day.questionnaire.id, day.questionnaire.version, day.date)] = {
          deviceDays: upTo.length,
          counts: [
            total((b) => b.totals.responses),
            total((b) => b.totals.counted),
            total((b) => b.totals.suspect),
            total((b) => b.totals.abandoned),
          ],
          items: Object.fromEntries(Object.entries(items).filter(([, counts]) => nonZero(counts))),
        };
      }
      expect(stored).toEqual(expected);
    }, 120_000);
  });
}
