import { createContext, useContext, type ReactNode } from 'react';

export type SignOutNotice = 'expired' | 'signedOut' | 'restored';

export interface AdminSession {
  officer: { code: string; name: string };
  /** A call came back `unauthenticated`: the session ended on the host (idle, restart, restore). */
  expire(): void;
  /** Ends the session from this side and returns to the sign-in form with a notice. */
  end(notice: SignOutNotice, values?: Record<string, string>): void;
  /** How often running jobs are polled; tests shorten it. */
  pollMs: number;
}

const SessionContext = createContext<AdminSession | null>(null);

export function AdminSessionProvider({ value, children }: { value: AdminSession; children: ReactNode }) {
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useAdminSession(): AdminSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useAdminSession() needs an <AdminSessionProvider> above it');
  return session;
}
