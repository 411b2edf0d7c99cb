import { AppError } from '../domain/errors';
import type { Session } from '../contract/dispatch';
import type { Clock, OfficerStore, PinHasher } from './ports';

export const MAX_WRONG_PINS = 5;
export const LOCKOUT_MS = 5 * 60_000;
export const SESSION_IDLE_MS = 30 * 60_000;

export interface AuthServiceDeps {
  officers: OfficerStore;
  pins: PinHasher;
  clock: Clock;
  /** An unguessable session token. */
  newToken: () => string;
}

/** The lockout answer carries its remaining time as a number, for the screen to word. */
function lockedOut(remainingMs: number): AppError {
  const retryAfterSeconds = Math.ceil(remainingMs / 1000);
  return new AppError('locked', `too many wrong PINs; try again in ${Math.ceil(retryAfterSeconds / 60)} min`, {
    retryAfterSeconds,
  });
}

interface LiveSession extends Session {
  lastSeen: number;
}

/**
 * PIN sign-in with a per-officer lockout kept in the database (a restart does not
 * reset it) and sessions that live in memory and expire after 30 minutes idle.
 */
export function createAuthService({ officers, pins, clock, newToken }: AuthServiceDeps) {
  const sessions = new Map<string, LiveSession>();

  async function signIn({ officer: code, pin }: { officer: string; pin: string }) {
    const now = clock.now();
    const at = new Date(now).toISOString();
    const officer = officers.findOfficer(code);
    if (!officer) {
      officers.recordSignIn({ officer: code, at, outcome: 'unknown' });
      throw new AppError('unauthenticated', 'wrong officer or PIN');
    }
    if (officer.lockedUntil !== null && officer.lockedUntil > now) {
      officers.recordSignIn({ officer: code, at, outcome: 'locked' });
      throw lockedOut(officer.lockedUntil - now);
    }
    if (!(await pins.verify(pin, officer.pinHash))) {
      const failedAttempts = officer.failedAttempts + 1;
      const locks = failedAttempts >= MAX_WRONG_PINS;
      officers.recordSignIn({
        officer: code,
        at,
        outcome: 'wrong_pin',
        failedAttempts: locks ? 0 : failedAttempts,
        lockedUntil: locks ? now + LOCKOUT_MS : null,
      });
      if (locks) throw lockedOut(LOCKOUT_MS);
      throw new AppError('unauthenticated', 'wrong officer or PIN');
    }
    officers.recordSignIn({ officer: code, at, outcome: 'ok', failedAttempts: 0, lockedUntil: null });
    const token = newToken();
    sessions.set(token, { role: officer.role, officer: officer.code, officerName: officer.name, lastSeen: now });
    return {
      token,
      role: officer.role,
      officer: { code: officer.code, name: officer.name },
      idleTimeoutSeconds: SESSION_IDLE_MS / 1000,
    };
  }

  function resolveSession(token: string, touch = true): Session | null {
    const session = sessions.get(token);
    if (!session) return null;
    const now = clock.now();
    if (now - session.lastSeen > SESSION_IDLE_MS) {
      sessions.delete(token);
      return null;
    }
    if (touch) session.lastSeen = now;
    return { role: session.role, officer: session.officer, officerName: session.officerName };
  }

  function signOut(token: string | null) {
    if (token) sessions.delete(token);
    return { signedOut: true as const };
  }

  return {
    signIn,
    signOut,
    resolveSession,
    listOfficers: () => officers.listOfficers(),
    recentSignIns: ({ limit }: { limit: number }) => officers.recentSignIns(limit),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
