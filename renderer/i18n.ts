import i18next from 'i18next';
import { useCallback } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
// Only the Vietnamese texts the kiosk's first screen shows, cut from vi.json at build time
// (kiosk/firstPaintTexts.ts): the rest of them and English are fetched by loadTexts() once it is painted.
import firstPaintTexts from 'virtual:first-paint-texts';
import { DEFAULT_LANGUAGE, languages, type Language } from '../src/domain/language';

/**
 * One i18next instance for every screen. The first texts are bundled (the kiosk
 * runs offline), so init is synchronous and the first render is already translated.
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  // The rest of the Vietnamese texts, and English, are added to the store by loadTexts().
  // A copy: the store merges the rest into the object it holds, and the module's stays as built.
  resources: { vi: { translation: structuredClone(firstPaintTexts) } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...languages],
  initAsync: false,
  // React escapes what it renders; escaping twice would show "&amp;".
  interpolation: { escapeValue: false },
});

let allTexts: Promise<void> | undefined;
let textsLoaded = false;

/**
 * All the texts of the base locale files, in both languages, from chunks of their
 * own: asked for right after the kiosk's first paint (lazyScreens.ts) and before the
 * staff sign-in, staff, admin and pairing screens draw (AttractScreen.tsx, App.tsx).
 * Once per page; a failed fetch is tried again by the next call.
 */
export function loadTexts(): Promise<void> {
  allTexts ??= Promise.all([import('../assets/locales/vi.json'), import('../assets/locales/en.json')]).then(
    ([vi, en]) => {
      i18n.addResourceBundle('vi', 'translation', vi.default, true, true);
      i18n.addResourceBundle('en', 'translation', en.default, true, true);
      textsLoaded = true;
    },
    (error: unknown) => {
      allTexts = undefined;
      throw error;
    },
  );
  return allTexts;
}

// Screen readers and hyphenation follow <html lang>, so it tracks the chosen language.
const syncDocumentLanguage = (lng: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
};
syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

export const isLanguage = (value: string): value is Language => (languages as readonly string[]).includes(value);

/**
 * Switches to a language whose texts are here: at once when they are (the usual
 * case, loaded after the first paint); otherwise right after they arrive, the
 * screen staying in the current language meanwhile rather than showing keys.
 */
export function changeLanguage(next: Language): Promise<void> {
  const change = () => i18n.changeLanguage(next).then(() => undefined);
  return textsLoaded || next === DEFAULT_LANGUAGE ? change() : loadTexts().then(change);
}

/** The language in use, narrowed to the ones the questionnaire carries. */
export function useLanguage(): [Language, (next: Language) => void] {
  const { i18n: instance } = useTranslation();
  const current = isLanguage(instance.language) ? instance.language : DEFAULT_LANGUAGE;
  const change = useCallback((next: Language) => void changeLanguage(next).catch(() => undefined), []);
  return [current, change];
}

/** Intl locale for numbers and dates in each UI language. */
export const intlLocale: Record<Language, string> = { vi: 'vi-VN', en: 'en' };
