import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { LanguageToggle } from '../components/LanguageToggle';
import { useLanguage } from '../i18n';
import { BackToKioskButton } from '../session/BackToKioskButton';
import { isUnauthenticated } from '../session/problem';
import { useSession } from '../session/SessionProvider';
import { useLoad } from '../session/useCall';
import { ArmView } from './arm/ArmView';
import { DailyReportView } from './DailyReportView';
import { createFormatters } from './format';
import { InboxView } from './inbox/InboxView';
import { TargetsView } from './targets/TargetsView';
import { StaffNav } from './StaffNav';
import { StaffProvider, type SignInResult, type StaffCall, type StaffContextValue } from './StaffContext';
import { TodayView } from './TodayView';
import { useLiveStatus } from './useLiveStatus';
import { useStaffView } from './views';

// The report carries the charting library: it loads only when a report is opened.
const ReportView = lazy(() => import('./report/ReportView').then((module) => ({ default: module.ReportView })));

/**
 * Everything a signed-in officer sees: the bar, the navigation and the current
 * screen. The session (its idle sign-out included) lives in renderer/session.
 */
export function StaffShell({ session }: { session: SignInResult }) {
  const { t } = useTranslation();
  const api = useApi();
  const { end } = useSession();
  const [language] = useLanguage();
  const view = useStaffView();
  const format = useMemo(() => createFormatters(language, t('common.none')), [language, t]);

  const call = useCallback<StaffCall>(
    async (name, input) => {
      try {
        return await api.call(name, input);
      } catch (failure) {
        if (isUnauthenticated(failure)) end('expired');
        throw failure;
      }
    },
    [api, end],
  );
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
        <button type="button" className="button-secondary" onClick={() => end('signedOut')}>
          {t('staff.shell.signOut')}
        </button>
        <BackToKioskButton />
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
        ) : view === 'targets' ? (
          <TargetsView />
        ) : (
          <TodayView />
        )}
      </Suspense>
    </StaffProvider>
  );
}
