/**
 * Timings and sources of time and ids for the kiosk flow, in one place. The
 * timings an administrator sets (inactivity, warning, thank-you) come from
 * getKioskSetup instead. The defaults are what a citizen gets; tests pass a
 * frozen clock, a fixed id and short timings so they can assert exact values.
 */
export interface KioskEnv {
  /** How long a tapped answer shows as selected before the next question. */
  confirmMs: number;
  /** Countdown on the apology screen; longer, so there is time to call staff. */
  sorrySeconds: number;
  /** How long "this case has already been rated" stays on the attract screen. */
  noticeMs: number;
  /** Longest wait for the host to confirm a submission before apologising. */
  sendTimeoutMs: number;
  /** Waiting time before asking the host again for the kiosk setup. */
  setupRetryMs: number;
  /** How often the attract screen asks whether staff armed the kiosk. */
  armedPollMs: number;
  /** A barcode scanner types faster than this between characters; a person does not. */
  scanGapMs: number;
  /** Monotonic clock: a wall clock would jump with NTP or a CMOS battery. */
  now: () => number;
  /** Made once per citizen; a retried submission with the same id is stored once. */
  newId: () => string;
}

export const DEFAULT_KIOSK_ENV: KioskEnv = {
  confirmMs: 400,
  sorrySeconds: 20,
  noticeMs: 6_000,
  sendTimeoutMs: 15_000,
  setupRetryMs: 15_000,
  armedPollMs: 2_000,
  scanGapMs: 50,
  now: () => performance.now(),
  newId: () => crypto.randomUUID(),
};
