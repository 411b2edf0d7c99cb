import type vi from '../assets/locales/vi.json';

// Vietnamese is the reference locale: t() keys are checked against it at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}
