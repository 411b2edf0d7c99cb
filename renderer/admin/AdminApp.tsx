import './admin.css';
import './forms.css';
import './data.css';
import './locale';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { LanguageToggle } from '../components/LanguageToggle';
import { ScreenHeading } from '../components/ScreenHeading';
import { hrefOf } from '../router';
import { AdminShell } from './AdminShell';
import { AdminSignIn, type SignInResult } from './AdminSignIn';
import { FirstRunForm } from './FirstRunForm';
import { problemOf, type Problem } from './problem';
import { AdminSessionProvider, type AdminSession, type SignOutNotice } from './session';
import { useIdleSignOut } from './useIdleSignOut';
import { LoadState } from './ui/Feedback';

type Phase =
  | { kind: 'checking'; problem: Problem | null }
  | { kind: 'firstRun' }
  | { kind: 'signIn'; notice: { key: SignOutNotice | 'created'; values?: Record<string, string> } | null; code?: string }
  | { kind: 'signedIn'; session: SignInResult };

export interface AdminAppProps {
  /** How often a running export is polled (ms); tests shorten it. */
  pollMs?: number;
}

/** The administrator's route: first-run setup or sign-in, then the setup sections. */
export function AdminApp({ pollMs = 500 }: AdminAppProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [phase, setPhase] = useState<Phase>({ kind: 'checking', problem: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    api.call('setupStatus', {}).then(
      ({ hasAdmin }) => live && setPhase(hasAdmin ? { kind: 'signIn', notice: null } : { kind: 'firstRun' }),
      (error: unknown) => live && setPhase({ kind: 'checking', problem: problemOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, attempt]);

  const session = phase.kind === 'signedIn' ? phase.session : null;
  // Whichever way a session ends (sign-out, expiry, restore, leaving the route),
  // the host is told and the token dropped, so nothing else calls with admin rights.
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
      setPhase({ kind: 'signedIn', session: result });
    },
    [api],
  );
  const end = useCallback((notice: SignOutNotice, values?: Record<string, string>) => setPhase({ kind: 'signIn', notice: { key: notice, ...(values ? { values } : {}) } }), []);
  const expire = useCallback(() => end('expired'), [end]);

  useIdleSignOut(session?.idleTimeoutSeconds ?? null, expire);

  const context = useMemo<AdminSession | null>(
    () => (session ? { officer: session.officer, expire, end, pollMs } : null),
    [session, expire, end, pollMs],
  );

  let body;
  if (phase.kind === 'checking') {
    body = (
      <main className="admin-narrow">
        <ScreenHeading>{t('admin.heading')}</ScreenHeading>
        <LoadState
          loading={!phase.problem}
          problem={phase.problem}
          onRetry={() => {
            setPhase({ kind: 'checking', problem: null });
            setAttempt((n) => n + 1);
          }}
        />
      </main>
    );
  } else if (phase.kind === 'firstRun') {
    body = <FirstRunForm onCreated={(admin) => setPhase({ kind: 'signIn', notice: { key: 'created', values: { name: admin.name } }, code: admin.code })} />;
  } else if (phase.kind === 'signIn') {
    const notice = phase.notice ? t(`admin.notice.${phase.notice.key}`, { replace: phase.notice.values ?? {} }) : null;
    body = <AdminSignIn key={phase.notice?.key ?? 'none'} onSignedIn={signedIn} notice={notice} initialCode={phase.code ?? ''} />;
  } else if (context) {
    body = (
      <AdminSessionProvider value={context}>
        <AdminShell onSignOut={() => end('signedOut')} />
      </AdminSessionProvider>
    );
  }

  return (
    <div className="admin">
      <div className="admin-bar">
        <a href={hrefOf('kiosk')}>{t('admin.backToKiosk')}</a>
        <LanguageToggle />
      </div>
      {body}
    </div>
  );
}
