import { AcceptedAnswer, AGGREGATE_SCHEMA, ErrorAnswer } from '../contract/syncProtocol';
import type { UpstreamAnswer } from './syncPorts';

/**
 * What the kiosk does with each answer of the collector (docs/SYNC-PROTOCOL.md,
 * "Answers"), and when it tries again. Pure, so every row of that table is tested.
 */
export type Verdict =
  | { kind: 'sent'; duplicate: boolean }
  | { kind: 'superseded'; error: string }
  | { kind: 'parked'; error: string }
  | { kind: 'retry'; error: string; retryAfterMs: number | null };

export const FIRST_RETRY_MS = 30_000;
export const MAX_BACKOFF_MS = 3_600_000;
/** A Retry-After further away than this is treated as a mistake, not obeyed for months. */
const MAX_RETRY_AFTER_MS = 86_400_000;
const PERMANENT = new Set([400, 401, 403, 404, 413, 422]);

const describe = (status: number, body: unknown): string => {
  const parsed = ErrorAnswer.safeParse(body);
  if (!parsed.success) return `HTTP ${status}`;
  const { code, message } = parsed.data.error;
  return `HTTP ${status} ${code}${message ? `: ${message}` : ''}`.slice(0, 500);
};

export function classify(answer: UpstreamAnswer, now: number): Verdict {
  if (answer.kind === 'unreachable') return { kind: 'retry', error: answer.error, retryAfterMs: null };
  const { status, body } = answer;
  if (status >= 200 && status < 300) {
    const accepted = AcceptedAnswer.safeParse(body);
    // A proxy's page with a 200, or a 202/204, is not the collector's acknowledgement: keep the batch, try again.
    if ((status !== 200 && status !== 201) || !accepted.success) {
      return {
        kind: 'retry',
        error: `HTTP ${status} without an acceptance in the body`,
        retryAfterMs: parseRetryAfter(answer.retryAfter, now),
      };
    }
    return { kind: 'sent', duplicate: accepted.data.duplicate === true };
  }
  if (status === 409) {
    const parsed = ErrorAnswer.safeParse(body);
    if (parsed.success && parsed.data.error.code === 'stale_revision')
      return { kind: 'superseded', error: describe(status, body) };
    // Any other conflict (e.g. this batchId with a different body) will not go away by itself.
    return { kind: 'parked', error: describe(status, body) };
  }
  if (status === 408 || status === 429 || status >= 500) {
    return { kind: 'retry', error: describe(status, body), retryAfterMs: parseRetryAfter(answer.retryAfter, now) };
  }
  if (status >= 300 && status < 400) {
    // Redirects are not followed, so the token and signature never reach another address.
    return { kind: 'parked', error: `HTTP ${status}: the collector redirects; set its new address` };
  }
  if (PERMANENT.has(status)) return { kind: 'parked', error: describe(status, body) };
  // Outside the protocol's table (405, 415…): a configuration problem, not a passing one.
  return { kind: 'parked', error: `${describe(status, body)} (not an answer of the protocol)` };
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  let ms: number;
  if (/^\d+$/.test(text)) ms = Number(text) * 1000;
  else {
    const at = Date.parse(text);
    if (Number.isNaN(at)) return null;
    ms = at - now;
  }
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

/**
 * Exponential back-off with ±25 % jitter (so a district's kiosks, all failing
 * together when the collector is down, do not all come back in the same
 * second): ≈30 s after the first failure, doubling, never more than an hour.
 * A Retry-After is a minimum, so the longer of the two is used.
 */
export function retryDelay(failures: number, retryAfterMs: number | null, random: () => number): number {
  const base = Math.min(MAX_BACKOFF_MS, FIRST_RETRY_MS * 2 ** Math.min(Math.max(failures - 1, 0), 20));
  const jittered = Math.min(MAX_BACKOFF_MS, Math.round(base * (0.75 + random() * 0.5)));
  return Math.max(jittered, retryAfterMs ?? 0);
}

/**
 * testSyncConnection sends a signed body that no collector can accept (it is
 * not a batch). A collector that follows the protocol checks the token and
 * signature before the body, so a 400/422 proves it is reachable and trusts
 * this device, a 401/403 that it does not; nothing is stored either way.
 */
export const PROBE_BODY = { schema: AGGREGATE_SCHEMA, probe: true } as const;

export function interpretProbe(answer: UpstreamAnswer): {
  reachable: boolean;
  credentialsAccepted: boolean | null;
  status: number | null;
  message: string;
} {
  if (answer.kind === 'unreachable')
    return { reachable: false, credentialsAccepted: null, status: null, message: `no answer: ${answer.error}` };
  const { status, body } = answer;
  const said = describe(status, body);
  const result = (credentialsAccepted: boolean | null, message: string) => ({
    reachable: true,
    credentialsAccepted,
    status,
    message,
  });
  if (status === 400 || status === 422)
    return result(
      true,
      'the collector answers and accepts this device’s token and signature (it refused the test body, as expected)',
    );
  if (status === 401 || status === 403) return result(false, `the collector refuses this device: ${said}`);
  if (status === 404) return result(null, `nothing takes batches at this address (${said}); check the URL`);
  if (status >= 200 && status < 300) return result(true, `the collector answers and accepts this device (${said})`);
  if (status === 408 || status === 429 || status >= 500)
    return result(null, `the collector is unavailable for now: ${said}`);
  return result(null, `unexpected answer: ${said}`);
}
