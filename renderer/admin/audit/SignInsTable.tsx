import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { useFormat } from '../format';
import { useLoad } from '../useAdminCall';
import { LoadState } from '../ui/Feedback';

/** The latest sign-in attempts: wrong PINs and lockouts are how a guessed PIN shows up. */
export function SignInsTable() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const signIns = useLoad(useCallback(() => api.call('recentSignIns', { limit: 50 }), [api]));
  return (
    <section className="admin-card" aria-labelledby="sign-ins-heading">
      <h2 id="sign-ins-heading">{t('admin.signIns.heading')}</h2>
      <LoadState loading={!signIns.data} problem={signIns.problem} onRetry={signIns.reload} />
      {signIns.data?.length === 0 && <p>{t('admin.signIns.none')}</p>}
      {signIns.data && signIns.data.length > 0 && (
        <table className="admin-table">
          <caption className="visually-hidden">{t('admin.signIns.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.signIns.at')}</th>
              <th scope="col">{t('admin.signIns.officer')}</th>
              <th scope="col">{t('admin.signIns.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {signIns.data.map((entry, index) => (
              <tr key={`${entry.at}-${index}`} className={entry.outcome === 'ok' ? undefined : 'is-warning'}>
                <th scope="row">{format.dateTime(entry.at)}</th>
                <td>{entry.officer}</td>
                <td>{t(`admin.signIns.outcomes.${entry.outcome}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
