import { localIsoString } from '../../src/domain/localDay';
import type { Language } from '../../src/domain/language';

/**
 * The one date and time format of the screens: dd/MM/yyyy and 24-hour time, in both
 * languages (the English screens follow Vietnamese office practice, never US order),
 * on the commune's clock (Asia/Ho_Chi_Minh, UTC+7 all year) whatever zone the PC is
 * set to. Built on the domain's fixed offset rather than Intl, so no ICU build or
 * locale data can change a digit.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD local day as dd/MM/yyyy; anything else is returned as it came. */
export function formatDay(day: string): string {
  const match = DAY.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : day;
}

/** A YYYY-MM month as MM/yyyy. */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  return match ? `${match[2]}/${match[1]}` : month;
}

/** The local wall clock of an ISO instant: [YYYY-MM-DD, HH:mm:ss]; null when it does not parse. */
function wallClock(iso: string): [string, string] | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const local = localIsoString(ms);
  return [local.slice(0, 10), local.slice(11, 19)];
}

/** An ISO instant as dd/MM/yyyy HH:mm (or HH:mm:ss) in Vietnam. */
export function formatDateTime(iso: string, { seconds = false }: { seconds?: boolean } = {}): string {
  const clock = wallClock(iso);
  if (!clock) return iso;
  return `${formatDay(clock[0])} ${seconds ? clock[1] : clock[1].slice(0, 5)}`;
}

/** An ISO instant as the time of day in Vietnam, HH:mm:ss (or HH:mm). */
export function formatTime(iso: string, { seconds = true }: { seconds?: boolean } = {}): string {
  const clock = wallClock(iso);
  if (!clock) return iso;
  return seconds ? clock[1] : clock[1].slice(0, 5);
}

const WEEKDAYS: Record<Language, readonly string[]> = {
  vi: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** A local day with its weekday, e.g. "Thứ Tư, 02/12/2026" / "Wednesday, 02/12/2026". */
export function formatLongDay(day: string, language: Language): string {
  if (!DAY.test(day)) return day;
  const weekday = WEEKDAYS[language][new Date(`${day}T00:00:00.000Z`).getUTCDay()];
  return `${weekday}, ${formatDay(day)}`;
}
