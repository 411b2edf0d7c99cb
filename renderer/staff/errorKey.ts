import type { ErrorCode } from '../../src/domain/errors';
import { ApiError } from '../api/client';

export type ErrorKey = `staff.errors.${ErrorCode}`;

/** The translation key for a failed call: by the error's code, never its English message. */
export function errorKey(error: unknown): ErrorKey {
  return error instanceof ApiError ? `staff.errors.${error.code}` : 'staff.errors.internal';
}

export const isUnauthenticated = (error: unknown): boolean => error instanceof ApiError && error.code === 'unauthenticated';

/**
 * Minutes until a locked account may try again. The host says it only in its
 * (English) message, e.g. "too many wrong PINs; try again in 5 min"; when the
 * wording changes this gives null and the general locked message shows.
 */
export function lockedMinutes(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.code !== 'locked') return null;
  const match = /(\d+)\s*min/.exec(error.message);
  return match ? Number(match[1]) : null;
}
