import { describe, expect, it } from 'vitest';
import { dueDay, isOnTime, isWorkingDay, workingDaysBetween } from '../../src/domain/workingDays';

// Quốc khánh 2026: Tuesday 1 and Wednesday 2 September are days off.
const NATIONAL_DAY = new Set(['2026-09-01', '2026-09-02']);
const NONE = new Set<string>();

describe('working days', () => {
  it('skips Saturdays, Sundays and the public holidays the administrator lists', () => {
    expect(isWorkingDay('2026-08-28', NONE)).toBe(true); // Friday
    expect(isWorkingDay('2026-08-29', NONE)).toBe(false); // Saturday
    expect(isWorkingDay('2026-08-30', NONE)).toBe(false); // Sunday
    expect(isWorkingDay('2026-09-01', NONE)).toBe(true);
    expect(isWorkingDay('2026-09-01', NATIONAL_DAY)).toBe(false);
  });

  it('counts a due day in working days after the day something arrived', () => {
    expect(dueDay('2026-08-31', 0, NATIONAL_DAY)).toBe('2026-08-31');
    // Friday + 1 working day is Monday.
    expect(dueDay('2026-08-28', 1, NONE)).toBe('2026-08-31');
    // Monday + 1 with the national day off: Thursday.
    expect(dueDay('2026-08-31', 1, NATIONAL_DAY)).toBe('2026-09-03');
    expect(dueDay('2026-08-31', 1, NONE)).toBe('2026-09-01');
    // Monday + 3: Thursday, Friday, then the next Monday.
    expect(dueDay('2026-08-31', 3, NATIONAL_DAY)).toBe('2026-09-07');
    // Over a year boundary.
    expect(dueDay('2026-12-31', 2, NONE)).toBe('2027-01-04');
    expect(() => dueDay('2026-08-31', -1, NONE)).toThrow(RangeError);
  });

  it('counts the working days between two days and says whether a deadline was met', () => {
    expect(workingDaysBetween('2026-08-28', '2026-09-04', NATIONAL_DAY)).toBe(3);
    expect(workingDaysBetween('2026-08-28', '2026-09-04', NONE)).toBe(5);
    expect(workingDaysBetween('2026-09-04', '2026-09-04', NONE)).toBe(0);
    expect(isOnTime('2026-08-31', '2026-09-03', 1, NATIONAL_DAY)).toBe(true);
    expect(isOnTime('2026-08-31', '2026-09-03', 1, NONE)).toBe(false);
  });
});
