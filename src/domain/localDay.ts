/**
 * Local calendar days in Asia/Ho_Chi_Minh, computed without the machine's time zone.
 *
 * Vietnam has kept UTC+07:00 without daylight saving since 1975, so a fixed offset
 * is exact for every instant the kiosk will ever record, and it does not depend on
 * the ICU data or TZ setting of a cheap commune PC.
 */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = VIETNAM_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

/** A local calendar day written as YYYY-MM-DD. */
export type LocalDay = string;

export const LOCAL_DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function localDayOf(instant: Date | number): LocalDay {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/** The ISO instant with the +07:00 offset, e.g. 2026-11-29T00:05:12.345+07:00. */
export function localIsoString(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return `${new Date(ms + OFFSET_MS).toISOString().slice(0, 23)}+07:00`;
}

/** UTC milliseconds at which a local day begins (00:00 in Vietnam). */
export function startOfLocalDay(day: LocalDay): number {
  return Date.parse(`${day}T00:00:00.000Z`) - OFFSET_MS;
}

export function addDays(day: LocalDay, days: number): LocalDay {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** True when the string is a real calendar date (rejects 2026-02-30). */
export function isLocalDay(value: string): boolean {
  return LOCAL_DAY_PATTERN.test(value) && addDays(value, 0) === value;
}
