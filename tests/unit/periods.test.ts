import { describe, expect, it } from 'vitest';
import { daysOf, periodContaining } from '../../src/domain/periods';

describe('report periods', () => {
  it.each([
    ['day', '2026-11-30', '2026-11-30', '2026-11-30'],
    ['week', '2026-11-30', '2026-11-30', '2026-12-06'], // a Monday
    ['week', '2026-12-06', '2026-11-30', '2026-12-06'], // a Sunday
    ['month', '2026-02-14', '2026-02-01', '2026-02-28'],
    ['month', '2028-02-14', '2028-02-01', '2028-02-29'],
    ['month', '2026-12-31', '2026-12-01', '2026-12-31'],
    ['quarter', '2026-11-30', '2026-10-01', '2026-12-31'],
    ['quarter', '2026-05-01', '2026-04-01', '2026-06-30'],
    ['year', '2026-07-15', '2026-01-01', '2026-12-31'],
  ] as const)('%s containing %s is %s..%s', (kind, day, from, to) => {
    expect(periodContaining(kind, day)).toEqual({ from, to });
  });

  it('lists the days of a range', () => {
    expect(daysOf({ from: '2026-12-30', to: '2027-01-02' })).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
  });
});
