import i18next from 'i18next';
import { useCallback } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
// Only the Vietnamese texts the kiosk's first screen shows, cut from vi.json at build time
// (kiosk/firstPaintTexts.ts): the rest of them are fetched by loadTexts() once it is painted, English when chosen.
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

const localeFiles: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  vi: () => import('../assets/locales/vi.json'),
  en: () => import('../assets/locales/en.json'),
};
const loading = new Map<Language, Promise<void>>();
const loaded = new Set<Language>();

/** One language's base locale file, from a chunk of its own; once per page, a failed fetch tried again by the next call. */
function loadLanguage(language: Language): Promise<void> {
  let pending = loading.get(language);
  if (!pending) {
    pending = localeFiles[language]().then(
      (texts) => {
        i18n.addResourceBundle(language, 'translation', texts.default, true, true);
        loaded.add(language);
      },
      (error: unknown) => {
        loading.delete(language);
        throw error;
      },
    );
    loading.set(language, pending);
  }
  return pending;
}

/**
 * All the texts of the base locale files in Vietnamese, which every language falls
 * back to, and in `language` when it is another: asked for right after the kiosk's
 * first paint (lazyScreens.ts) and before the staff sign-in, staff, admin and
 * pairing screens draw (AttractScreen.tsx, App.tsx). English only when someone
 * chooses it (changeLanguage): most citizens never do, and the kiosk route does not
 * fetch it for them.
 */
export function loadTexts(language: Language = DEFAULT_LANGUAGE): Promise<void> {
  return Promise.all([loadLanguage(DEFAULT_LANGUAGE), loadLanguage(language)]).then(() => undefined);
}

// Screen readers and hyphenation follow <html lang>, so it tracks the chosen language.
const syncDocumentLanguage = (lng: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
};
syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

export const isLanguage = (value: string): value is Language => (languages as readonly string[]).includes(value);

/**
 * Switches to a language: at once when its texts are here (Vietnamese, whose first
 * screen's texts the page carries, or a language chosen before); otherwise right
 * after they arrive (a few milliseconds from the kiosk's own files), the screen
 * staying in the current language meanwhile rather than showing keys.
 */
export function changeLanguage(next: Language): Promise<void> {
  const change = () => i18n.changeLanguage(next).then(() => undefined);
  return loaded.has(next) || next === DEFAULT_LANGUAGE ? change() : loadTexts(next).then(change);
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
