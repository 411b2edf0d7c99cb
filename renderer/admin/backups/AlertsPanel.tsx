import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { useFormat } from '../format';
import { useAction, useLoad } from '../useAdminCall';
import { LoadState, ProblemAlert, StatusLine } from '../ui/Feedback';

/** Problems the administrator must know about (a recovered database, failing backups) until marked as read. */
export function AlertsPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const alerts = useLoad(useCallback(() => api.call('systemAlerts', {}), [api]));
  const action = useAction();

  async function acknowledge(id: string, title: string) {
    if (
      await action.run(
        () => api.call('acknowledgeAlert', { id }),
        () => t('admin.alerts.acknowledged', { title }),
      )
    )
      alerts.reload();
  }

  return (
    <section className="admin-card" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">{t('admin.alerts.heading')}</h2>
      <LoadState loading={!alerts.data} problem={alerts.problem} onRetry={alerts.reload} />
      {alerts.data?.length === 0 && <p>{t('admin.alerts.none')}</p>}
      <ul className="admin-alerts">
        {alerts.data?.map((alert) => {
          const title = t(`admin.alerts.kinds.${alert.kind}`);
          return (
            <li key={alert.id} className="admin-alert">
              <h3>{title}</h3>
              <p>{t('admin.alerts.when', { at: format.dateTime(alert.at), count: alert.count })}</p>
              <p>
                <code>{alert.message}</code>
              </p>
              {Object.keys(alert.detail).length > 0 && (
                <dl className="admin-facts">
                  {Object.entries(alert.detail).map(([key, value]) => (
                    <div key={key}>
                      <dt>{key}</dt>
                      <dd>
                        <code>{value ?? '—'}</code>
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
              <button
                type="button"
                className="button-secondary"
                disabled={action.busy}
                aria-label={t('admin.alerts.acknowledgeNamed', { title })}
                onClick={() => void acknowledge(alert.id, title)}
              >
                {t('admin.alerts.acknowledge')}
              </button>
            </li>
          );
        })}
      </ul>
      <ProblemAlert problem={action.problem} />
      <StatusLine text={action.done} />
    </section>
  );
}
