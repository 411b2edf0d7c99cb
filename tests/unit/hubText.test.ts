import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount, formatIndex } from '../../src/hub/text';

/** The hub writes numbers by hand for speed; they must read exactly as Intl's vi-VN writes them. */
const percent = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat('vi-VN');

describe('hub number writing', () => {
  it('an index: one decimal with a comma, as Intl vi-VN', () => {
    for (const value of [0, 0.05, 0.15, 12.25, 87.45, 99.95, 100, (2 / 3) * 100, 1234.56])
      expect(formatIndex(value)).toBe(percent.format(value));
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        (value) => formatIndex(value) === percent.format(value),
      ),
      { numRuns: 5000 },
    );
    // Any fraction a count of answers can make.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        (a, b) => formatIndex(((a % (b + 1)) / b) * 100) === percent.format(((a % (b + 1)) / b) * 100),
      ),
      { numRuns: 5000 },
    );
    expect(formatIndex(null)).toBe('–');
  });

  it('a count: dots between thousands, as Intl vi-VN', () => {
    for (const value of [0, 7, 999, 1000, 12_345, 1_234_567, 2_400_000_000])
      expect(formatCount(value)).toBe(integer.format(value));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (value) => formatCount(value) === integer.format(value)),
      { numRuns: 5000 },
    );
  });
});
