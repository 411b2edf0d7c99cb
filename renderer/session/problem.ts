import type { ErrorCode } from '../../src/domain/errors';
import { ApiError } from '../api/client';

/** The shared texts for a failed call, by the error's code (see `signin.errors` in the locales). */
export type ErrorTextKey = `signin.errors.${ErrorCode}` | 'signin.errors.lockedFor';

/**
 * What went wrong, ready to show: a translation key (never the host's English
 * sentence), values for it, and, when the host's message names what was wrong,
 * that message verbatim as a detail. `K` adds the keys a screen raises itself.
 */
export interface Problem<K extends string = never> {
  key: ErrorTextKey | K;
  /** Shown as it came (a field path, a file name): not translated. */
  detail?: string;
  /** Interpolated into the translated text. */
  values?: Record<string, string>;
}

// These codes carry messages about the input itself ("dimensions[2].items[0].text.vi: required");
// the others (wrong PIN, locked, unavailable) would only repeat the translated text in English.
const DETAILED: ReadonlySet<ErrorCode> = new Set(['bad_input', 'conflict', 'not_found', 'too_large']);

/** A failed call in words: structured details (a lockout's remaining time) come from the envelope, never from the message. */
export function problemOf(error: unknown): Problem {
  if (!(error instanceof ApiError)) return { key: 'signin.errors.internal' };
  const retryAfter = error.details.retryAfterSeconds;
  if (error.code === 'locked' && retryAfter !== undefined) {
    return { key: 'signin.errors.lockedFor', values: { minutes: String(Math.max(1, Math.ceil(retryAfter / 60))) } };
  }
  const key = `signin.errors.${error.code}` as const;
  return DETAILED.has(error.code) && error.message ? { key, detail: error.message } : { key };
}

/** The host no longer knows the session (expired, signed out elsewhere, restarted). */
export const isUnauthenticated = (error: unknown): boolean =>
  error instanceof ApiError && error.code === 'unauthenticated';

/** A problem the screen found itself, e.g. a required field left empty. */
export const clientProblem = <K extends string>(
  key: K,
  values?: Record<string, string>,
  detail?: string,
): Problem<K> => ({
  key,
  ...(values ? { values } : {}),
  ...(detail ? { detail } : {}),
});

/** Just the text, for screens that word a failure as one sentence after their own (no details). */
export const errorTextOf = (error: unknown): `signin.errors.${ErrorCode}` =>
  error instanceof ApiError ? `signin.errors.${error.code}` : 'signin.errors.internal';
