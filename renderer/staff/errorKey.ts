import type { ErrorCode } from '../../src/domain/errors';
import { ApiError } from '../api/client';

export type ErrorKey = `staff.errors.${ErrorCode}`;

/** The translation key for a failed call: by the error's code, never its English message. */
export function errorKey(error: unknown): ErrorKey {
  return error instanceof ApiError ? `staff.errors.${error.code}` : 'staff.errors.internal';
}

export const isUnauthenticated = (error: unknown): boolean => error instanceof ApiError && error.code === 'unauthenticated';
