import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/operations';
import { useApi } from '../../api/ApiContext';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useFormat } from '../format';
import { useAction, useLoad } from '../useAdminCall';
import { LoadState, ProblemAlert, StatusLine } from '../ui/Feedback';
import { SyncConfigForm } from './SyncConfigForm';
import { SyncStatusView } from './SyncStatusView';

type Status = OutputOf<'syncStatus'>;

/** Đồng bộ: what the upstream collector has had, the settings, and the two buttons to act now. */
export function SyncSection() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const loaded = useLoad(useCallback(() => api.call('syncStatus', {}), [api]));
  // configureSync answers with the new status: shown at once, without another round trip.
  const [saved, setSaved] = useState<Status | null>(null);
  const status = saved ?? loaded.data;
  const test = useAction();
  const sync = useAction();

  const testNow = () => {
    sync.clear();
    void test.run(
      () => api.call('testSyncConnection', {}),
      (result) =>
        [
          t(result.reachable ? 'admin.sync.test.reachable' : 'admin.sync.test.unreachable'),
          result.credentialsAccepted === null
            ? ''
            : t(result.credentialsAccepted ? 'admin.sync.test.accepted' : 'admin.sync.test.refused'),
          result.status === null ? '' : t('admin.sync.test.httpStatus', { status: result.status }),
          result.message,
        ]
          .filter(Boolean)
          .join(' '),
    );
  };

  const syncNow = async () => {
    test.clear();
    const result = await sync.run(
      () => api.call('syncNow', {}),
      (pass) =>
        [
          t(`admin.sync.outcome.${pass.outcome}`),
          t('admin.sync.counts', {
            built: format.count(pass.built),
            sent: format.count(pass.sent),
            parked: format.count(pass.parked),
            pending: format.count(pass.pending),
          }),
          pass.error ?? '',
        ]
          .filter(Boolean)
          .join(' '),
    );
    if (result) {
      setSaved(null);
      loaded.reload();
    }
  };

  return (
    <>
      <ScreenHeading>{t('admin.sections.sync')}</ScreenHeading>
      <p>{t('admin.sync.intro')}</p>
      <section className="admin-card" aria-labelledby="sync-status-heading">
        <h2 id="sync-status-heading">{t('admin.sync.statusHeading')}</h2>
        <LoadState loading={!status} problem={loaded.problem} onRetry={loaded.reload} />
        {status && <SyncStatusView status={status} />}
        <div className="admin-actions">
          <button
            type="button"
            className="button-secondary"
            disabled={test.busy || !status?.upstreamUrl}
            aria-busy={test.busy}
            onClick={testNow}
          >
            {test.busy ? t('admin.sync.testing') : t('admin.sync.test.button')}
          </button>
          <button
            type="button"
            className="button-primary"
            disabled={sync.busy || !status?.configured}
            aria-busy={sync.busy}
            onClick={() => void syncNow()}
          >
            {sync.busy ? t('admin.sync.syncing') : t('admin.sync.syncNow')}
          </button>
        </div>
        <ProblemAlert problem={test.problem ?? sync.problem} />
        <StatusLine text={test.done ?? sync.done} />
      </section>
      {status && (
        <section className="admin-card" aria-label={t('admin.sync.configHeading')}>
          <SyncConfigForm status={status} onSaved={setSaved} />
        </section>
      )}
    </>
  );
}
