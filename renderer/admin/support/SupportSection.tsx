import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useFormat } from '../format';
import { LoadState, ProblemAlert, StatusLine } from '../ui/Feedback';
import { useAction, useLoad } from '../useAdminCall';

/** Lines shown on screen; the bundle carries many more. */
const SHOWN_LINES = 100;

/**
 * Hỗ trợ kỹ thuật: what someone helping the commune on the phone asks for —
 * versions, how often the kiosk had to heal itself, the latest log lines — and
 * one file with all of it (never a PIN, token or key) to send them.
 */
export function SupportSection() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const status = useLoad(useCallback(() => api.call('supportStatus', {}), [api]));
  const logs = useLoad(useCallback(() => api.call('recentLogLines', { limit: SHOWN_LINES }), [api]));
  const bundle = useAction();

  const refresh = () => {
    status.reload();
    logs.reload();
  };

  const save = () =>
    void bundle.run(
      () => api.call('saveSupportBundle', {}),
      (saved) => t('support.bundle.saved', { file: saved.fileName, size: format.bytes(saved.bytes) }),
    );

  const recoveries = status.data?.recoveries ?? null;
  return (
    <>
      <ScreenHeading>{t('admin.sections.support')}</ScreenHeading>
      <p>{t('support.intro')}</p>

      <section className="admin-card" aria-labelledby="support-health-heading">
        <h2 id="support-health-heading">{t('support.health.heading')}</h2>
        <LoadState loading={!status.data} problem={status.problem} onRetry={status.reload} />
        {status.data && (
          <dl className="admin-facts">
            <dt>{t('support.health.recoveries')}</dt>
            <dd>
              {recoveries
                ? t('support.health.recoveryCount', {
                    total: format.count(recoveries.total),
                    relaunches: format.count(recoveries.relaunches),
                  })
                : t('support.health.noShell')}
            </dd>
            {recoveries?.lastAt && (
              <>
                <dt>{t('support.health.lastRecovery')}</dt>
                <dd>
                  {format.dateTime(recoveries.lastAt)} — <code>{recoveries.lastReason}</code>
                </dd>
              </>
            )}
            {Object.entries(status.data.versions).map(([name, version]) => (
              <div key={name}>
                <dt>{t('support.health.version', { name })}</dt>
                <dd>
                  <code>{version}</code>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section className="admin-card" aria-labelledby="support-logs-heading">
        <h2 id="support-logs-heading">{t('support.logs.heading')}</h2>
        <LoadState loading={!logs.data} problem={logs.problem} onRetry={logs.reload} />
        {logs.data &&
          (logs.data.lines.length === 0 ? (
            <p>{status.data?.logFiles === false ? t('support.logs.noFiles') : t('support.logs.empty')}</p>
          ) : (
            <pre
              className="admin-log"
              tabIndex={0}
              aria-label={t('support.logs.label', { count: logs.data.lines.length })}
            >
              {logs.data.lines.join('\n')}
            </pre>
          ))}
        <div className="admin-actions">
          <button type="button" className="button-secondary" disabled={logs.loading} onClick={refresh}>
            {t('support.logs.refresh')}
          </button>
        </div>
      </section>

      <section className="admin-card" aria-labelledby="support-bundle-heading">
        <h2 id="support-bundle-heading">{t('support.bundle.heading')}</h2>
        <p>{t('support.bundle.explain')}</p>
        <div className="admin-actions">
          <button
            type="button"
            className="button-primary"
            disabled={bundle.busy}
            aria-busy={bundle.busy}
            onClick={save}
          >
            {bundle.busy ? t('support.bundle.saving') : t('support.bundle.save')}
          </button>
        </div>
        <ProblemAlert problem={bundle.problem} />
        <StatusLine text={bundle.done} />
      </section>
    </>
  );
}
