import { addDays, type LocalDay } from './localDay';

/**
 * Working days (ngày làm việc) of a Vietnamese office: Monday to Friday, less the
 * public holidays the administrator lists (Tết and the other days off change every
 * year, so they are data, not code). Deadlines for handling feedback and calling a
 * citizen back are counted in these days.
 */
export type Holidays = ReadonlySet<LocalDay>;

/** 0 = Sunday … 6 = Saturday, of a local day (the day string carries no time zone). */
export function weekdayOf(day: LocalDay): number {
  return new Date(`${day}T00:00:00.000Z`).getUTCDay();
}

export function isWorkingDay(day: LocalDay, holidays: Holidays): boolean {
  const weekday = weekdayOf(day);
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

/**
 * The last day to act on something that arrived on `day`, given `n` working days:
 * the n-th working day after it. An item that came on Friday with one working day
 * is due on Monday (or later, when Monday is a holiday). n = 0 means the same day.
 */
export function dueDay(day: LocalDay, n: number, holidays: Holidays): LocalDay {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let due = day;
  for (let left = n; left > 0;) {
    due = addDays(due, 1);
    if (isWorkingDay(due, holidays)) left -= 1;
  }
  return due;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: LocalDay, to: LocalDay, holidays: Holidays): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day, holidays)) count += 1;
  return count;
}

/** Whether something that arrived on `day` and was done on `doneDay` met a deadline of `n` working days. */
export function isOnTime(day: LocalDay, doneDay: LocalDay, n: number, holidays: Holidays): boolean {
  return doneDay <= dueDay(day, n, holidays);
}
