/**
 * The parts of the Vietnamese texts (assets/locales/vi.json) the kiosk's first paint
 * shows: the attract screen and the kiosk's always-present controls. Only these are
 * in the first-paint script, through the build's `virtual:first-paint-texts` module
 * (vite.config.ts), cut from vi.json at build time so no string is kept twice; the
 * rest arrives with loadTexts() (renderer/i18n.ts) before any other screen draws.
 * A text added to the attract screen goes here too (tests/component/kioskFirstTexts.test.tsx).
 */
export const FIRST_PAINT_TEXTS = [
  'app',
  'language',
  'kiosk.attract',
  // Not kiosk.context.caseCode: the survey's screens show that one.
  'kiosk.context.rating',
  'kiosk.context.officer',
  'kiosk.context.field',
  'kiosk.context.withCase',
  'kiosk.hotline',
  'kiosk.largeText',
  'signin.firstRun',
] as const;

/** The build's module id for the Vietnamese texts of the first paint. */
export const FIRST_PAINT_TEXTS_MODULE = 'virtual:first-paint-texts';

export type Texts = { [key: string]: string | Texts };

/** The sections of `texts` at the dotted `paths`, nested as in `texts`. */
export function pickTexts(texts: Texts, paths: readonly string[]): Texts {
  const picked: Texts = {};
  for (const dotted of paths) {
    const keys = dotted.split('.');
    let from: Texts | string | undefined = texts;
    let into = picked;
    keys.forEach((key, index) => {
      if (typeof from !== 'object') throw new Error(`No texts at "${dotted}"`);
      from = from[key];
      if (from === undefined) throw new Error(`No texts at "${dotted}"`);
      if (index === keys.length - 1) into[key] = from;
      else into = (into[key] ??= {}) as Texts;
    });
  }
  return picked;
}
