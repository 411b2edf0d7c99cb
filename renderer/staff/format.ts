import type { Language } from '../../src/domain/language';
import { formatDateTime, formatDay, formatLongDay, formatTime } from '../format/dates';
import { intlLocale } from '../i18n';

export interface Formatters {
  /** A 0..100 index as a percentage with one decimal. */
  percent: (value: number | null) => string;
  mean: (value: number | null) => string;
  count: (value: number) => string;
  /** A YYYY-MM-DD local day with its weekday, e.g. Thứ Tư, 02/12/2026. */
  day: (day: string) => string;
  /** A YYYY-MM-DD local day as dd/mm/yyyy. */
  shortDay: (day: string) => string;
  /** An ISO instant as date and time in Vietnam, e.g. 29/11/2026 14:05. */
  dateTime: (iso: string) => string;
  /** An ISO instant as the time of day in Vietnam, e.g. 14:05:12. */
  time: (iso: string) => string;
}

/** Numbers and dates in the UI language; `none` stands for a value that does not exist. */
export function createFormatters(language: Language, none: string): Formatters {
  const locale = intlLocale[language];
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const mean = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const count = new Intl.NumberFormat(locale);
  // Dates and times come from the one formatter of the screens (renderer/format).
  return {
    percent: (value) => (value === null ? none : percent.format(value / 100)),
    mean: (value) => (value === null ? none : mean.format(value)),
    count: (value) => count.format(value),
    day: (value) => formatLongDay(value, language),
    shortDay: (value) => formatDay(value),
    dateTime: (value) => formatDateTime(value),
    time: (value) => formatTime(value),
  };
}
