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

export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
