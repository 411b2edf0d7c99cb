import { languages, type Language } from '../../src/domain/language';
import { DEFAULT_ROUTE, routes } from '../router';

/**
 * The attract screen is in index.html itself (drawn at build time from the real
 * component, see prerenderAttract.tsx), so it is painted before any of the app's
 * JavaScript has arrived. A tiny script inline in <head> (allowed by its hash in
 * the CSP), made from `earlyPage` below, runs before that first paint: it hides the
 * prerendered screen on the other routes, keeps a tap on its start button, which
 * the React attract screen then honours (AttractScreen.tsx) once the survey can
 * start, keeps "Chữ to" and a language tapped, which the app starts with (KioskApp.tsx),
 * and starts the app's module after the first frame. A second function, `keepEarlyKeys`,
 * keeps what a barcode scanner types meanwhile, for the app's scanner (useScanner.ts).
 */
export const EARLY_NAMES = {
  /** The wrapper of the prerendered markup in #root; React replaces it when it mounts. */
  prerendered: 'prerendered',
  startButton: 'start-button',
  /** The start button shows it was tapped while the survey is being prepared. */
  pressed: 'start-button-pressed',
  /** On <html>: a route other than the kiosk's, which must never flash the attract screen. */
  otherRoute: 'data-other-route',
  /** On <html>: the prerendered start button was tapped before the app started. */
  tapped: 'data-start-tapped',
  largeTextToggle: 'large-text-toggle',
  /** On .kiosk: the large text is on. */
  largeText: 'kiosk-large',
  /** On <html>: "Chữ to" was turned on before the app started (the app starts with it on). */
  earlyLargeText: 'data-early-large-text',
  languageOption: 'language-option',
  /** On <html>: the language chosen before the app started (the app starts in it). */
  earlyLanguage: 'data-early-language',
  /** On the <head> script: the app's module, which it starts after the first frame. */
  app: 'data-app',
  /** On window: hands the keys typed before the app listened over to it, once (takeEarlyKeys). */
  earlyKeys: 'sipasEarlyKeys',
  /** The most keys kept: a whole case code (64 characters at most) and its Enter, with room to spare. */
  earlyKeysKept: 80,
  otherRoutes: routes.filter((route) => route !== DEFAULT_ROUTE),
} as const;

export type EarlyNames = typeof EARLY_NAMES;

/**
 * The body of the <head> script. Serialised by the build (`String(earlyPage)`), so it
 * must use nothing but its arguments and the browser's globals. Its route reading
 * mirrors routeOf (router.ts); tests/component/kioskPrerender.test.tsx holds the two together.
 */
export function earlyPage(doc: Document, names: EarlyNames): void {
  const html = doc.documentElement;
  // The app's module is fetched and run only after the frame that paints the page: its
  // evaluation is one long task (React, i18next, the first screen), which would otherwise come first.
  // A hidden page paints no frame: there it starts at once; the timeout is a guard, never the plan.
  // (Not later, at the paint's presentation: until the app runs, the screen's language and large-text
  // toggles are only kept, below, and the texts stay Vietnamese.)
  const app = doc.currentScript?.getAttribute(names.app);
  if (app) {
    let started = false;
    const startApp = () => {
      if (started) return;
      started = true;
      const script = doc.createElement('script');
      script.type = 'module';
      script.crossOrigin = '';
      script.src = app;
      doc.head.append(script);
    };
    const afterFirstFrame = () => {
      if (doc.visibilityState === 'hidden') startApp();
      else requestAnimationFrame(() => setTimeout(startApp, 0));
      setTimeout(startApp, 1000);
    };
    // Not before #root is parsed: a module added by a script runs as soon as it has arrived.
    doc.addEventListener('DOMContentLoaded', afterFirstFrame, { once: true });
  }
  const markRoute = () => {
    const route = doc.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
    html.toggleAttribute(names.otherRoute, (names.otherRoutes as readonly string[]).includes(route));
  };
  markRoute();
  doc.defaultView?.addEventListener('hashchange', markRoute);
  // Every tap on the page's own copy of the screen counts: what it asks for is kept on <html>
  // for the app, and shown at once where the page alone can show it.
  doc.addEventListener(
    'click',
    (event) => {
      const target = event.target;
      const tapped = (name: string) =>
        target instanceof Element ? target.closest(`.${names.prerendered} .${name}`) : null;
      const start = tapped(names.startButton);
      if (start) {
        start.classList.add(names.pressed);
        html.setAttribute(names.tapped, '');
      }
      const largeText = tapped(names.largeTextToggle);
      if (largeText) {
        const on = html.toggleAttribute(names.earlyLargeText);
        largeText.setAttribute('aria-pressed', String(on));
        largeText.closest('.kiosk')?.classList.toggle(names.largeText, on);
      }
      const language = tapped(names.languageOption);
      if (language) {
        html.setAttribute(names.earlyLanguage, language.getAttribute('lang') ?? '');
        for (const option of language.parentElement?.children ?? [])
          option.setAttribute('aria-pressed', String(option === language));
      }
    },
    true,
  );
}

/** A key pressed before the app listened, and when (performance.now()). */
export interface EarlyKey {
  key: string;
  at: number;
}

declare global {
  interface Window {
    /** EARLY_NAMES.earlyKeys, while the <head> script keeps keys. */
    sipasEarlyKeys?: () => EarlyKey[];
  }
}

/**
 * The second part of the <head> script, serialised like `earlyPage`. A USB barcode
 * scanner is a keyboard: a case code scanned before the app's scanner listens (the
 * first second or so after a start) would reach no listener and be lost. On the
 * kiosk's route its keys are kept, only the keys a scanner types and only the last
 * few, until the app takes them (`takeEarlyKeys`), which also ends the keeping: from
 * then on no key is held here, whatever the route.
 */
export function keepEarlyKeys(win: Window, names: EarlyNames): void {
  const keys: EarlyKey[] = [];
  const keep = (event: KeyboardEvent) => {
    if (win.document.documentElement.hasAttribute(names.otherRoute)) return;
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    if (event.key !== 'Enter' && event.key.length !== 1) return;
    keys.push({ key: event.key, at: win.performance.now() });
    if (keys.length > names.earlyKeysKept) keys.shift();
  };
  win.addEventListener('keydown', keep, true);
  win[names.earlyKeys] = () => {
    win.removeEventListener('keydown', keep, true);
    delete win[names.earlyKeys];
    return keys;
  };
}

/** The classic script's source, for the build (vite.config.ts). */
export const earlyScriptSource = (): string => {
  const names = JSON.stringify(EARLY_NAMES);
  return `(${String(earlyPage)})(document, ${names});\n(${String(keepEarlyKeys)})(window, ${names});\n`;
};

/**
 * The keys a scanner typed before the app listened, oldest first, once: the page stops
 * keeping them. None where the <head> script did not run (tests, a page without it).
 */
export const takeEarlyKeys = (): EarlyKey[] =>
  typeof window === 'undefined' ? [] : (window[EARLY_NAMES.earlyKeys]?.() ?? []);

/** Whether the prerendered start button was tapped before the app started. */
export const earlyTapWaiting = (): boolean =>
  typeof document !== 'undefined' && document.documentElement.hasAttribute(EARLY_NAMES.tapped);

/** The React screen has taken the early tap over: it is not honoured twice. */
export const forgetEarlyTap = (): void => document.documentElement.removeAttribute(EARLY_NAMES.tapped);

/** What was chosen on the prerendered screen before the app started: large text, and a language. */
export function earlyChoices(): { largeText: boolean; language: Language | null } {
  if (typeof document === 'undefined') return { largeText: false, language: null };
  const html = document.documentElement;
  const language = html.getAttribute(EARLY_NAMES.earlyLanguage);
  return {
    largeText: html.hasAttribute(EARLY_NAMES.earlyLargeText),
    language: (languages as readonly string[]).includes(language ?? '') ? (language as Language) : null,
  };
}

/** The app has taken the early choices over. */
export function forgetEarlyChoices(): void {
  document.documentElement.removeAttribute(EARLY_NAMES.earlyLargeText);
  document.documentElement.removeAttribute(EARLY_NAMES.earlyLanguage);
}
