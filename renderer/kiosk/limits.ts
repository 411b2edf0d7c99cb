/**
 * The host's limits on what a citizen types, for the screens: the same constants
 * the contract checks (src/domain/kioskLimits.ts, free of zod, so the kiosk's
 * bundle stays without it).
 */
import { PHONE_PATTERN } from '../../src/domain/kioskLimits';

export { COMMENT_MAX_LENGTH, PHONE_PATTERN } from '../../src/domain/kioskLimits';

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
