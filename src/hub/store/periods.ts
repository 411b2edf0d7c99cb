import { addDays } from '../../domain/localDay';
import type { Period } from './port';

/**
 * How a report period is read from what the hub keeps: calendar months from the
 * per-month sums (month_items, month_totals), plus the days of a partly covered month
 * from the day-level rows (unit_day_items, latest) — or, when the period covers most
 * of such a month, that whole month MINUS the days it leaves out (the default page,
 * 30 days up to yesterday, covers 28 of November's 30 days: November's month sums
 * minus two days instead of 28 days). A month's sums are the exact sum of its days
 * (the same deltas, in the same transaction), so the parts add up to every day of
 * the period exactly once either way.
 *
 * An empty part is a range whose start is after its end (BETWEEN matches nothing),
 * so every statement keeps the same parameters whatever the period.
 */
export interface PeriodParts {
  /** First and last month read whole, YYYY-MM. */
  months: { from: string; to: string };
  /** Days added (inside the period, in a month not read whole). */
  head: Period;
  tail: Period;
  /** Days taken away (outside the period, in a month read whole). */
  minusHead: Period;
  minusTail: Period;
}

export const NO_DAYS: Period = { from: '9999-12-31', to: '0000-01-01' };
export const NO_MONTHS = { from: '9999-12', to: '0000-01' };

const monthOf = (day: string) => day.slice(0, 7);
const firstOfMonth = (day: string) => `${monthOf(day)}-01`;
const firstOfNextMonth = (day: string) => addDays(`${monthOf(day)}-01`, 32).slice(0, 8) + '01';
const lastOfMonth = (day: string) => addDays(firstOfNextMonth(day), -1);
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
const range = (from: string, to: string): Period => (from <= to ? { from, to } : NO_DAYS);

export function splitPeriod({ from, to }: Period): PeriodParts {
  const parts: PeriodParts = {
    months: NO_MONTHS,
    head: NO_DAYS,
    tail: NO_DAYS,
    minusHead: NO_DAYS,
    minusTail: NO_DAYS,
  };
  if (monthOf(from) === monthOf(to)) {
    // Inside one month: its days, or the month minus the days before and after.
    const outside = days(firstOfMonth(from), lastOfMonth(to)) - days(from, to);
    if (outside === 0 || outside < days(from, to)) {
      parts.months = { from: monthOf(from), to: monthOf(from) };
      parts.minusHead = range(firstOfMonth(from), addDays(from, -1));
      parts.minusTail = range(addDays(to, 1), lastOfMonth(to));
    } else parts.head = { from, to };
    return parts;
  }
  // The first month: whole when the period starts on its first day or leaves out fewer days than it takes.
  let firstMonth = monthOf(from);
  if (from !== firstOfMonth(from)) {
    const inside = days(from, lastOfMonth(from));
    const before = days(firstOfMonth(from), addDays(from, -1));
    if (before < inside) parts.minusHead = range(firstOfMonth(from), addDays(from, -1));
    else {
      parts.head = { from, to: lastOfMonth(from) };
      firstMonth = monthOf(firstOfNextMonth(from));
    }
  }
  let lastMonth = monthOf(to);
  if (to !== lastOfMonth(to)) {
    const inside = days(firstOfMonth(to), to);
    const after = days(addDays(to, 1), lastOfMonth(to));
    if (after < inside) parts.minusTail = range(addDays(to, 1), lastOfMonth(to));
    else {
      parts.tail = { from: firstOfMonth(to), to };
      lastMonth = monthOf(addDays(firstOfMonth(to), -1));
    }
  }
  if (firstMonth <= lastMonth) parts.months = { from: firstMonth, to: lastMonth };
  return parts;
}

/** The parameters of the kept-sum statements, in their order: months, the two added day ranges, the two taken away. */
export const partParams = ({ months, head, tail, minusHead, minusTail }: PeriodParts): string[] => [
  months.from,
  months.to,
  head.from,
  head.to,
  tail.from,
  tail.to,
  minusHead.from,
  minusHead.to,
  minusTail.from,
  minusTail.to,
];

/**
 * Which of 16 rows of day_items a device adds to. Every kiosk of the country adds
 * to the same (day, questionnaire, item) in the same minutes; spreading them over
 * stripes keeps concurrent ingests from queuing on one row lock. Any stripe is
 * correct: readers sum all of them.
 */
export const DAY_STRIPES = 16;
export function stripeOf(deviceId: string): number {
  let hash = 0;
  for (let i = 0; i < deviceId.length; i += 1) hash = (hash * 31 + deviceId.charCodeAt(i)) >>> 0;
  return hash % DAY_STRIPES;
}
