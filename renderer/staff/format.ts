import type { Language } from '../../src/domain/language';
import { intlLocale } from '../i18n';

/** Instants are shown on the commune's clock, whatever time zone the desk PC is set to. */
const VIETNAM = 'Asia/Ho_Chi_Minh';

export interface Formatters {
  /** A 0..100 index as a percentage with one decimal. */
  percent: (value: number | null) => string;
  mean: (value: number | null) => string;
  count: (value: number) => string;
  /** A YYYY-MM-DD local day, written out in full. */
  day: (day: string) => string;
  /** A YYYY-MM-DD local day as dd/mm/yyyy. */
  shortDay: (day: string) => string;
  /** An ISO instant as time and date in Vietnam, e.g. 14:05 29/11/2026. */
  dateTime: (iso: string) => string;
  /** An ISO instant as the time of day in Vietnam, e.g. 14:05:12. */
  time: (iso: string) => string;
}

/** Numbers and dates in the UI language; `none` stands for a value that does not exist. */
export function createFormatters(language: Language, none: string): Formatters {
  const locale = intlLocale[language];
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const mean = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const count = new Intl.NumberFormat(locale);
  // The day is a calendar date, not an instant: format it at UTC midnight in UTC,
  // so the machine's own time zone cannot shift it.
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
  const shortDay = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: VIETNAM,
  });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'medium', timeZone: VIETNAM });
  const midnight = (value: string) => new Date(`${value}T00:00:00.000Z`);
  return {
    percent: (value) => (value === null ? none : percent.format(value / 100)),
    mean: (value) => (value === null ? none : mean.format(value)),
    count: (value) => count.format(value),
    day: (value) => day.format(midnight(value)),
    shortDay: (value) => shortDay.format(midnight(value)),
    dateTime: (value) => dateTime.format(new Date(value)),
    time: (value) => time.format(new Date(value)),
  };
}
