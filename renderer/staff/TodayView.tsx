import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../src/contract/operations';
import { useApi } from '../api/ApiContext';
import { ScreenHeading } from '../components/ScreenHeading';
import { useLanguage } from '../i18n';
import { errorKey, isUnauthenticated, type ErrorKey } from './errorKey';
import { createFormatters } from './format';
import { ScoreTable } from './ScoreTable';

type Summary = OutputOf<'dailySummary'>;

export interface TodayViewProps {
  officerName: string;
  onSignOut: () => void;
  /** The host no longer knows the session (expired or restarted). Must be stable. */
  onExpired: () => void;
}

/** Today's counts and scores for desk staff. */
export function TodayView({ officerName, onSignOut, onExpired }: TodayViewProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [language] = useLanguage();
  const format = useMemo(() => createFormatters(language, t('common.none')), [language, t]);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<ErrorKey | null>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    api.call('dailySummary', {}).then(
      (value) => {
        if (!live) return;
        setSummary(value);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!live) return;
        if (isUnauthenticated(failure)) return onExpired();
        setError(errorKey(failure));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [api, version, onExpired]);

  const refresh = () => {
    setLoading(true);
    setVersion((n) => n + 1);
  };

  return (
    <main className="staff-main today" aria-busy={loading}>
      <header className="today-top">
        <div>
          <ScreenHeading>{t('staff.today.heading')}</ScreenHeading>
          {summary && <p className="today-day">{format.day(summary.day)}</p>}
          <p className="today-officer">{t('staff.today.signedInAs', { name: officerName })}</p>
        </div>
        <div className="today-actions">
          <button type="button" className="button-primary" onClick={refresh} disabled={loading}>
            {t('staff.today.refresh')}
          </button>
          <button type="button" className="button-secondary" onClick={onSignOut}>
            {t('staff.today.signOut')}
          </button>
        </div>
      </header>

      {error && (
        <p role="alert" className="error-message">
          {t('staff.today.loadFailed')} {t(error)}
        </p>
      )}
      {!summary && loading && <p role="status">{t('staff.today.loading')}</p>}

      {summary && (
        <>
          <section className="today-figures">
            <div className="sipas-figure">
              <h2>{t('staff.today.sipas')}</h2>
              <p className="sipas-value">{format.percent(summary.score.index)}</p>
              <p className="sipas-hint">{t('staff.today.sipasHint')}</p>
            </div>
            <div className="today-counts">
              <h2>{t('staff.today.countsHeading')}</h2>
              <dl>
                <div>
                  <dt>{t('staff.today.counted')}</dt>
                  <dd>{format.count(summary.responses.counted)}</dd>
                </div>
                <div>
                  <dt>{t('staff.today.abandoned')}</dt>
                  <dd>{format.count(summary.responses.abandoned)}</dd>
                </div>
                <div>
                  <dt>{t('staff.today.suspect')}</dt>
                  <dd>{format.count(summary.responses.suspect)}</dd>
                </div>
              </dl>
            </div>
          </section>
          <ScoreTable score={summary.score} format={format} />
        </>
      )}
    </main>
  );
}
