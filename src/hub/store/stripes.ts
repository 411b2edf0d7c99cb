/**
 * Which of 16 rows of day_items a device adds to. Every kiosk of the country adds
 * to the same (day, questionnaire, item) in the same minutes; spreading them over
 * stripes keeps concurrent ingests from queuing on one row lock. Any stripe is
 * correct: readers sum all of them.
 */
export const DAY_STRIPES = 16;
export function stripeOf(deviceId: string): number {
  let hash = 0;
  for (let i = 0; i < deviceId.length; i += 1) hash = (hash * 31 + deviceId.charCodeAt(i)) >>> 0;
  return hash % DAY_STRIPES;
}
