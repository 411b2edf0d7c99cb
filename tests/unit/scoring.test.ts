import { describe, expect, it } from 'vitest';
import { dimensionOfItem } from '../../src/domain/dimensions';
import {
  isPartial,
  meanOf,
  scoreCounts,
  scoreDistribution,
  scoreDistributions,
  type Distribution,
} from '../../src/domain/scoring';

describe('SIPAS index formulas', () => {
  it('item index is the share of answers at 4 or 5 among valid answers', () => {
    const score = scoreDistribution([1, 1, 2, 3, 3]);
    expect(score.answers).toBe(10);
    expect(score.index).toBe(60);
    expect(score.mean).toBeCloseTo((1 + 2 + 6 + 12 + 15) / 10, 10);
  });

  it('an item without valid answers has no index and no mean, not zero', () => {
    expect(scoreDistribution([0, 0, 0, 0, 0])).toMatchObject({ index: null, mean: null, answers: 0 });
  });

  it('dimension index is the unweighted mean of its items, SIPAS index the mean of dimensions', () => {
    const score = scoreCounts([
      // access.1: 1 of 2 satisfied = 50; access.2: 3 of 3 = 100 → access = 75 (not pooled 80)
      { item: 'access.1', value: 5, count: 1 },
      { item: 'access.1', value: 2, count: 1 },
      { item: 'access.2', value: 4, count: 3 },
      // officer: 0 of 1 → 0
      { item: 'officer', value: 3, count: 1 },
    ]);
    const access = score.dimensions.find((d) => d.dimension === 'access');
    expect(access?.index).toBe(75);
    expect(access?.mean).toBeCloseTo((3.5 + 4) / 2, 10);
    expect(access?.distribution).toEqual([0, 1, 0, 3, 1]);
    expect(score.dimensions.map((d) => d.dimension)).toEqual(['access', 'officer']);
    expect(score.index).toBe(37.5);
    expect(score.answers).toBe(6);
    expect(score.distribution).toEqual([0, 1, 1, 3, 1]);
  });

  it('a SIPAS index over fewer than five dimensions says so', () => {
    const counts = [
      { item: 'access', value: 5, count: 1 },
      { item: 'result', value: 1, count: 1 },
    ];
    expect(scoreCounts(counts)).toMatchObject({ index: 50, coverage: 2 });
    expect(isPartial(scoreCounts(counts))).toBe(true);
  });

  it('orders criteria numerically (access.2 before access.10)', () => {
    const score = scoreCounts([
      { item: 'access.10', value: 5, count: 1 },
      { item: 'access.2', value: 5, count: 1 },
    ]);
    expect(score.dimensions[0]?.items.map((i) => i.item)).toEqual(['access.2', 'access.10']);
  });

  it('rejects values off the five-point scale', () => {
    expect(() => scoreCounts([{ item: 'access', value: 6, count: 1 }])).toThrow(RangeError);
  });

  it('scoring kept distributions gives exactly what scoring the same answers per value gives', () => {
    const items = ['access.1', 'access.2', 'access.10', 'procedure.1', 'officer', 'result', 'feedback.3'];
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 50; round += 1) {
      const byItem = new Map<string, Distribution>();
      for (const item of items) {
        if (next(3) === 0) continue; // some items unanswered that day
        byItem.set(item, [next(4), next(4), next(4), next(9), next(9)]);
      }
      const perValue = [...byItem].flatMap(([item, distribution]) =>
        distribution.flatMap((count, i) => (count > 0 ? [{ item, value: i + 1, count }] : [])),
      );
      expect(scoreDistributions(byItem)).toEqual(scoreCounts(perValue));
    }
  });

  it('meanOf skips nulls and is null for nothing', () => {
    expect(meanOf([null, 4, 2])).toBe(3);
    expect(meanOf([null])).toBeNull();
  });

  it('an item belongs to the dimension its id starts with; an id naming none is refused', () => {
    expect(dimensionOfItem('access')).toBe('access');
    expect(dimensionOfItem('officer.12')).toBe('officer');
    expect(() => dimensionOfItem('accessible.1')).toThrow(/names no SIPAS dimension/);
    expect(() => dimensionOfItem('.access')).toThrow(/names no SIPAS dimension/);
  });
});
