import { describe, expect, it } from 'vitest';
import type { AggregateBatch } from '../../src/contract/syncProtocol';
import type { Period } from '../../src/hub/store/port';
import { makeBatch, send, totalsFor, type Row } from '../support/hubClient';
import { postgresTarget, sqliteTarget, useHub } from '../support/hubTargets';

/**
 * A period is read as each device's running sums at its end minus those before its
 * start (store/running.ts). On both stores, the figures of periods that start and
 * end inside months must equal a plain re-sum of the latest revisions — a device
 * whose only batches are just outside the period included: it is not one of its
 * unit's devices in the period.
 */
const DEVICES = [
  { deviceId: 'kiosk-a1', unitCode: 'A', unitName: 'UBND xã An Bình' },
  { deviceId: 'kiosk-a2', unitCode: 'A', unitName: 'UBND xã An Bình' },
  { deviceId: 'kiosk-b1', unitCode: 'B', unitName: 'UBND phường Tân Phú' },
];

const rows = (n: number): Row[] => [
  { item: 'access', counter: 'C1', field: 'ho-tich', counts: [n % 3, 1, 2, 10 + n, 20] },
  { item: 'officer.1', counter: null, field: null, counts: [1, 0, n % 4, 5, 30 + n] },
];

/** [device, date, revision]: B1 sends only on 1 February, a day the first period takes away. */
const SENDS: Array<[string, string, number]> = [
  ['kiosk-a1', '2026-01-20', 1],
  ['kiosk-a1', '2026-01-31', 1],
  ['kiosk-a1', '2026-02-01', 1],
  ['kiosk-a1', '2026-02-02', 1],
  ['kiosk-a1', '2026-02-02', 2], // replaces the one above
  ['kiosk-a2', '2026-02-02', 1],
  ['kiosk-b1', '2026-02-01', 1],
  ['kiosk-a1', '2026-02-10', 1],
  ['kiosk-a2', '2026-02-27', 1],
  ['kiosk-a1', '2026-03-01', 1],
  ['kiosk-a2', '2026-03-05', 1],
  ['kiosk-a1', '2026-03-20', 1],
];

/** Periods across month ends, inside one month, and whole months. */
const PERIODS: Period[] = [
  { from: '2026-02-03', to: '2026-03-08' }, // leaves out B's only day (1 February)
  { from: '2026-02-01', to: '2026-02-25' },
  { from: '2026-02-03', to: '2026-02-26' },
  { from: '2026-01-20', to: '2026-02-26' },
  { from: '2026-01-20', to: '2026-03-31' },
  { from: '2026-02-10', to: '2026-02-12' },
];

type Counts5 = [number, number, number, number, number];

function resum(latest: ReadonlyArray<AggregateBatch & { unitCode: string }>, { from, to }: Period) {
  const items: Record<string, Counts5> = {};
  const units: Record<string, { devices: Set<string>; deviceDays: number; counts: Record<string, number> }> = {};
  for (const b of latest) {
    if (b.date < from || b.date > to) continue;
    const q = `${b.questionnaire.id}@${b.questionnaire.version}`;
    for (const row of b.rows) {
      const sum = (items[`${q}|${b.unitCode}|${row.item}`] ??= [0, 0, 0, 0, 0]);
      row.counts.forEach((n, i) => (sum[i]! += n));
    }
    const unit = (units[`${q}|${b.unitCode}`] ??= {
      devices: new Set(),
      deviceDays: 0,
      counts: { responses: 0, counted: 0, suspect: 0, abandoned: 0 },
    });
    unit.devices.add(b.device.id);
    unit.deviceDays += 1;
    for (const name of ['responses', 'counted', 'suspect', 'abandoned'] as const) unit.counts[name]! += b.totals[name];
  }
  return {
    items,
    units: Object.fromEntries(
      Object.entries(units).map(([key, u]) => [
        key,
        { devices: u.devices.size, deviceDays: u.deviceDays, counts: u.counts },
      ]),
    ),
  };
}

for (const target of [sqliteTarget(), postgresTarget()]) {
  describe.skipIf(target.skipReason !== null)(`hub periods read from running sums, on ${target.name}`, () => {
    target.setUp();
    const fixture = useHub(target);

    it('equal a plain re-sum of the latest revisions', async () => {
      const { hub } = fixture();
      const credentials = new Map<string, Awaited<ReturnType<typeof hub.addDevice>>>();
      for (const device of DEVICES) credentials.set(device.deviceId, await hub.addDevice(device));
      const latest = new Map<string, AggregateBatch & { unitCode: string }>();
      for (const [i, [deviceId, date, revision]] of SENDS.entries()) {
        const unitCode = DEVICES.find((d) => d.deviceId === deviceId)!.unitCode;
        const batchRows = rows(i);
        const batch = makeBatch({ deviceId, unitCode, date, revision, rows: batchRows, totals: totalsFor(batchRows) });
        expect((await send(hub.batchesUrl, credentials.get(deviceId)!, batch)).status).toBe(201);
        latest.set(`${deviceId}|${date}`, { ...batch, unitCode });
      }

      for (const period of PERIODS) {
        const expected = resum([...latest.values()], period);
        const items = Object.fromEntries(
          (await hub.store.countsByUnit(period))
            .filter((row) => row.counts.some((n) => n !== 0))
            .map((row) => [`${row.questionnaire.id}@${row.questionnaire.version}|${row.key}|${row.item}`, row.counts]),
        );
        expect(items, `${period.from}…${period.to}`).toEqual(expected.items);
        const units = Object.fromEntries(
          (await hub.store.unitTotals(period)).map((u) => [
            `${u.questionnaire.id}@${u.questionnaire.version}|${u.unitCode}`,
            { devices: u.devices, deviceDays: u.deviceDays, counts: u.counts },
          ]),
        );
        expect(units, `${period.from}…${period.to}`).toEqual(expected.units);
      }
      // The first period leaves B's one day out: B is silent there, not a unit with 0 devices.
      const report = await hub.report({ from: '2026-02-03', to: '2026-03-08' });
      expect(report.silentUnits.map((u) => u.unitCode)).toEqual(['B']);
    });
  });
}
