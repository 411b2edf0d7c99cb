import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDayOf } from '../../src/domain/localDay';
import { ScreenHeading } from '../components/ScreenHeading';
import { errorTextOf } from '../session/problem';
import { useStaff } from './StaffContext';
import { TodayFigures } from './TodayFigures';
import { useLoad } from '../session/useCall';
import { hrefOfView } from './views';

type Saved =
  { kind: 'saved'; path: string } | { kind: 'cancelled' } | { kind: 'failed'; error: ReturnType<typeof errorTextOf> };

/**
 * The day report on A4 (see print.css). The browser prints it with its own
 * dialog; the desktop app can also save it as a PDF file directly.
 */
export function DailyReportView() {
  const { t } = useTranslation();
  const { call, format, session, setup } = useStaff();
  const dayId = useId();
  // Empty asks the host for its own today, so a wrong clock on a LAN PC cannot pick the day.
  const [day, setDay] = useState('');
  const [today] = useState(() => localDayOf(Date.now()));
  const [saved, setSaved] = useState<Saved | null>(null);
  const [saving, setSaving] = useState(false);
  const overview = useLoad(useCallback(() => call('todayOverview', day ? { day } : {}), [call, day]));
  const capabilities = useLoad(useCallback(() => call('shellCapabilities', {}), [call]));
  const { data, problem, loadedAt } = overview;

  async function savePdf(reportDay: string) {
    setSaving(true);
    setSaved(null);
    try {
      const result = await call('saveReportPdf', { fileName: `bao-cao-${reportDay}.pdf` });
      setSaved(result.saved && result.path ? { kind: 'saved', path: result.path } : { kind: 'cancelled' });
    } catch (failure) {
      setSaved({ kind: 'failed', error: errorTextOf(failure) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <main className="staff-main daily-report" aria-busy={overview.loading}>
      <div className="report-controls no-print">
        <a className="button-secondary" href={hrefOfView('today')}>
          {t('staff.print.back')}
        </a>
        <label htmlFor={dayId}>{t('staff.print.day')}</label>
        <input
          id={dayId}
          type="date"
          value={day || data?.day || ''}
          max={today}
          onChange={(event) => setDay(event.target.value)}
        />
        <button type="button" className="button-primary" onClick={() => window.print()} disabled={!data}>
          {t('staff.print.print')}
        </button>
        {capabilities.data?.savePdf && data && (
          <button type="button" className="button-secondary" onClick={() => void savePdf(data.day)} disabled={saving}>
            {saving ? t('staff.print.saving') : t('staff.print.savePdf')}
          </button>
        )}
      </div>
      {saved && (
        <p
          role={saved.kind === 'failed' ? 'alert' : 'status'}
          className={saved.kind === 'failed' ? 'error-message no-print' : 'staff-notice no-print'}
        >
          {saved.kind === 'saved'
            ? t('staff.print.savedTo', { path: saved.path })
            : saved.kind === 'cancelled'
              ? t('staff.print.notSaved')
              : `${t('staff.print.saveFailed')} ${t(saved.error)}`}
        </p>
      )}

      <header className="print-head">
        {setup && <p className="print-unit">{setup.settings.unit.name}</p>}
        <ScreenHeading>{t('staff.print.heading')}</ScreenHeading>
        {data && <p className="view-sub">{format.day(data.day)}</p>}
        {loadedAt !== null && (
          <p className="view-note">
            {t('staff.print.madeBy', {
              time: format.dateTime(new Date(loadedAt).toISOString()),
              name: session.officer.name,
            })}
          </p>
        )}
      </header>
      {problem && (
        <p role="alert" className="error-message">
          {t('staff.today.loadFailed')} {t(problem.key)}
        </p>
      )}
      {!data && !problem && <p role="status">{t('staff.today.loading')}</p>}
      {data && <TodayFigures overview={data} format={format} printable />}
    </main>
  );
}
