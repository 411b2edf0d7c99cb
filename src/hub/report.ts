import { dimensionIds, type DimensionId } from '../domain/dimensions';
import { addDays, isLocalDay, localDayOf } from '../domain/localDay';
import { scoreCounts, type ItemCount, type SipasScore } from '../domain/scoring';
import type { CountsRow, DeviceStatus, HubStore, Period } from './store/port';

/**
 * The hub's figures: SQL sums the latest revisions' counts per unit (or day) and
 * item, and the kiosk's own scoreCounts turns them into indices, so a commune's
 * index at the hub is computed exactly as on its kiosk.
 */

export interface UnitScore {
  rank: number | null;
  unitCode: string;
  unitName: string;
  devices: number;
  deviceDays: number;
  responses: number;
  excluded: number;
  /** Valid answers counted across all items. */
  answers: number;
  sipas: number | null;
  dimensions: Record<DimensionId, number | null>;
}

export interface TrendPoint {
  date: string;
  sipas: number | null;
  answers: number;
}

export interface LateDevice extends DeviceStatus {
  /** Days from the last reported one (or registration) up to yesterday without a batch. */
  daysMissing: number;
}

export interface HubReport {
  period: Period;
  today: string;
  overall: { sipas: number | null; dimensions: Record<DimensionId, number | null>; answers: number };
  units: UnitScore[];
  /** The daily index of every unit together, or of trendUnit alone. */
  trendUnit: string | null;
  trend: TrendPoint[];
  late: LateDevice[];
}

export const MAX_PERIOD_DAYS = 1100;

export class BadPeriodError extends Error {
  readonly code = 'bad_period';
}

/** from/to from a query string; by default the 30 days up to yesterday (today is not over). */
export function periodFrom(query: { from?: string; to?: string }, now: number): Period {
  const yesterday = addDays(localDayOf(now), -1);
  const to = query.to || yesterday;
  const from = query.from || addDays(to, -29);
  if (!isLocalDay(from) || !isLocalDay(to)) throw new BadPeriodError('from, to: dates written YYYY-MM-DD');
  if (from > to) throw new BadPeriodError('from: after to');
  if (addDays(from, MAX_PERIOD_DAYS) < to) throw new BadPeriodError(`the period is longer than ${MAX_PERIOD_DAYS} days`);
  return { from, to };
}

const itemCounts = (rows: readonly CountsRow[]): ItemCount[] =>
  rows.flatMap((row) => row.counts.map((count, i) => ({ item: row.item, value: i + 1, count })));

function dimensionIndices(score: SipasScore): Record<DimensionId, number | null> {
  const byId = new Map(score.dimensions.map((d) => [d.dimension, d.index]));
  return Object.fromEntries(dimensionIds.map((id) => [id, byId.get(id) ?? null])) as Record<DimensionId, number | null>;
}

function groupByKey(rows: readonly CountsRow[]): Map<string, CountsRow[]> {
  const groups = new Map<string, CountsRow[]>();
  for (const row of rows) groups.set(row.key, [...(groups.get(row.key) ?? []), row]);
  return groups;
}

/** Highest index first; equal indices share a rank; units without answers come last, unranked. */
function rankUnits(units: UnitScore[]): UnitScore[] {
  const sorted = [...units].sort((a, b) => (b.sipas ?? -1) - (a.sipas ?? -1) || a.unitCode.localeCompare(b.unitCode));
  sorted.forEach((unit, i) => {
    const previous = sorted[i - 1];
    unit.rank = unit.sipas === null ? null : previous && previous.sipas === unit.sipas ? previous.rank : i + 1;
  });
  return sorted;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * A device is late when yesterday (the last day that is over) has no batch: its
 * missing days run from the day after its last batch, or from the day it was
 * registered if it never sent one, up to yesterday. This reads SYNC-PROTOCOL.md's
 * "a day is sent once it is over" as every day, even one without answers
 * (rows: []); a kiosk that skips empty days shows as late until its next batch.
 */
export function lateDevices(statuses: readonly DeviceStatus[], now: number): LateDevice[] {
  const yesterday = addDays(localDayOf(now), -1);
  return statuses
    .map((d) => ({
      ...d,
      daysMissing: d.lastDate === null ? daysBetween(localDayOf(Date.parse(d.createdAt)), yesterday) + 1 : daysBetween(d.lastDate, yesterday),
    }))
    .filter((d) => d.daysMissing > 0)
    .sort((a, b) => b.daysMissing - a.daysMissing || a.deviceId.localeCompare(b.deviceId));
}

export async function buildReport(store: HubStore, period: Period, now: number, trendUnit?: string): Promise<HubReport> {
  const [unitRows, dayRows, totals, statuses] = await Promise.all([
    store.countsByUnit(period),
    store.countsByDay(period, trendUnit),
    store.unitTotals(period),
    store.deviceStatuses(),
  ]);
  const byUnit = groupByKey(unitRows);
  const units = totals.map((unit): UnitScore => {
    const score = scoreCounts(itemCounts(byUnit.get(unit.unitCode) ?? []));
    return { rank: null, ...unit, answers: score.answers, sipas: score.index, dimensions: dimensionIndices(score) };
  });
  const overallScore = scoreCounts(itemCounts(unitRows));
  const byDay = groupByKey(dayRows);
  const trend: TrendPoint[] = [];
  for (let date = period.from; date <= period.to; date = addDays(date, 1)) {
    const score = scoreCounts(itemCounts(byDay.get(date) ?? []));
    trend.push({ date, sipas: score.index, answers: score.answers });
  }
  return {
    period,
    today: localDayOf(now),
    overall: { sipas: overallScore.index, dimensions: dimensionIndices(overallScore), answers: overallScore.answers },
    units: rankUnits(units),
    trendUnit: trendUnit ?? null,
    trend,
    late: lateDevices(statuses, now),
  };
}
