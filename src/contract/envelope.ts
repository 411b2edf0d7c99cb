import type { ErrorCode, ErrorDetails } from '../domain/errors';

/** What every operation answers, over IPC and over HTTP alike. */
export type Envelope<T = unknown> =
  { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string; details?: ErrorDetails } };

export const success = <T>(value: T): Envelope<T> => ({ ok: true, value });
export const failure = (code: ErrorCode, message: string, details?: ErrorDetails): Envelope<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});

/** HTTP status for each error code; IPC carries the code itself. */
export const httpStatusOf: Record<ErrorCode, number> = {
  bad_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  locked: 429,
  unavailable: 503,
  internal: 500,
};
