import type { i18n as I18n, TFunction } from 'i18next';
import {
  createContext,
  createElement,
  useCallback,
  useContext,
  useMemo,
  useSyncExternalStore,
  type ReactNode,
} from 'react';

/**
 * The part of react-i18next the screens use, in a few lines: `useTranslation()`,
 * `initReactI18next` and `I18nextProvider`. vite.config.ts resolves 'react-i18next'
 * here (for the build and the tests alike), so every call site stays as written and
 * is still typed by the package's own types; the package's general hook (namespaces,
 * key prefixes, Suspense while texts load, store bindings) and its helpers, ≈ 2 KB of
 * the kiosk's first script, stay out. What the screens rely on behaves as the
 * package's defaults do: `t` is the current language's and the same object between
 * renders, and only a change of language renders again (bindI18n 'languageChanged';
 * texts added to the store later are read by the next render, as before).
 */

/** The app's instance (renderer/i18n.ts), set by `i18n.use(initReactI18next)`. */
let appInstance: I18n | undefined;

export const initReactI18next = {
  type: '3rdParty' as const,
  init(instance: I18n): void {
    appInstance = instance;
  },
};

const I18nContext = createContext<I18n | undefined>(undefined);

/** Another instance for the screens inside it (tests with texts of their own). */
export function I18nextProvider({ i18n, children }: { i18n: I18n; children?: ReactNode }) {
  return createElement(I18nContext.Provider, { value: i18n }, children);
}

type Translation = [TFunction, I18n, boolean] & { t: TFunction; i18n: I18n; ready: boolean };

export function useTranslation(): Translation {
  const i18n = useContext(I18nContext) ?? appInstance;
  if (!i18n)
    throw new Error('useTranslation() needs an i18next instance: i18n.use(initReactI18next) or <I18nextProvider>');
  const subscribe = useCallback(
    (changed: () => void) => {
      i18n.on('languageChanged', changed);
      return () => i18n.off('languageChanged', changed);
    },
    [i18n],
  );
  const current = () => i18n.language;
  // The same on the server: the build draws the attract screen with it (prerenderAttract.tsx).
  const language = useSyncExternalStore(subscribe, current, current);
  return useMemo(() => {
    const t = i18n.getFixedT(language);
    return Object.assign([t, i18n, true] as [TFunction, I18n, boolean], { t, i18n, ready: true });
  }, [i18n, language]);
}
