import { addDays, isLocalDay, type LocalDay } from './localDay';

/** Report periods, as local calendar days (inclusive). Weeks start on Monday, as in Vietnam. */
export const periodKinds = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export interface DayRange {
  from: LocalDay;
  to: LocalDay;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The period of a kind that contains `day`. */
export function periodContaining(kind: PeriodKind, day: LocalDay): DayRange {
  const [y, m] = day.split('-').map(Number) as [number, number];
  switch (kind) {
    case 'day':
      return { from: day, to: day };
    case 'week': {
      const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
      const from = addDays(day, -weekday);
      return { from, to: addDays(from, 6) };
    }
    case 'month':
      return { from: `${y}-${pad(m)}-01`, to: addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`, -1) };
    case 'quarter': {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return {
        from: `${y}-${pad(first)}-01`,
        to: addDays(first === 10 ? `${y + 1}-01-01` : `${y}-${pad(first + 3)}-01`, -1),
      };
    }
    case 'year':
      return { from: `${y}-01-01`, to: `${y}-12-31` };
  }
}

/** Every day of a range, in order. */
export function daysOf({ from, to }: DayRange): LocalDay[] {
  const days: LocalDay[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

export const isRange = ({ from, to }: DayRange): boolean => isLocalDay(from) && isLocalDay(to) && from <= to;
