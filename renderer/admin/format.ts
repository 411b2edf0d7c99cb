import { useMemo } from 'react';
import { intlLocale, useLanguage } from '../i18n';

// The kiosk stands in Vietnam: instants are shown in its time, never the PC's own zone.
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface AdminFormat {
  /** An ISO instant as a local date and time. */
  dateTime: (iso: string | null) => string;
  /** A YYYY-MM-DD local day. */
  day: (day: string) => string;
  count: (value: number) => string;
  bytes: (value: number) => string;
}

export function useFormat(none = '—'): AdminFormat {
  const [language] = useLanguage();
  return useMemo(() => {
    const locale = intlLocale[language];
    const dateTime = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE });
    // A calendar date, not an instant: formatted at UTC midnight in UTC so no zone can shift it.
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const count = new Intl.NumberFormat(locale);
    const size = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    return {
      dateTime: (iso) => (iso ? dateTime.format(new Date(iso)) : none),
      day: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? day.format(new Date(`${value}T00:00:00.000Z`)) : value),
      count: (value) => count.format(value),
      bytes: (value) =>
        value < 1024 ? `${count.format(value)} B` : value < 1024 ** 2 ? `${size.format(value / 1024)} KB` : `${size.format(value / 1024 ** 2)} MB`,
    };
  }, [language, none]);
}
