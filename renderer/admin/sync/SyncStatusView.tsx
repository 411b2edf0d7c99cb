import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/operations';
import { useFormat } from '../format';

type Status = OutputOf<'syncStatus'>;

/** Where sync stands: the address, what is stored, the last success, what waits and what was refused. */
export function SyncStatusView({ status }: { status: Status }) {
  const { t } = useTranslation();
  const format = useFormat();
  const stored = (yes: boolean) => (yes ? t('admin.sync.stored') : t('admin.sync.missing'));
  return (
    <>
      <dl className="admin-facts">
        <dt>{t('admin.sync.url')}</dt>
        <dd>{status.upstreamUrl ? <code>{status.upstreamUrl}</code> : t('admin.sync.notSet')}</dd>
        <dt>{t('admin.sync.deviceId')}</dt>
        <dd>
          <code>{status.deviceId}</code>
        </dd>
        <dt>{t('admin.sync.configured')}</dt>
        <dd>{status.configured ? t('admin.sync.configuredYes') : t('admin.sync.configuredNo')}</dd>
        <dt>{t('admin.sync.token')}</dt>
        <dd>{stored(status.hasToken)}</dd>
        <dt>{t('admin.sync.secret')}</dt>
        <dd>{stored(status.hasSecret)}</dd>
        <dt>{t('admin.sync.lastSuccess')}</dt>
        <dd>{status.lastSuccessAt ? format.dateTime(status.lastSuccessAt) : t('admin.sync.never')}</dd>
        <dt>{t('admin.sync.pending')}</dt>
        <dd>{format.count(status.pending)}</dd>
        <dt>{t('admin.sync.nextAttempt')}</dt>
        <dd>{status.nextAttemptAt ? format.dateTime(status.nextAttemptAt) : t('admin.sync.nextScheduled')}</dd>
        {status.lastError && (
          <>
            <dt>{t('admin.sync.lastError')}</dt>
            <dd>
              <code>{status.lastError}</code> {status.lastErrorAt && `(${format.dateTime(status.lastErrorAt)})`}
            </dd>
          </>
        )}
      </dl>
      {status.parked.length > 0 && (
        <div className="admin-parked">
          <h3>{t('admin.sync.parkedHeading')}</h3>
          <p>{t('admin.sync.parkedIntro')}</p>
          <table className="admin-table">
            <caption className="visually-hidden">{t('admin.sync.parkedHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.sync.parkedDay')}</th>
                <th scope="col">{t('admin.sync.parkedRevision')}</th>
                <th scope="col">{t('admin.sync.parkedBatch')}</th>
                <th scope="col">{t('admin.sync.parkedMessage')}</th>
              </tr>
            </thead>
            <tbody>
              {status.parked.map((batch) => (
                <tr key={batch.batchId}>
                  <th scope="row">{format.day(batch.date)}</th>
                  <td>{batch.revision}</td>
                  <td>
                    <code>{batch.batchId}</code>
                  </td>
                  <td>
                    <code>{batch.error}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
