/**
 * The SIPAS formulas written a second time, the plainest way, straight from
 * docs/SIPAS.md, to check the app's figures against. Shares no code with src/.
 */
export interface PlainAnswer {
  item: string;
  /** On the item's own scale; null is "no opinion". */
  score: number | null;
  points: 3 | 5;
}

const five = (a: PlainAnswer) => (a.points === 5 ? a.score! : [2, 4, 5][a.score! - 1]!);

export function independentScore(responses: PlainAnswer[][]) {
  const byItem = new Map<string, number[]>();
  for (const answers of responses) {
    for (const a of answers) {
      if (a.score === null) continue;
      byItem.set(a.item, [...(byItem.get(a.item) ?? []), five(a)]);
    }
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const items = new Map(
    [...byItem].map(([item, values]) => [
      item,
      { index: (values.filter((v) => v >= 4).length / values.length) * 100, mean: mean(values), n: values.length },
    ]),
  );
  const dimensions = new Map<string, { index: number; mean: number }>();
  for (const dimension of ['access', 'procedure', 'officer', 'result', 'feedback']) {
    const own = [...items].filter(([item]) => item.split('.')[0] === dimension).map(([, s]) => s);
    if (own.length)
      dimensions.set(dimension, { index: mean(own.map((s) => s.index)), mean: mean(own.map((s) => s.mean)) });
  }
  const all = [...dimensions.values()];
  return {
    items,
    dimensions,
    index: all.length ? mean(all.map((d) => d.index)) : null,
    mean: all.length ? mean(all.map((d) => d.mean)) : null,
    distribution: [1, 2, 3, 4, 5].map((v) => [...byItem.values()].flat().filter((x) => x === v).length),
  };
}
