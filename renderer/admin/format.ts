import { useMemo } from 'react';
import { formatDateTime, formatDay } from '../format/dates';
import { intlLocale, useLanguage } from '../i18n';

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
    // Dates and times come from the one formatter of the screens (renderer/format): dd/MM/yyyy HH:mm:ss.
    const count = new Intl.NumberFormat(locale);
    const size = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    return {
      dateTime: (iso) => (iso ? formatDateTime(iso, { seconds: true }) : none),
      day: (value) => formatDay(value),
      count: (value) => count.format(value),
      bytes: (value) =>
        value < 1024
          ? `${count.format(value)} B`
          : value < 1024 ** 2
            ? `${size.format(value / 1024)} KB`
            : `${size.format(value / 1024 ** 2)} MB`,
    };
  }, [language, none]);
}
