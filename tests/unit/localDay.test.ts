import { describe, expect, it } from 'vitest';
import { addDays, isLocalDay, localDayOf, localIsoString, startOfLocalDay } from '../../src/domain/localDay';

describe('local calendar day in Asia/Ho_Chi_Minh', () => {
  it('23:59 and 00:01 local land on their own days whatever the machine zone', () => {
    // 23:59 on 28 Nov in Vietnam is 16:59 UTC; 00:01 on 29 Nov is 17:01 UTC.
    expect(localDayOf(Date.parse('2026-11-28T16:59:00Z'))).toBe('2026-11-28');
    expect(localDayOf(Date.parse('2026-11-28T17:01:00Z'))).toBe('2026-11-29');
    expect(localDayOf(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });

  it('agrees with the IANA zone for instants across a year', () => {
    const format = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    for (
      let ms = Date.parse('2026-01-01T00:00:00Z');
      ms < Date.parse('2027-01-01T00:00:00Z');
      ms += 3_600_000 * 7 + 123_457
    ) {
      expect(localDayOf(ms)).toBe(format.format(ms));
    }
  });

  it('writes the local instant with its offset', () => {
    expect(localIsoString(Date.parse('2026-11-28T17:05:12.345Z'))).toBe('2026-11-29T00:05:12.345+07:00');
  });

  it('knows where a local day starts and how to step days', () => {
    expect(new Date(startOfLocalDay('2026-11-29')).toISOString()).toBe('2026-11-28T17:00:00.000Z');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('accepts only real calendar dates', () => {
    expect(isLocalDay('2026-02-28')).toBe(true);
    expect(isLocalDay('2026-02-30')).toBe(false);
    expect(isLocalDay('2026-13-01')).toBe(false);
    expect(isLocalDay('26-11-30')).toBe(false);
  });
});
