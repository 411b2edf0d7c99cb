import { z } from 'zod';

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
        inactivitySeconds: z.int().min(15).max(600).default(45),
        /** How long the "are you still there?" warning stays before the reset (at least 20 s). */
        warningSeconds: z.int().min(20).max(120).default(20),
        thankYouSeconds: z.int().min(3).max(60).default(8),
      })
      .strict()
      .default({ inactivitySeconds: 45, warningSeconds: 20, thankYouSeconds: 8 }),
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
  })
  .strict();

export type KioskSettings = z.output<typeof KioskSettingsSchema>;

export const defaultKioskSettings = (): KioskSettings => KioskSettingsSchema.parse({});

/** Bumped whenever the consent notice's wording changes; stored with every phone number. */
export const CONSENT_VERSION = 'contact-consent-2026-11';

export const COMMENT_MAX_LENGTH = 500;

/** A Vietnamese phone number: 0 or +84, then 9 or 10 digits (mobile and landline). */
export const PHONE_PATTERN = /^(0|\+84)\d{9,10}$/;

export const normalisePhone = (raw: string): string => raw.replace(/[\s.-]/g, '');
