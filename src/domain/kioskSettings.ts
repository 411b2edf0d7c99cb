import { z } from 'zod';
import { ARMED_MINUTES, CLOCK_TIME, KIOSK_TIMING_BOUNDS, STAFF_IDLE_MINUTES } from './kioskLimits';

// The numbers live in kioskLimits.ts (no zod, for the kiosk's bundle); the schema is built from them.
export {
  ARMED_MINUTES,
  CLOCK_TIME,
  COMMENT_MAX_LENGTH,
  CONSENT_VERSION,
  KIOSK_TIMING_BOUNDS,
  normalisePhone,
  PHONE_PATTERN,
  STAFF_IDLE_MINUTES,
} from './kioskLimits';

/**
 * What the administrator sets for the kiosk screens. Every field has a default,
 * so a fresh database (or one saved by an older version) always parses.
 */
export const KioskSettingsSchema = z
  .object({
    unit: z
      .object({
        name: z.string().trim().min(1).max(120).default('UBND xã Điện Hồng'),
        code: z.string().trim().min(1).max(20).default('DH'),
      })
      .strict()
      .default({ name: 'UBND xã Điện Hồng', code: 'DH' }),
    /** Feedback hotline shown on the attract and thank-you screens. */
    hotline: z.string().trim().max(40).default(''),
    /** Text encoded in the feedback QR code (a URL, a Zalo link…); empty shows none. */
    feedbackQrText: z.string().trim().max(300).default(''),
    timings: z
      .object({
        /**
         * Untouched this long, a survey asks "are you still there?". Short, because the
         * next person in the queue must not finish someone else's survey (issue 12).
         */
        inactivitySeconds: z
          .int()
          .min(KIOSK_TIMING_BOUNDS.inactivitySeconds.min)
          .max(KIOSK_TIMING_BOUNDS.inactivitySeconds.max)
          .default(20),
        /** How long that warning stays before the reset; its one big button extends the time (WCAG 2.2.1). */
        warningSeconds: z
          .int()
          .min(KIOSK_TIMING_BOUNDS.warningSeconds.min)
          .max(KIOSK_TIMING_BOUNDS.warningSeconds.max)
          .default(10),
        thankYouSeconds: z.int().min(3).max(60).default(8),
      })
      .strict()
      .default({ inactivitySeconds: 20, warningSeconds: 10, thankYouSeconds: 8 }),
    /**
     * The desk's opening hours, local time HH:MM (Vietnam): the installed kiosk keeps its
     * display awake between them and lets it sleep outside them. A close before the open wraps past midnight.
     */
    openingHours: z
      .object({
        open: z.string().regex(CLOCK_TIME, 'a time written HH:MM'),
        close: z.string().regex(CLOCK_TIME, 'a time written HH:MM'),
      })
      .strict()
      .default({ open: '07:00', close: '17:30' }),
    /** An armed context unused this long lapses, and staff are told (never passed to the next citizen). */
    armedMinutes: z.int().min(ARMED_MINUTES.min).max(ARMED_MINUTES.max).default(ARMED_MINUTES.default),
    /** Working days within which the office calls back a citizen who left a number (the thank-you screen says so). */
    callbackWorkingDays: z.int().min(1).max(30).default(2),
    /** Scores at or under this (on the five-point scale) ask for reasons. */
    lowScoreThreshold: z.int().min(1).max(3).default(2),
    misuse: z
      .object({
        /** Faster than this per question cannot have been read: flagged suspect. */
        minSecondsPerQuestion: z.number().min(0).max(10).default(0.8),
        /** The same answers as the previous response within this window: flagged suspect. */
        repeatWindowSeconds: z.int().min(0).max(600).default(20),
      })
      .strict()
      .default({ minSecondsPerQuestion: 0.8, repeatWindowSeconds: 20 }),
    /** See STAFF_IDLE_MINUTES; a browser on a staff PC keeps the host's longer session instead. */
    staffIdleMinutes: z
      .int()
      .min(STAFF_IDLE_MINUTES.min)
      .max(STAFF_IDLE_MINUTES.max)
      .default(STAFF_IDLE_MINUTES.default),
  })
  .strict();

export type KioskSettings = z.output<typeof KioskSettingsSchema>;

export const defaultKioskSettings = (): KioskSettings => KioskSettingsSchema.parse({});
