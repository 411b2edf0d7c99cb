import { STAFF_IDLE_MINUTES } from './staffIdle';

/**
 * The kiosk settings' bounds and the limits on what a citizen types, free of zod:
 * the kiosk's screens read them without pulling the schemas (kioskSettings.ts,
 * which builds its schema from these very numbers) into their bundle.
 */

export { STAFF_IDLE_MINUTES };

/** Safe bounds of the walking-away timings: long enough to read and tap, short enough for the queue. */
export const KIOSK_TIMING_BOUNDS = {
  inactivitySeconds: { min: 10, max: 600 },
  warningSeconds: { min: 10, max: 120 },
} as const;

/** A local clock time written HH:MM, 00:00 to 23:59. */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** How long staff's armed context waits for its citizen. */
export const ARMED_MINUTES = { min: 1, max: 30, default: 5 } as const;

/** Bumped whenever the consent notice's wording changes; stored with every phone number. */
export const CONSENT_VERSION = 'contact-consent-2026-12';

export const COMMENT_MAX_LENGTH = 500;

/** A Vietnamese phone number: 0 or +84, then 9 or 10 digits (mobile and landline). */
export const PHONE_PATTERN = /^(0|\+84)\d{9,10}$/;

export const normalisePhone = (raw: string): string => raw.replace(/[\s.-]/g, '');
