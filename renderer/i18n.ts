import i18next from 'i18next';
import { useCallback } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import en from '../assets/locales/en.json';
import vi from '../assets/locales/vi.json';
import { DEFAULT_LANGUAGE, languages, type Language } from '../src/domain/language';

/**
 * One i18next instance for every screen. Resources are bundled (the kiosk runs
 * offline), so init is synchronous and the first render is already translated.
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...languages],
  initAsync: false,
  // React escapes what it renders; escaping twice would show "&amp;".
  interpolation: { escapeValue: false },
});

// Screen readers and hyphenation follow <html lang>, so it tracks the chosen language.
const syncDocumentLanguage = (lng: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
};
syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

export const isLanguage = (value: string): value is Language => (languages as readonly string[]).includes(value);

/** The language in use, narrowed to the ones the questionnaire carries. */
export function useLanguage(): [Language, (next: Language) => void] {
  const { i18n: instance } = useTranslation();
  const current = isLanguage(instance.language) ? instance.language : DEFAULT_LANGUAGE;
  const change = useCallback((next: Language) => void instance.changeLanguage(next), [instance]);
  return [current, change];
}

/** Intl locale for numbers and dates in each UI language. */
export const intlLocale: Record<Language, string> = { vi: 'vi-VN', en: 'en' };
