import type { Language } from '../../src/domain/language';
import { intlLocale } from '../i18n';

export interface Formatters {
  /** A 0..100 index as a percentage with one decimal. */
  percent: (value: number | null) => string;
  mean: (value: number | null) => string;
  count: (value: number) => string;
  /** A YYYY-MM-DD local day, written out in full. */
  day: (day: string) => string;
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
  return {
    percent: (value) => (value === null ? none : percent.format(value / 100)),
    mean: (value) => (value === null ? none : mean.format(value)),
    count: (value) => count.format(value),
    day: (value) => day.format(new Date(`${value}T00:00:00.000Z`)),
  };
}
