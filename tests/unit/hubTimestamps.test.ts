import { describe, expect, it } from 'vitest';
import { isoOfTimestamptz } from '../../src/hub/store/postgresPool';

/**
 * The PostgreSQL store reads timestamps as text in UTC and rearranges them into
 * what the SQLite store returns (Date#toISOString): the same string Date makes.
 */
describe('isoOfTimestamptz', () => {
  it.each([
    '2025-01-05 07:00:00+00',
    '2025-01-05 07:00:00.5+00',
    '2025-01-05 07:00:00.12+00',
    '2025-01-05 07:00:00.123+00',
    '2025-01-05 07:00:00.1239+00',
    '2025-12-31 23:59:59.999999+00',
  ])('%s is what Date makes of it', (text) => {
    expect(isoOfTimestamptz(text)).toBe(new Date(text).toISOString());
  });

  it('takes any other form through Date', () => {
    expect(isoOfTimestamptz('2025-01-05 14:00:00+07')).toBe('2025-01-05T07:00:00.000Z');
    expect(isoOfTimestamptz('2025-01-05T07:00:00.250Z')).toBe('2025-01-05T07:00:00.250Z');
  });
});
