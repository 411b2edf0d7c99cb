import { dimensionIds, type DimensionId } from '../domain/dimensions';
import { addDays, isLocalDay, localDayOf } from '../domain/localDay';
import { addCounts, emptyCounts, type ResponseCounts } from '../domain/responseCounts';
import {
  isRankable,
  meanOf,
  questionnaireKey,
  scoreDistributions,
  type Distribution,
  type QuestionnaireRef,
  type SipasScore,
} from '../domain/scoring';
import type { CountsRow, DeviceStatus, HubStore, Period, UnitRecord, UnitTotals } from './store/port';

/**
 * The hub's figures, per questionnaire (id + version) and never pooled across
 * them: SQL sums the latest revisions' counts per questionnaire, unit (or day)
 * and item, and the kiosk's own scoring (scoreDistributions, the core of
 * scoreCounts in src/domain/scoring.ts) turns them into indices, so a
 * commune's index at the hub is computed exactly as on its kiosk.
 *
 * Ranking: only a unit with all five dimensions and at least `minSample` counted
 * responses in the period is ranked; the others are listed apart ("chưa đủ mẫu").
 * The all-units figure is the MEAN OF THE RANKED UNITS (each unit weighs the same,
 * whatever its number of responses), not the answers of every unit pooled.
 */

export type NotRankedReason = 'partial' | 'small_sample';

export interface UnitScore {
  rank: number | null;
  /** null when ranked; why not otherwise (a partial SIPAS is reported first). */
  notRanked: NotRankedReason | null;
  unitCode: string;
  unitName: string;
  devices: number;
  deviceDays: number;
  counts: ResponseCounts;
  /** Valid answers counted across all items. */
  answers: number;
  sipas: number | null;
  /** Dimensions with valid answers (0..5). */
  coverage: number;
  dimensions: Record<DimensionId, number | null>;
}

/** The all-units row: the unweighted mean of the ranked units' figures. */
export interface AllUnits {
  basis: 'mean_of_ranked_units';
  units: number;
  sipas: number | null;
  dimensions: Record<DimensionId, number | null>;
}

export interface TrendPoint {
  date: string;
  sipas: number | null;
  coverage: number;
  answers: number;
}

export interface QuestionnaireReport {
  questionnaire: QuestionnaireRef;
  /** Every unit's batches of this questionnaire added: counts only, never an index. */
  counts: ResponseCounts;
  ranked: UnitScore[];
  /** Units with answers to this questionnaire that are not ranked: "chưa đủ mẫu". */
  notRanked: UnitScore[];
  allUnits: AllUnits;
  /** The daily index of the answers of every unit of that day pooled, or of trendUnit alone. */
  trend: TrendPoint[];
}

export interface LateDevice extends DeviceStatus {
  /** Days from the last reported one (or registration) up to yesterday without a batch. */
  daysMissing: number;
}

/** What data the report was computed from (the page says it: "số liệu đã nhận tính đến …"). */
export interface ReportAsOf {
  /** The store's data version read before the report's queries (null: not read). */
  dataVersion: string | null;
  /** When it was computed, ISO: every batch stored before then is in it. */
  computedAt: string;
}

export interface HubReport {
  period: Period;
  asOf: ReportAsOf;
  today: string;
  minSample: number;
  /** One section per questionnaire version with batches in the period, by id then newest version. */
  questionnaires: QuestionnaireReport[];
  /** Registered units without any batch in the period. */
  silentUnits: UnitRecord[];
  trendUnit: string | null;
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
  if (addDays(from, MAX_PERIOD_DAYS) < to)
    throw new BadPeriodError(`the period is longer than ${MAX_PERIOD_DAYS} days`);
  return { from, to };
}

function dimensionIndices(score: SipasScore): Record<DimensionId, number | null> {
  const indices = {} as Record<DimensionId, number | null>;
  for (const id of dimensionIds) indices[id] = null;
  for (const d of score.dimensions) indices[d.dimension] = d.index;
  return indices;
}

/** One collator for the country's sort (String#localeCompare builds one per call): the same order. */
const byCode = new Intl.Collator().compare;

/** Each item's distribution (c1..c5): what scoreDistributions scores. */
type ItemDistributions = Map<string, Distribution>;

/**
 * Rows grouped by questionnaire, then by `key` (unit code or date), then item. The
 * rows' own count arrays become the distributions (a country's period is ~20,000
 * rows: no per-value objects); an item met twice is added up.
 */
function groupRows(rows: readonly CountsRow[]): Map<string, Map<string, ItemDistributions>> {
  const groups = new Map<string, Map<string, ItemDistributions>>();
  for (const row of rows) {
    const q = questionnaireKey(row.questionnaire);
    let byKey = groups.get(q);
    if (!byKey) groups.set(q, (byKey = new Map<string, ItemDistributions>()));
    let items = byKey.get(row.key);
    if (!items) byKey.set(row.key, (items = new Map<string, Distribution>()));
    const seen = items.get(row.item);
    if (seen) for (let i = 0; i < 5; i += 1) seen[i]! += row.counts[i]!;
    else items.set(row.item, row.counts);
  }
  return groups;
}

const NO_ITEMS: ItemDistributions = new Map();

/** Highest index first; equal indices share a rank. */
function rank(units: UnitScore[]): UnitScore[] {
  const sorted = [...units].sort((a, b) => (b.sipas ?? -1) - (a.sipas ?? -1) || byCode(a.unitCode, b.unitCode));
  sorted.forEach((unit, i) => {
    const previous = sorted[i - 1];
    unit.rank = previous && previous.sipas === unit.sipas ? previous.rank : i + 1;
  });
  return sorted;
}

function allUnitsOf(ranked: readonly UnitScore[]): AllUnits {
  return {
    basis: 'mean_of_ranked_units',
    units: ranked.length,
    sipas: meanOf(ranked.map((u) => u.sipas)),
    dimensions: Object.fromEntries(
      dimensionIds.map((id) => [id, meanOf(ranked.map((u) => u.dimensions[id]))]),
    ) as Record<DimensionId, number | null>,
  };
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * A device is late when yesterday (the last day that is over) has no batch: its
 * missing days run from the day after its last batch, or from the day it was
 * registered if it never sent one, up to yesterday. A kiosk sends nothing for a
 * day without responses, so a device idle for days shows as late until its next batch.
 */
export function lateDevices(statuses: readonly DeviceStatus[], now: number): LateDevice[] {
  const yesterday = addDays(localDayOf(now), -1);
  const late: LateDevice[] = [];
  for (const d of statuses) {
    const daysMissing =
      d.lastDate === null
        ? daysBetween(localDayOf(Date.parse(d.createdAt)), yesterday) + 1
        : daysBetween(d.lastDate, yesterday);
    if (daysMissing > 0) late.push({ ...d, daysMissing });
  }
  return late.sort((a, b) => b.daysMissing - a.daysMissing || a.deviceId.localeCompare(b.deviceId));
}

function sectionOf(
  questionnaire: QuestionnaireRef,
  totals: readonly UnitTotals[],
  byUnit: Map<string, ItemDistributions>,
  byDay: Map<string, ItemDistributions>,
  period: Period,
  minSample: number,
): QuestionnaireReport {
  const units = totals.map((unit): UnitScore => {
    // scoring.ts's own scoring of grouped counts (scoreCounts groups per-value rows, then calls it).
    const score = scoreDistributions(byUnit.get(unit.unitCode) ?? NO_ITEMS);
    const rankable = isRankable(score, unit.counts.counted, minSample);
    return {
      rank: null,
      notRanked: rankable
        ? null
        : score.index === null || score.coverage < dimensionIds.length
          ? 'partial'
          : 'small_sample',
      unitCode: unit.unitCode,
      unitName: unit.unitName,
      devices: unit.devices,
      deviceDays: unit.deviceDays,
      counts: unit.counts,
      answers: score.answers,
      sipas: score.index,
      coverage: score.coverage,
      dimensions: dimensionIndices(score),
    };
  });
  const ranked = rank(units.filter((u) => u.notRanked === null));
  const notRanked = units
    .filter((u) => u.notRanked !== null)
    .sort((a, b) => b.counts.counted - a.counts.counted || byCode(a.unitCode, b.unitCode));
  const trend: TrendPoint[] = [];
  for (let date = period.from; date <= period.to; date = addDays(date, 1)) {
    const score = scoreDistributions(byDay.get(date) ?? NO_ITEMS);
    trend.push({ date, sipas: score.index, coverage: score.coverage, answers: score.answers });
  }
  return {
    questionnaire,
    counts: totals.reduce((sum, u) => addCounts(sum, u.counts), emptyCounts()),
    ranked,
    notRanked,
    allUnits: allUnitsOf(ranked),
    trend,
  };
}

export async function buildReport(
  store: HubStore,
  period: Period,
  now: number,
  minSample: number,
  trendUnit?: string,
  dataVersion: string | null = null,
): Promise<HubReport> {
  const [unitRows, dayRows, totals, registered, statuses] = await Promise.all([
    store.countsByUnit(period),
    store.countsByDay(period, trendUnit),
    store.unitTotals(period),
    store.units(),
    store.deviceStatuses(),
  ]);
  const byQuestionnaire = new Map<string, { questionnaire: QuestionnaireRef; totals: UnitTotals[] }>();
  for (const unit of totals) {
    const key = questionnaireKey(unit.questionnaire);
    const entry = byQuestionnaire.get(key) ?? { questionnaire: unit.questionnaire, totals: [] };
    entry.totals.push(unit);
    byQuestionnaire.set(key, entry);
  }
  const unitGroups = groupRows(unitRows);
  const dayGroups = groupRows(dayRows);
  const questionnaires = [...byQuestionnaire.entries()]
    .sort(
      ([, a], [, b]) =>
        a.questionnaire.id.localeCompare(b.questionnaire.id) || b.questionnaire.version - a.questionnaire.version,
    )
    .map(([key, { questionnaire, totals: own }]) =>
      sectionOf(
        questionnaire,
        own,
        unitGroups.get(key) ?? new Map(),
        dayGroups.get(key) ?? new Map(),
        period,
        minSample,
      ),
    );
  const active = new Set(totals.map((t) => t.unitCode));
  return {
    period,
    asOf: { dataVersion, computedAt: new Date(now).toISOString() },
    today: localDayOf(now),
    minSample,
    questionnaires,
    silentUnits: registered.filter((u) => !active.has(u.unitCode)),
    trendUnit: trendUnit ?? null,
    late: lateDevices(statuses, now),
  };
}
