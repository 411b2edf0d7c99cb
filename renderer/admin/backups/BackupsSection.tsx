import { AdminTable } from '../ui/AdminTable';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/operations';
import { useApi } from '../../api/ApiContext';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useFormat } from '../format';
import { useAdminSession } from '../session';
import { useAction, useLoad } from '../useAdminCall';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { LoadState, ProblemAlert, StatusLine } from '../ui/Feedback';
import { BackupDownload } from '../exports/BackupDownload';
import { AlertsPanel } from './AlertsPanel';
import { RetentionForm } from './RetentionForm';

type Backup = OutputOf<'listBackups'>[number];

/** Sao lưu: alerts first (they may be why the administrator came), then backups and retention. */
export function BackupsSection() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const session = useAdminSession();
  const backups = useLoad(useCallback(() => api.call('listBackups', {}), [api]));
  const create = useAction();
  const restore = useAction();
  const [restoring, setRestoring] = useState<Backup | null>(null);

  async function createNow() {
    if (
      await create.run(
        () => api.call('createBackup', {}),
        (backup) => t('admin.backups.created', { name: backup.name }),
      )
    )
      backups.reload();
  }

  async function restoreNow(backup: Backup) {
    const result = await restore.run(() => api.call('restoreBackup', { name: backup.name }));
    // The host has ended every session with the database it replaced: sign in again.
    if (result) session.end('restored', { name: result.restored.name });
  }

  return (
    <>
      <ScreenHeading>{t('admin.sections.backups')}</ScreenHeading>
      <AlertsPanel />
      <section className="admin-card" aria-labelledby="backups-heading">
        <div className="admin-form-top">
          <h2 id="backups-heading">{t('admin.backups.heading')}</h2>
          <button
            type="button"
            className="button-primary"
            disabled={create.busy}
            aria-busy={create.busy}
            onClick={() => void createNow()}
          >
            {create.busy ? t('admin.backups.creating') : t('admin.backups.create')}
          </button>
        </div>
        <p>{t('admin.backups.intro')}</p>
        <ProblemAlert problem={create.problem} />
        <StatusLine text={create.done} />
        <LoadState loading={!backups.data} problem={backups.problem} onRetry={backups.reload} />
        {backups.data?.length === 0 && <p>{t('admin.backups.none')}</p>}
        {backups.data && backups.data.length > 0 && (
          <AdminTable
            caption={t('admin.backups.heading')}
            columns={[
              t('admin.backups.name'),
              t('admin.backups.day'),
              t('admin.backups.createdAt'),
              t('admin.backups.size'),
              t('admin.backups.kind'),
            ]}
            actions
          >
            {backups.data.map((backup) => (
              <tr key={backup.name}>
                <th scope="row">
                  <code>{backup.name}</code>
                </th>
                <td>{format.day(backup.day)}</td>
                <td>{format.dateTime(backup.createdAt)}</td>
                <td>{format.bytes(backup.bytes)}</td>
                <td>{t(`admin.backups.kinds.${backup.kind}`)}</td>
                <td>
                  <button
                    type="button"
                    className="button-link"
                    aria-label={t('admin.backups.restoreNamed', { name: backup.name })}
                    onClick={() => {
                      restore.clear();
                      setRestoring(backup);
                    }}
                  >
                    {t('admin.backups.restore')}
                  </button>{' '}
                  <BackupDownload name={backup.name} />
                </td>
              </tr>
            ))}
          </AdminTable>
        )}
      </section>
      <RetentionForm />
      {restoring && (
        <ConfirmDialog
          title={t('admin.backups.confirmTitle')}
          confirmLabel={t('admin.backups.confirm')}
          busyLabel={t('admin.backups.restoring')}
          action={restore}
          onCancel={() => setRestoring(null)}
          onConfirm={() => void restoreNow(restoring)}
        >
          <p>{t('admin.backups.confirmBody', { name: restoring.name, at: format.dateTime(restoring.createdAt) })}</p>
          <p>{t('admin.backups.confirmSignOut')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
