import './staff.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { LanguageToggle } from '../components/LanguageToggle';
import { SignInForm, type SignInResult } from './SignInForm';
import { TodayView } from './TodayView';

/** The desk staff's route: PIN sign-in, then today's figures. */
export function StaffApp() {
  const { t } = useTranslation();
  const api = useApi();
  const [session, setSession] = useState<SignInResult | null>(null);
  const [expired, setExpired] = useState(false);

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
      setExpired(false);
      setSession(result);
    },
    [api],
  );
  const signOut = useCallback(() => setSession(null), []);
  const expire = useCallback(() => {
    setExpired(true);
    setSession(null);
  }, []);

  return (
    <div className="staff">
      <div className="staff-bar">
        <LanguageToggle />
      </div>
      {session ? (
        <TodayView officerName={session.officer.name} onSignOut={signOut} onExpired={expire} />
      ) : (
        <SignInForm onSignedIn={signedIn} notice={expired ? t('staff.signIn.sessionExpired') : null} />
      )}
    </div>
  );
}
