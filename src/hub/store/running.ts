import type { ResponseCounts } from '../../domain/responseCounts';
import { decodeItemCounts, encodeItemCounts, type Counts5, type ItemCounts, type SumsDelta } from './keptSums';
import type { CountsRow, Period, UnitTotals } from './port';

/**
 * Running sums (schema 5): per device and questionnaire, one row for each day it
 * sent a batch, holding everything its latest revisions hold from its first day
 * up to and including that day — device-days, the four counts and the counts by
 * item. Any period is then two rows per device, whatever its length:
 *
 *     period = (last row on or before `to`) − (last row before `from`)
 *
 * so a year of the country costs the same to read as a week (issue 15: the ranking
 * page < 300 ms for ANY period), instead of adding up a month's or a year's kept
 * rows per request. A batch changes its own day's row and every later row of its
 * device; a country sends its days in order, so that is one new row, and only a
 * kiosk resending an old day rewrites the rows after it.
 *
 * Kept per device rather than per unit: a unit's "devices" figure is the devices
 * whose device-days moved in the period, which sums per unit could not tell.
 */

export interface Running extends ResponseCounts {
  deviceDays: number;
  items: ItemCounts[];
}

export const NOTHING_YET: Running = { deviceDays: 0, responses: 0, counted: 0, suspect: 0, abandoned: 0, items: [] };

/** `item_counts` as either driver returns it: SQLite's text, or PostgreSQL's jsonb already parsed. */
export function itemsOf(value: unknown): ItemCounts[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return decodeItemCounts(value);
  return (value as Array<[string, ...Array<number | string>]>).map(([item, ...counts]) => ({
    item,
    counts: counts.map(Number) as Counts5,
  }));
}

function combineItems(a: readonly ItemCounts[], b: readonly ItemCounts[], sign: 1 | -1): ItemCounts[] {
  const byItem = new Map<string, Counts5>();
  for (const { item, counts } of a) byItem.set(item, [...counts]);
  for (const { item, counts } of b) {
    const sum = byItem.get(item) ?? [0, 0, 0, 0, 0];
    for (let i = 0; i < 5; i += 1) sum[i] = sum[i]! + sign * counts[i]!;
    byItem.set(item, sum);
  }
  return [...byItem.entries()]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([item, counts]) => ({ item, counts }));
}

/** A running row with one batch's change added (the SQLite store; PostgreSQL does the same in SQL). */
export const withDelta = (row: Running, delta: SumsDelta): Running => ({
  deviceDays: row.deviceDays + delta.deviceDays,
  responses: row.responses + delta.totals.responses,
  counted: row.counted + delta.totals.counted,
  suspect: row.suspect + delta.totals.suspect,
  abandoned: row.abandoned + delta.totals.abandoned,
  items: combineItems(row.items, delta.items, 1),
});

/** A running row as stored: its day, and how many times it was written. */
export interface StoredRunning {
  date: string;
  version: number;
  running: Running;
}

export const storedRunningOf = (row: Record<string, unknown>): StoredRunning => ({
  date: String(row.date),
  version: Number(row.version),
  running: runningOf(row),
});

/**
 * What one batch's change does to its device's running rows. `around` is what
 * sql.runningAround reads: the last row before the batch's day, then every row from
 * that day on, by date. Answers the rows to write (each existing one from the day
 * on with the change added, and the day's own row if it had none: the one before
 * it plus the change) and the device's last row once they are written.
 */
export function applyDelta(
  around: readonly StoredRunning[],
  date: string,
  delta: SumsDelta,
): { put: Array<{ date: string; running: Running }>; last: StoredRunning } {
  const before = around[0] && around[0].date < date ? around[0] : null;
  const put: Array<{ date: string; running: Running }> = [];
  const after: StoredRunning[] = [];
  for (const row of around) {
    if (row.date < date) continue;
    const running = withDelta(row.running, delta);
    put.push({ date: row.date, running });
    after.push({ date: row.date, version: row.version + 1, running });
  }
  if (after[0]?.date !== date) {
    const running = withDelta(before?.running ?? NOTHING_YET, delta);
    put.unshift({ date, running });
    after.unshift({ date, version: 1, running });
  }
  return { put, last: after[after.length - 1]! };
}

/** A running row's values in sql.putRunning's order, after the key and the day. */
export const runningValues = (running: Running) =>
  [
    running.deviceDays,
    running.responses,
    running.counted,
    running.suspect,
    running.abandoned,
    encodeItemCounts(running.items),
  ] as const;

/** A running row as both stores select it (snake_case columns, numbers maybe as strings). */
export const runningOf = (row: Record<string, unknown>, prefix = ''): Running => ({
  deviceDays: Number(row[`${prefix}device_days`]),
  responses: Number(row[`${prefix}responses`]),
  counted: Number(row[`${prefix}counted`]),
  suspect: Number(row[`${prefix}suspect`]),
  abandoned: Number(row[`${prefix}abandoned`]),
  items: itemsOf(row[`${prefix}item_counts`]),
});

/** One row of sql.periodEnds: a device's running row at the period's end and, if any, before its start. */
export interface PeriodEndsRow {
  device_id: string;
  unit_code: string;
  unit_name: string;
  questionnaire_id: string;
  questionnaire_version: number | string;
  [column: string]: unknown;
}

export interface UnitPeriod {
  counts: CountsRow[];
  totals: UnitTotals[];
}

const nonZero = (counts: readonly number[]) => counts.some((n) => n !== 0);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Adds (sign 1) or takes away (−1) an item_counts as stored into per-item sums,
 * straight from the parsed JSON: a country's period is 13,000 of them, and an
 * object per item and row cost more than everything else the page does.
 */
function addItemsInto(sums: Map<string, Counts5>, value: unknown, sign: 1 | -1): void {
  if (value === null || value === undefined) return;
  const list = (typeof value === 'string' ? JSON.parse(value) : value) as Array<[string, ...number[]]>;
  for (const entry of list) {
    let sum = sums.get(entry[0]);
    if (!sum) sums.set(entry[0], (sum = [0, 0, 0, 0, 0]));
    for (let k = 0; k < 5; k += 1) sum[k] = sum[k]! + sign * Number(entry[k + 1]);
  }
}

const numberOr0 = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

interface UnitSums {
  totals: UnitTotals;
  items: Map<string, Counts5>;
}

/**
 * Every unit's figures for a period from its devices' two running rows, taken one row
 * at a time (`add`) so that a store can hand rows over as they arrive and keep none:
 * the counts by item (CountsRow keyed by unit) and the four counts with devices and
 * device-days. A device counts among its unit's devices when its device-days moved
 * in the period.
 */
export class UnitPeriodSums {
  private readonly units = new Map<string, UnitSums>();

  add(row: PeriodEndsRow): void {
    const deviceDays = numberOr0(row.end_device_days) - numberOr0(row.start_device_days);
    if (deviceDays <= 0) return;
    const version = Number(row.questionnaire_version);
    const key = `${row.questionnaire_id}\u0000${version}\u0000${row.unit_code}`;
    let unit = this.units.get(key);
    if (!unit) {
      unit = {
        totals: {
          unitCode: row.unit_code,
          unitName: row.unit_name,
          questionnaire: { id: row.questionnaire_id, version },
          devices: 0,
          deviceDays: 0,
          counts: { responses: 0, counted: 0, suspect: 0, abandoned: 0 },
        },
        items: new Map(),
      };
      this.units.set(key, unit);
    }
    const { totals, items } = unit;
    if (row.unit_name < totals.unitName) totals.unitName = row.unit_name;
    totals.devices += 1;
    totals.deviceDays += deviceDays;
    totals.counts.responses += numberOr0(row.end_responses) - numberOr0(row.start_responses);
    totals.counts.counted += numberOr0(row.end_counted) - numberOr0(row.start_counted);
    totals.counts.suspect += numberOr0(row.end_suspect) - numberOr0(row.start_suspect);
    totals.counts.abandoned += numberOr0(row.end_abandoned) - numberOr0(row.start_abandoned);
    addItemsInto(items, row.end_item_counts, 1);
    addItemsInto(items, row.start_item_counts, -1);
  }

  result(): UnitPeriod {
    const ordered = [...this.units.values()].sort(
      (a, b) =>
        byText(a.totals.questionnaire.id, b.totals.questionnaire.id) ||
        a.totals.questionnaire.version - b.totals.questionnaire.version ||
        byText(a.totals.unitCode, b.totals.unitCode),
    );
    const counts: CountsRow[] = [];
    for (const { totals, items } of ordered)
      for (const [item, sum] of items)
        if (nonZero(sum)) counts.push({ questionnaire: totals.questionnaire, key: totals.unitCode, item, counts: sum });
    return { counts, totals: ordered.map((u) => u.totals) };
  }
}

/** UnitPeriodSums of rows read all at once (the SQLite store). */
export function unitPeriodOf(rows: readonly PeriodEndsRow[]): UnitPeriod {
  const sums = new UnitPeriodSums();
  for (const row of rows) sums.add(row);
  return sums.result();
}

/** One row of sql.unitRunningDays: a running row of one of the unit's devices, by date. */
export interface RunningDayRow {
  device_id: string;
  questionnaire_id: string;
  questionnaire_version: number | string;
  date: string;
  item_counts: unknown;
}

/**
 * One unit's counts by day in a period from its devices' running rows, ordered by
 * device, questionnaire and date, each group's first row possibly the last one
 * before `from`: a day's counts are its row minus the device's previous one.
 */
export function unitDaysOf(rows: readonly RunningDayRow[], { from }: Period): CountsRow[] {
  const byKey = new Map<string, CountsRow>();
  let group = '';
  let previous: ItemCounts[] = [];
  for (const row of rows) {
    const version = Number(row.questionnaire_version);
    const rowGroup = `${row.device_id}\u0000${row.questionnaire_id}\u0000${version}`;
    if (rowGroup !== group) {
      group = rowGroup;
      previous = [];
    }
    const items = itemsOf(row.item_counts);
    if (row.date >= from)
      for (const { item, counts } of combineItems(items, previous, -1)) {
        if (!nonZero(counts)) continue;
        const key = `${row.questionnaire_id}\u0000${version}\u0000${row.date}\u0000${item}`;
        const seen = byKey.get(key);
        if (seen) for (let i = 0; i < 5; i += 1) seen.counts[i] = seen.counts[i]! + counts[i]!;
        else
          byKey.set(key, {
            questionnaire: { id: row.questionnaire_id, version },
            key: row.date,
            item,
            counts: [...counts],
          });
      }
    previous = items;
  }
  return [...byKey.values()];
}
