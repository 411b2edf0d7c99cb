import './admin.css';
import './forms.css';
import './data.css';
import './locale';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { LanguageToggle } from '../components/LanguageToggle';
import { ScreenHeading } from '../components/ScreenHeading';
import { BackToKioskButton } from '../session/BackToKioskButton';
import { onKioskItself } from '../session/onKiosk';
import { useSession, type EndReason } from '../session/SessionProvider';
import { SetupWizard } from '../signin/SetupWizard';
import { AdminShell } from './AdminShell';
import { AdminSignIn } from './AdminSignIn';
import { FirstRunForm } from './FirstRunForm';
import { problemOf, type Problem } from './problem';
import { AdminSessionProvider, type AdminSession, type SignOutNotice } from './session';
import { LoadState } from './ui/Feedback';

type Phase =
  | { kind: 'checking'; problem: Problem | null }
  | { kind: 'firstRun' }
  /** The first administrator was made on the kiosk and is signed in: the rest of the setup follows. */
  | { kind: 'wizard' }
  | { kind: 'ready'; created?: { code: string; name: string } };

// An idle sign-out reads as an expired session here, as the host would say at the next call.
const NOTICES: Partial<Record<EndReason, SignOutNotice>> = {
  expired: 'expired',
  idle: 'expired',
  signedOut: 'signedOut',
  restored: 'restored',
};

export interface AdminAppProps {
  /** How often a running export is polled (ms); tests shorten it. */
  pollMs?: number;
}

/** The administrator's route: first-run setup or sign-in, then the setup sections. */
export function AdminApp({ pollMs = 500 }: AdminAppProps) {
  const { t } = useTranslation();
  const api = useApi();
  const { session, ended, begin, end } = useSession();
  const [phase, setPhase] = useState<Phase>({ kind: 'checking', problem: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    api.call('setupStatus', {}).then(
      ({ hasAdmin }) => live && setPhase(hasAdmin ? { kind: 'ready' } : { kind: 'firstRun' }),
      (error: unknown) => live && setPhase({ kind: 'checking', problem: problemOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, attempt]);

  const admin = session?.role === 'admin' ? session : null;
  const expire = useCallback(() => end('expired'), [end]);
  const context = useMemo<AdminSession | null>(
    () => (admin ? { officer: admin.officer, expire, end, pollMs } : null),
    [admin, expire, end, pollMs],
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
    body = (
      <FirstRunForm
        onCreated={(created, pin) => {
          setPhase({ kind: 'ready', created });
          // Only the kiosk itself may make the first administrator, so whoever did stands at it:
          // sign them in and go on with the unit, the officers and the questionnaire.
          if (!onKioskItself()) return;
          api.call('signIn', { officer: created.code, pin }).then(
            (result) => {
              begin(result);
              setPhase({ kind: 'wizard' });
            },
            () => undefined,
          );
        }}
      />
    );
  } else if (phase.kind === 'wizard' && context) {
    body = (
      <AdminSessionProvider value={context}>
        <SetupWizard />
      </AdminSessionProvider>
    );
  } else if (context) {
    body = (
      <AdminSessionProvider value={context}>
        <AdminShell onSignOut={() => end('signedOut')} />
      </AdminSessionProvider>
    );
  } else {
    const reason = ended ? NOTICES[ended.reason] : undefined;
    // The "created" notice greets the first sign-in only; after that, how the last session ended.
    const created = phase.kind === 'ready' ? phase.created : undefined;
    const notice =
      created && !ended
        ? t('admin.notice.created', { replace: { name: created.name } })
        : reason
          ? t(`admin.notice.${reason}`, { replace: ended?.values ?? {} })
          : null;
    body = <AdminSignIn key={reason ?? 'none'} onSignedIn={begin} notice={notice} initialCode={created?.code ?? ''} />;
  }

  return (
    <div className="admin">
      <div className="admin-bar">
        <BackToKioskButton />
        <LanguageToggle />
      </div>
      {body}
    </div>
  );
}
