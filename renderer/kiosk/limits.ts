/**
 * The host's limits on what a citizen types, mirrored for the screens.
 * src/domain/kioskSettings.ts holds the originals but builds zod schemas at load,
 * which would pull zod into the kiosk bundle; tests/component/limits.test.ts
 * checks that these copies still match.
 */

export const COMMENT_MAX_LENGTH = 500;

/** A Vietnamese phone number: 0 or +84, then 9 or 10 digits (mobile and landline). */
export const PHONE_PATTERN = /^(0|\+84)\d{9,10}$/;

/** Longest phone number the keypad accepts: "+84" and ten digits. */
export const PHONE_MAX_LENGTH = 13;

export const isValidPhone = (phone: string): boolean => PHONE_PATTERN.test(phone);

/** What one key (on screen or physical) does to the phone number: digits, one leading "+", backspace. */
export function phoneKey(phone: string, key: string): string {
  if (key === 'Backspace') return phone.slice(0, -1);
  if (phone.length >= PHONE_MAX_LENGTH) return phone;
  if (/^\d$/.test(key)) return phone + key;
  if (key === '+' && phone === '') return '+';
  return phone;
}

