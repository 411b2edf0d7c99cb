import { DIMENSION_COUNT, dimensionIds, dimensionOfItem, type DimensionId } from './dimensions';
import { SATISFIED_FROM } from './scale';

/**
 * The SIPAS index formulas (docs/SIPAS.md).
 * - item index      = answers at 4 or 5 / valid answers to the item × 100
 * - dimension index = unweighted mean of its items' indices
 * - SIPAS index     = unweighted mean of the dimension indices (no official weights exist)
 * Mean scores follow the same shape. Items or dimensions without valid answers are left
 * out of means rather than counted as zero — and a SIPAS figure over fewer than five
 * dimensions says so (`coverage`). All values are on the five-point scale.
 *
 * The counts given to scoreCounts must come from ONE questionnaire version: the quick
 * form's one access question and the full form's four are different instruments, and
 * pooling them weighs each form by how often it was used. Use scoreByQuestionnaire.
 */

/** Answers at points 1..5 (index 0 is point 1). */
export type Distribution = [number, number, number, number, number];

export interface ItemCount {
  item: string;
  /** Five-point value (1..5). */
  value: number;
  count: number;
}

export interface Score {
  /** Percentage satisfied, 0..100, or null without valid answers. */
  index: number | null;
  /** Mean score on 1..5, or null without valid answers. */
  mean: number | null;
  /** Valid answers counted. */
  answers: number;
  distribution: Distribution;
}

export interface ItemScore extends Score {
  item: string;
}

export interface DimensionScore extends Score {
  dimension: DimensionId;
  items: ItemScore[];
}

export interface SipasScore extends Score {
  dimensions: DimensionScore[];
  /** Dimensions with valid answers (0..5): a SIPAS index over fewer than five is labelled "4/5 yếu tố". */
  coverage: number;
}

export const isPartial = (score: Pick<SipasScore, 'coverage'>): boolean => score.coverage < DIMENSION_COUNT;

/** access.2 before access.10. One collator: localeCompare with options builds one per call. */
const byItemId = new Intl.Collator('en', { numeric: true }).compare;

const emptyDistribution = (): Distribution => [0, 0, 0, 0, 0];

function addInto(target: Distribution, source: Distribution): void {
  for (let i = 0; i < 5; i += 1) target[i] = (target[i] ?? 0) + (source[i] ?? 0);
}

/** One loop and no intermediate arrays: a year's trend scores every item of every day. */
export function scoreDistribution(distribution: Distribution): Score {
  let answers = 0;
  let satisfied = 0;
  let total = 0;
  for (let point = 1; point <= 5; point += 1) {
    const n = distribution[point - 1] ?? 0;
    answers += n;
    total += n * point;
    if (point >= SATISFIED_FROM) satisfied += n;
  }
  if (answers === 0) return { index: null, mean: null, answers, distribution };
  return { index: (satisfied / answers) * 100, mean: total / answers, answers, distribution };
}

/** Unweighted mean of the non-null values; null when none. */
export function meanOf(values: ReadonlyArray<number | null>): number | null {
  let sum = 0;
  let n = 0;
  for (const value of values) {
    if (value === null) continue;
    sum += value;
    n += 1;
  }
  return n === 0 ? null : sum / n;
}

/**
 * A dimension from its items, or the SIPAS figure from its dimensions: unweighted
 * means of the parts' figures (meanOf's sums, in the same order) and their answers
 * and distributions added. One loop: a country's report runs this some 20,000 times.
 */
function combine(parts: readonly Score[]): Score {
  const distribution = emptyDistribution();
  let indexSum = 0;
  let indices = 0;
  let meanSum = 0;
  let means = 0;
  let answers = 0;
  for (const part of parts) {
    addInto(distribution, part.distribution);
    if (part.index !== null) {
      indexSum += part.index;
      indices += 1;
    }
    if (part.mean !== null) {
      meanSum += part.mean;
      means += 1;
    }
    answers += part.answers;
  }
  return {
    index: indices === 0 ? null : indexSum / indices,
    mean: means === 0 ? null : meanSum / means,
    answers,
    distribution,
  };
}

/** Scores every item, dimension and the SIPAS index from one questionnaire version's grouped answer counts. */
export function scoreCounts(counts: readonly ItemCount[]): SipasScore {
  const byItem = new Map<string, Distribution>();
  for (const { item, value, count } of counts) {
    if (!Number.isInteger(value) || value < 1 || value > 5) throw new RangeError(`value ${value} is not on 1..5`);
    const distribution = byItem.get(item) ?? emptyDistribution();
    distribution[value - 1] = (distribution[value - 1] ?? 0) + count;
    byItem.set(item, distribution);
  }
  return scoreDistributions(byItem);
}

/**
 * The same score from each item's distribution, as counts kept one row per item
 * hold them: a year's trend scores 365 days, and spreading every row into five
 * per-value objects first was most of what it allocated.
 */
export function scoreDistributions(byItem: ReadonlyMap<string, Distribution>): SipasScore {
  const items: ItemScore[] = [];
  for (const [item, distribution] of byItem) {
    const { index, mean, answers } = scoreDistribution(distribution);
    // An item nobody answered has no row among counts: scored alike, whichever form the counts take.
    if (answers > 0) items.push({ item, index, mean, answers, distribution });
  }
  items.sort((a, b) => byItemId(a.item, b.item));

  // One pass over the items: reports score every day of a year, so this runs thousands of times.
  const byDimension = new Map<DimensionId, ItemScore[]>();
  for (const item of items) {
    const dimension = dimensionOfItem(item.item);
    const own = byDimension.get(dimension);
    if (own) own.push(item);
    else byDimension.set(dimension, [item]);
  }
  const dimensions: DimensionScore[] = [];
  let coverage = 0;
  for (const dimension of dimensionIds) {
    const own = byDimension.get(dimension);
    if (!own) continue;
    const { index, mean, answers, distribution } = combine(own);
    dimensions.push({ dimension, items: own, index, mean, answers, distribution });
    if (index !== null) coverage += 1;
  }
  const { index, mean, answers, distribution } = combine(dimensions);
  return { dimensions, coverage, index, mean, answers, distribution };
}

/** A questionnaire version: the unit every index is computed for. */
export interface QuestionnaireRef {
  id: string;
  version: number;
}

export const questionnaireKey = (ref: QuestionnaireRef): string => `${ref.id}@${ref.version}`;

export const sameQuestionnaire = (a: QuestionnaireRef, b: QuestionnaireRef): boolean =>
  a.id === b.id && a.version === b.version;

export interface QuestionnaireScore {
  questionnaire: QuestionnaireRef;
  score: SipasScore;
}

/**
 * Scores counts that may span several questionnaire versions: one SipasScore per
 * version, never pooled. Ordered by id, then newest version first.
 */
export function scoreByQuestionnaire(
  counts: ReadonlyArray<ItemCount & { questionnaire: QuestionnaireRef }>,
): QuestionnaireScore[] {
  const groups = new Map<string, { questionnaire: QuestionnaireRef; counts: ItemCount[] }>();
  for (const row of counts) {
    const key = questionnaireKey(row.questionnaire);
    const group = groups.get(key) ?? {
      questionnaire: { id: row.questionnaire.id, version: row.questionnaire.version },
      counts: [],
    };
    group.counts.push({ item: row.item, value: row.value, count: row.count });
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort(
      (a, b) =>
        a.questionnaire.id.localeCompare(b.questionnaire.id) || b.questionnaire.version - a.questionnaire.version,
    )
    .map(({ questionnaire, counts: own }) => ({ questionnaire, score: scoreCounts(own) }));
}

/** Default minimum of counted responses for a unit to be ranked (the hub's setting). */
export const DEFAULT_MIN_RANKED_SAMPLE = 30;

/** A unit is ranked only on a full SIPAS (all five dimensions) over at least the minimum sample. */
export const isRankable = (
  score: Pick<SipasScore, 'coverage' | 'index'>,
  counted: number,
  minSample: number,
): boolean => score.index !== null && !isPartial(score) && counted >= minSample;
