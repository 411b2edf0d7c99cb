import type { ErrorCode } from '../../src/domain/errors';
import { ApiError } from '../api/client';

/** Messages the screens themselves raise before anything is sent. */
export type ClientProblemKey =
  | 'admin.validation.required'
  | 'admin.validation.pin'
  | 'admin.validation.pinMismatch'
  | 'admin.validation.code'
  | 'admin.validation.number'
  | 'admin.validation.period'
  | 'admin.validation.jsonParse'
  | 'admin.validation.fileRead'
  | 'admin.validation.noFile'
  | 'admin.validation.image'
  | 'admin.signIn.notAdmin'
  | 'admin.firstRun.forbidden'
  | 'admin.firstRun.exists';

/**
 * What went wrong, ready to show: a translation key (by error code, never the
 * host's English sentence) and, when the host's message names what was wrong,
 * that message verbatim as a detail.
 */
export interface Problem {
  key: `admin.errors.${ErrorCode}` | ClientProblemKey;
  /** Shown as it came (a field path, a file name): not translated. */
  detail?: string;
  /** Interpolated into the translated text (e.g. the names of the missing fields). */
  values?: Record<string, string>;
}

// These codes carry messages about the input itself ("dimensions[2].items[0].text.vi: required",
// "pin: required for a new officer"); the others (wrong PIN, locked, unavailable) would only
// repeat the translated text in English or leak nothing useful.
const DETAILED: ReadonlySet<ErrorCode> = new Set(['bad_input', 'conflict', 'not_found', 'too_large']);

export function problemOf(error: unknown): Problem {
  if (error instanceof ApiError) {
    const key = `admin.errors.${error.code}` as const;
    return DETAILED.has(error.code) && error.message ? { key, detail: error.message } : { key };
  }
  return { key: 'admin.errors.internal' };
}

export const isUnauthenticated = (error: unknown): boolean => error instanceof ApiError && error.code === 'unauthenticated';

/** A problem the screen found itself, e.g. a required field left empty. */
export const clientProblem = (key: ClientProblemKey, values?: Record<string, string>, detail?: string): Problem => ({
  key,
  ...(values ? { values } : {}),
  ...(detail ? { detail } : {}),
});
