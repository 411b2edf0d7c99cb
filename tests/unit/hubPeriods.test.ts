import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/localDay';
import { splitPeriod } from '../../src/hub/store/periods';

/** store/periods.ts: the parts a period is read in count every day of it exactly once, and no other day. */

const daysOf = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
};

/** How many times each day is counted: +1 per whole month and added range, −1 per range taken away. */
function coverage(from: string, to: string): Map<string, number> {
  const { months, head, tail, minusHead, minusTail } = splitPeriod({ from, to });
  const times = new Map<string, number>();
  const add = (days: string[], sign: number) => days.forEach((d) => times.set(d, (times.get(d) ?? 0) + sign));
  if (months.from <= months.to)
    add(daysOf(`${months.from}-01`, addDays(`${addDays(`${months.to}-01`, 32).slice(0, 7)}-01`, -1)), 1);
  for (const part of [head, tail]) if (part.from <= part.to) add(daysOf(part.from, part.to), 1);
  for (const part of [minusHead, minusTail]) if (part.from <= part.to) add(daysOf(part.from, part.to), -1);
  return times;
}

describe('hub period parts', () => {
  it('count each day of any period once and every other day zero times', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 120 }), (start, length) => {
        const from = addDays('2024-01-01', start);
        const to = addDays(from, length);
        const times = coverage(from, to);
        for (const [day, n] of times) if (n !== (day >= from && day <= to ? 1 : 0)) return false;
        return daysOf(from, to).every((day) => times.get(day) === 1);
      }),
      { numRuns: 150 },
    );
  });

  it('reads a month minus the days left out when that is fewer days than the days themselves', () => {
    // The default page on 2 December: 3 November – 1 December.
    expect(splitPeriod({ from: '2026-11-03', to: '2026-12-01' })).toEqual({
      months: { from: '2026-11', to: '2026-11' },
      head: { from: '9999-12-31', to: '0000-01-01' },
      tail: { from: '2026-12-01', to: '2026-12-01' },
      minusHead: { from: '2026-11-01', to: '2026-11-02' },
      minusTail: { from: '9999-12-31', to: '0000-01-01' },
    });
    // A few days inside a month stay days.
    expect(splitPeriod({ from: '2026-02-10', to: '2026-02-12' }).head).toEqual({
      from: '2026-02-10',
      to: '2026-02-12',
    });
    // A whole year is twelve months, nothing else.
    const year = splitPeriod({ from: '2025-01-01', to: '2025-12-31' });
    expect(year.months).toEqual({ from: '2025-01', to: '2025-12' });
    expect([year.head, year.tail, year.minusHead, year.minusTail].every((p) => p.from > p.to)).toBe(true);
  });
});
