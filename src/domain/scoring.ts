import { dimensionIds, dimensionOfItem, type DimensionId } from './dimensions';
import { SATISFIED_FROM } from './scale';

/**
 * The SIPAS index formulas (DESIGN.md §3).
 * - item index      = answers at 4 or 5 / valid answers to the item × 100
 * - dimension index = unweighted mean of its items' indices
 * - SIPAS index     = mean of the dimension indices (weights configurable, equal by default)
 * Mean scores follow the same shape: item mean, mean of item means, weighted mean of
 * dimension means. Items or dimensions without valid answers are left out of means
 * rather than counted as zero. All values are on the five-point scale.
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
}

export type DimensionWeights = Partial<Record<DimensionId, number>>;

const emptyDistribution = (): Distribution => [0, 0, 0, 0, 0];

function addInto(target: Distribution, source: Distribution): void {
  for (let i = 0; i < 5; i += 1) target[i] = (target[i] ?? 0) + (source[i] ?? 0);
}

export function scoreDistribution(distribution: Distribution): Score {
  const answers = distribution.reduce((sum, n) => sum + n, 0);
  if (answers === 0) return { index: null, mean: null, answers, distribution };
  const satisfied = distribution.slice(SATISFIED_FROM - 1).reduce((sum, n) => sum + n, 0);
  const total = distribution.reduce((sum, n, i) => sum + n * (i + 1), 0);
  return { index: (satisfied / answers) * 100, mean: total / answers, answers, distribution };
}

/** Weighted mean of the non-null values; null when none. */
export function meanOf(values: ReadonlyArray<{ value: number | null; weight?: number }>): number | null {
  let sum = 0;
  let weights = 0;
  for (const { value, weight = 1 } of values) {
    if (value === null) continue;
    sum += value * weight;
    weights += weight;
  }
  return weights === 0 ? null : sum / weights;
}

function combine(parts: ReadonlyArray<Score & { weight?: number }>): Score {
  const distribution = emptyDistribution();
  for (const part of parts) addInto(distribution, part.distribution);
  return {
    index: meanOf(parts.map((p) => ({ value: p.index, weight: p.weight }))),
    mean: meanOf(parts.map((p) => ({ value: p.mean, weight: p.weight }))),
    answers: parts.reduce((sum, p) => sum + p.answers, 0),
    distribution,
  };
}

/** Scores every item, dimension and the SIPAS index from grouped answer counts. */
export function scoreCounts(counts: readonly ItemCount[], weights: DimensionWeights = {}): SipasScore {
  const byItem = new Map<string, Distribution>();
  for (const { item, value, count } of counts) {
    if (!Number.isInteger(value) || value < 1 || value > 5) throw new RangeError(`value ${value} is not on 1..5`);
    const distribution = byItem.get(item) ?? emptyDistribution();
    distribution[value - 1] = (distribution[value - 1] ?? 0) + count;
    byItem.set(item, distribution);
  }
  const items = [...byItem.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([item, distribution]): ItemScore => ({ item, ...scoreDistribution(distribution) }));

  const dimensions = dimensionIds
    .map((dimension): DimensionScore => {
      const own = items.filter((item) => dimensionOfItem(item.item) === dimension);
      return { dimension, items: own, ...combine(own) };
    })
    .filter((dimension) => dimension.items.length > 0);

  const weighted = dimensions.map((d) => ({ ...d, weight: weights[d.dimension] ?? 1 }));
  return { dimensions, ...combine(weighted) };
}
