/**
 * Typed errors with a stable `code`. The code travels through both transports
 * (HTTP and IPC) inside the `{ok:false, error:{code, message}}` envelope; the
 * message is meant for people and must never carry secrets or stack traces.
 */
export const errorCodes = [
  'bad_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'too_large',
  'locked',
  'unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/**
 * Facts a screen needs to word an error itself (e.g. when a lockout ends), so
 * nothing ever parses the English message. Plain JSON values only: they travel
 * through both transports.
 */
export interface ErrorDetails {
  /** A lockout: seconds until the next attempt is accepted. */
  retryAfterSeconds?: number;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
