import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useEffectEvent,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { OutputOf } from '../../src/contract/operations';
import { STAFF_IDLE_MINUTES } from '../../src/domain/staffIdle';
import { useApi } from '../api/ApiContext';
import { hrefOf, useHashRoute } from '../router';
import { onKioskItself } from './onKiosk';
import { useIdleSignOut } from './useIdleSignOut';

export type SignInResult = OutputOf<'signIn'>;

/** Why the last session ended, for the sign-in screen to say. */
export type EndReason = 'signedOut' | 'expired' | 'idle' | 'restored' | 'toKiosk';

export interface Session extends SignInResult {
  /** Opened on the kiosk itself: it ends after the kiosk's short idle time and returns to the citizen screen. */
  onKiosk: boolean;
}

export interface SessionControl {
  session: Session | null;
  /** How the previous session ended (and values for its notice); null once a new one begins. */
  ended: { reason: EndReason; values?: Record<string, string> } | null;
  /** A sign-in succeeded: its token is used for every call from now on. */
  begin(result: SignInResult): void;
  /** Tells the host, drops the token; on the kiosk itself the citizen screen comes back. Stable. */
  end(reason: EndReason, values?: Record<string, string>): void;
}

const SessionContext = createContext<SessionControl | null>(null);

/**
 * The one session of the page, for staff and admin screens alike: whoever signs
 * in (the browser forms or the kiosk's hold-to-sign-in), the token, the idle
 * sign-out and the way back to the citizen screen live here.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const route = useHashRoute();
  const [session, setSession] = useState<Session | null>(null);
  const [ended, setEnded] = useState<SessionControl['ended']>(null);
  const current = useRef<Session | null>(null);

  const end = useCallback(
    (reason: EndReason, values?: Record<string, string>) => {
      const closing = current.current;
      if (!closing) return;
      current.current = null;
      // The call reads the token before it is dropped below, so the host forgets this very session.
      api.call('signOut', {}).catch(() => undefined);
      api.setToken(null);
      setSession(null);
      setEnded({ reason, ...(values ? { values } : {}) });
      if (closing.onKiosk && reason !== 'toKiosk') window.location.hash = hrefOf('kiosk');
    },
    [api],
  );

  const begin = useCallback(
    (result: SignInResult) => {
      // A new sign-in replaces the old session on the host too.
      if (current.current) api.call('signOut', {}).catch(() => undefined);
      const next = { ...result, onKiosk: onKioskItself() };
      current.current = next;
      api.setToken(result.token);
      setEnded(null);
      setSession(next);
    },
    [api],
  );

  // Back on the citizen screen, by any way (the button, Back, a typed address): nobody stays signed in.
  const leftForKiosk = useEffectEvent(() => end('toKiosk'));
  useEffect(() => {
    if (route === 'kiosk') leftForKiosk();
  }, [route]);

  useIdleSignOut(
    useIdleSeconds(session),
    useCallback(() => end('idle'), [end]),
  );

  const value = useMemo<SessionControl>(() => ({ session, ended, begin, end }), [session, ended, begin, end]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

/**
 * On the kiosk itself the kiosk's own setting (`staffIdleMinutes`, short: the
 * desk is public); a browser on a staff PC keeps the host's longer session.
 */
function useIdleSeconds(session: Session | null): number | null {
  const api = useApi();
  const [kioskMinutes, setKioskMinutes] = useState<number | null>(null);
  const onKiosk = session?.onKiosk === true;
  useEffect(() => {
    if (!onKiosk) return;
    let live = true;
    api.call('getKioskSetup', {}).then(
      ({ settings }) => live && setKioskMinutes(settings.staffIdleMinutes),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, onKiosk, session]);
  if (!session) return null;
  if (!session.onKiosk) return session.idleTimeoutSeconds;
  // Until the setting arrives, the default applies (it cannot be longer than the host's own).
  return (kioskMinutes ?? STAFF_IDLE_MINUTES.default) * 60;
}

export function useSession(): SessionControl {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() needs a <SessionProvider> above it');
  return value;
}
