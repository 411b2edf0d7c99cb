/**
 * Timings and sources of time and ids for the kiosk flow, in one place. The
 * defaults are what a citizen gets; tests pass a frozen clock, a fixed id and
 * short timings so they can assert exact values without waiting.
 */
export interface KioskEnv {
  /** How long a tapped answer shows as selected before the next question. */
  confirmMs: number;
  /** Countdown on the thank-you screen before returning to the start. */
  thanksSeconds: number;
  /** Countdown on the apology screen; longer, so there is time to call staff. */
  sorrySeconds: number;
  /** A question left untouched this long means the citizen walked away. */
  idleMs: number;
  /** Longest wait for the host to confirm a submission before apologising. */
  sendTimeoutMs: number;
  /** Waiting time before asking the host again for the questionnaire. */
  questionnaireRetryMs: number;
  /** Monotonic clock: a wall clock would jump with NTP or a CMOS battery. */
  now: () => number;
  /** Made once per citizen; a retried submission with the same id is stored once. */
  newId: () => string;
}

export const DEFAULT_KIOSK_ENV: KioskEnv = {
  confirmMs: 400,
  thanksSeconds: 8,
  sorrySeconds: 20,
  idleMs: 60_000,
  sendTimeoutMs: 15_000,
  questionnaireRetryMs: 15_000,
  now: () => performance.now(),
  newId: () => crypto.randomUUID(),
};
