import type admin from '../assets/locales/admin.vi.json';
import type office from '../assets/locales/office.vi.json';
import type staff from '../assets/locales/staff.vi.json';
import type vi from '../assets/locales/vi.json';

// Vietnamese is the reference locale: t() keys are checked against it at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // The staff and admin texts are added by their lazily loaded chunks (see */locale.ts).
    resources: { translation: typeof vi & typeof staff & typeof admin & typeof office };
  }
}
