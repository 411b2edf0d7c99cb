import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../components/ScreenHeading';
import { useStaff } from './StaffContext';
import { TodayFigures } from './TodayFigures';
import { useLoad } from '../session/useCall';
import { hrefOfView } from './views';
import { TodayAlerts } from './targets/TodayAlerts';
import { LapsedArmings } from './arm/LapsedArmings';

/** The landing screen: today's figures, refreshed live whenever a response is stored. */
export function TodayView() {
  const { t } = useTranslation();
  const { call, format, live } = useStaff();
  // The revision is the refresh key: a new response anywhere refetches within one poll.
  const overview = useLoad(
    useCallback(() => call('todayOverview', {}), [call]),
    live.revision,
  );
  const { data, problem, loading, loadedAt, reload } = overview;

  return (
    <main className="staff-main today" aria-busy={loading}>
      <header className="view-top">
        <div>
          <ScreenHeading>{t('staff.today.heading')}</ScreenHeading>
          {data && <p className="view-sub">{format.day(data.day)}</p>}
          {loadedAt !== null && (
            <p className="view-note">
              {t('staff.today.updatedAt', { time: format.time(new Date(loadedAt).toISOString()) })}
            </p>
          )}
        </div>
        <div className="view-actions">
          <button type="button" className="button-secondary" onClick={reload} disabled={loading}>
            {t('staff.today.refresh')}
          </button>
          <a className="button-primary" href={hrefOfView('print')}>
            {t('staff.today.print')}
          </a>
        </div>
      </header>
      <TodayAlerts />
      <LapsedArmings />

      {problem && (
        <p role="alert" className="error-message">
          {t('staff.today.loadFailed')} {t(problem.key)}
        </p>
      )}
      {!data && !problem && <p role="status">{t('staff.today.loading')}</p>}
      {data && <TodayFigures overview={data} format={format} />}
    </main>
  );
}
