import { addDays } from '../../domain/localDay';
import type { Period } from './port';

/**
 * How a report period is read from what the hub keeps: the whole calendar months
 * inside it from the per-month sums (month_items, month_totals), and the days at
 * either edge that do not fill a month from the day-level latest rows. The three
 * parts never overlap and together cover every day of the period exactly once,
 * so a period that does not align with months is as exact as one that does.
 *
 * An empty part is a range whose start is after its end (BETWEEN matches nothing),
 * so every statement keeps the same parameters whatever the period.
 */
export interface PeriodParts {
  /** First and last whole month, YYYY-MM. */
  months: { from: string; to: string };
  head: Period;
  tail: Period;
}

export const NO_DAYS: Period = { from: '9999-12-31', to: '0000-01-01' };
export const NO_MONTHS = { from: '9999-12', to: '0000-01' };

const monthOf = (day: string) => day.slice(0, 7);
const firstOfNextMonth = (day: string) => addDays(`${monthOf(day)}-01`, 32).slice(0, 8) + '01';
const lastOfMonth = (day: string) => addDays(firstOfNextMonth(day), -1);

export function splitPeriod({ from, to }: Period): PeriodParts {
  const firstWhole = from.endsWith('-01') ? from : firstOfNextMonth(from);
  const lastWhole = to === lastOfMonth(to) ? to : addDays(`${monthOf(to)}-01`, -1);
  if (firstWhole > lastWhole) return { months: NO_MONTHS, head: { from, to }, tail: NO_DAYS };
  return {
    months: { from: monthOf(firstWhole), to: monthOf(lastWhole) },
    head: from < firstWhole ? { from, to: addDays(firstWhole, -1) } : NO_DAYS,
    tail: lastWhole < to ? { from: addDays(lastWhole, 1), to } : NO_DAYS,
  };
}

/** The parameters of the kept-sum statements, in their order: months, then the two day ranges. */
export const partParams = ({ months, head, tail }: PeriodParts): string[] => [
  months.from,
  months.to,
  head.from,
  head.to,
  tail.from,
  tail.to,
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
