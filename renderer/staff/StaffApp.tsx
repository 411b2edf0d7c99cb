import './locale';
import './staff.css';
import './forms.css';
import './print.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { LanguageToggle } from '../components/LanguageToggle';
import { SignInForm } from './SignInForm';
import type { SignInResult } from './StaffContext';
import { StaffShell } from './StaffShell';

type Notice = 'staff.signIn.sessionExpired' | 'staff.signIn.idleSignedOut';

/** The desk staff's route: PIN sign-in, then the staff screens. */
export function StaffApp() {
  const { t } = useTranslation();
  const api = useApi();
  const [session, setSession] = useState<SignInResult | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  // Ending a session (sign-out button, expiry, leaving the route) always tells
  // the host and drops the token, so no other screen calls with staff rights.
  useEffect(() => {
    if (!session) return;
    return () => {
      api.call('signOut', {}).catch(() => undefined);
      api.setToken(null);
    };
  }, [api, session]);

  const signedIn = useCallback(
    (result: SignInResult) => {
      api.setToken(result.token);
      setNotice(null);
      setSession(result);
    },
    [api],
  );
  const signOut = useCallback(() => setSession(null), []);
  const expire = useCallback(() => {
    setNotice('staff.signIn.sessionExpired');
    setSession(null);
  }, []);
  const idle = useCallback(() => {
    setNotice('staff.signIn.idleSignedOut');
    setSession(null);
  }, []);

  return (
    <div className="staff">
      {session ? (
        <StaffShell session={session} onSignOut={signOut} onExpired={expire} onIdle={idle} />
      ) : (
        <>
          <header className="staff-bar">
            <LanguageToggle />
          </header>
          <SignInForm onSignedIn={signedIn} notice={notice ? t(notice) : null} />
        </>
      )}
    </div>
  );
}
