import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { LanguageToggle } from '../components/LanguageToggle';
import { useLanguage } from '../i18n';
import { ArmView } from './arm/ArmView';
import { DailyReportView } from './DailyReportView';
import { isUnauthenticated } from './errorKey';
import { createFormatters } from './format';
import { InboxView } from './inbox/InboxView';
import { StaffNav } from './StaffNav';
import { StaffProvider, type SignInResult, type StaffCall, type StaffContextValue } from './StaffContext';
import { TodayView } from './TodayView';
import { useIdleTimeout } from './useIdleTimeout';
import { useLiveStatus } from './useLiveStatus';
import { useLoad } from './useLoad';
import { useStaffView } from './views';

// The report carries the charting library: it loads only when a report is opened.
const ReportView = lazy(() => import('./report/ReportView').then((module) => ({ default: module.ReportView })));

export interface StaffShellProps {
  session: SignInResult;
  onSignOut: () => void;
  /** The host no longer knows the session (expired or restarted). Must be stable. */
  onExpired: () => void;
  /** Nobody touched the screen for the session's idle time. Must be stable. */
  onIdle: () => void;
}

/** Everything a signed-in officer sees: the bar, the navigation and the current screen. */
export function StaffShell({ session, onSignOut, onExpired, onIdle }: StaffShellProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [language] = useLanguage();
  const view = useStaffView();
  const format = useMemo(() => createFormatters(language, t('common.none')), [language, t]);

  const call = useCallback<StaffCall>(
    async (name, input) => {
      try {
        return await api.call(name, input);
      } catch (failure) {
        if (isUnauthenticated(failure)) onExpired();
        throw failure;
      }
    },
    [api, onExpired],
  );
  useIdleTimeout(session.idleTimeoutSeconds * 1000, onIdle);
  const live = useLiveStatus(call);
  const desks = useLoad(useCallback(() => call('listDesks', {}), [call]));
  const setup = useLoad(useCallback(() => call('getKioskSetup', {}), [call]));

  const context = useMemo<StaffContextValue>(
    () => ({ session, call, format, live, desks: desks.data, setup: setup.data }),
    [session, call, format, live, desks.data, setup.data],
  );
  const pending = live.pendingWrites ?? 0;

  return (
    <StaffProvider value={context}>
      <header className="staff-bar">
        <p className="staff-who">{t('staff.shell.signedInAs', { name: session.officer.name })}</p>
        <LanguageToggle />
        <button type="button" className="button-secondary" onClick={onSignOut}>
          {t('staff.shell.signOut')}
        </button>
      </header>
      <StaffNav current={view} />
      {pending > 0 && (
        <p role="alert" className="staff-pending">
          {t('staff.shell.pendingWrites', { count: pending })}
        </p>
      )}
      <Suspense
        fallback={
          <p role="status" className="staff-loading">
            {t('staff.shell.loadingView')}
          </p>
        }
      >
        {view === 'report' ? (
          <ReportView />
        ) : view === 'inbox' ? (
          <InboxView />
        ) : view === 'arm' ? (
          <ArmView />
        ) : view === 'print' ? (
          <DailyReportView />
        ) : (
          <TodayView />
        )}
      </Suspense>
    </StaffProvider>
  );
}
