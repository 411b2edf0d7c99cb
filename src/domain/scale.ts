import type { Language } from './language';

/**
 * Answer scales. SIPAS uses five points; many desk devices rate the officer on
 * three. A three-point answer is mapped onto the five-point point that carries the
 * same words (Không hài lòng = 2, Hài lòng = 4, Rất hài lòng = 5), so indices,
 * means and the sync protocol's five-slot counts stay comparable across items.
 */
export type ScalePoints = 3 | 5;

export const SATISFIED_FROM = 4;

const FIVE_POINT_EQUIVALENT: Record<ScalePoints, readonly number[]> = {
  5: [1, 2, 3, 4, 5],
  3: [2, 4, 5],
};

/**
 * Answer counts on an item's own scale (index 0 = point 1; 3 or 5 entries, as the
 * sync protocol sends them) spread onto the five-point slots they stand for.
 */
export function fivePointCounts(counts: readonly number[]): [number, number, number, number, number] {
  const points = counts.length;
  if (points !== 3 && points !== 5) throw new RangeError(`${points} counts: a scale has 3 or 5 points`);
  const slots: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  counts.forEach((n, i) => {
    const at = toFivePoint(i + 1, points) - 1;
    slots[at] = (slots[at] ?? 0) + n;
  });
  return slots;
}

/** The point on an item's own scale that a five-point value stands for (the inverse of toFivePoint). */
export function fromFivePoint(value5: number, points: ScalePoints): number {
  const score = FIVE_POINT_EQUIVALENT[points].indexOf(value5) + 1;
  if (score === 0) throw new RangeError(`value ${value5} is not a point of a ${points}-point scale`);
  return score;
}

export function toFivePoint(score: number, points: ScalePoints): number {
  const value = FIVE_POINT_EQUIVALENT[points][score - 1];
  if (value === undefined) throw new RangeError(`score ${score} is outside a ${points}-point scale`);
  return value;
}

/** Labels keyed by the five-point value they stand for. */
const LABELS: Record<Language, Record<number, string>> = {
  vi: {
    1: 'Rất không hài lòng',
    2: 'Không hài lòng',
    3: 'Bình thường',
    4: 'Hài lòng',
    5: 'Rất hài lòng',
  },
  en: {
    1: 'Very dissatisfied',
    2: 'Dissatisfied',
    3: 'Neutral',
    4: 'Satisfied',
    5: 'Very satisfied',
  },
};

export interface ScaleChoice {
  /** The value stored for this answer, on the item's own scale (1..points). */
  score: number;
  /** The five-point value it counts as. */
  value5: number;
  label: string;
}

export function scaleChoices(points: ScalePoints, language: Language): ScaleChoice[] {
  return FIVE_POINT_EQUIVALENT[points].map((value5, index) => ({
    score: index + 1,
    value5,
    label: LABELS[language][value5] ?? String(value5),
  }));
}
