import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useLoad } from '../useAdminCall';
import { LoadState } from '../ui/Feedback';
import { BatchTable } from './BatchTable';
import { ExportForm } from './ExportForm';
import { ExportJobView } from './ExportJobView';
import { useExportJob } from './useExportJob';

/** Xuất dữ liệu: start an export and follow it, then the batches already handed over. */
export function ExportsSection() {
  const { t } = useTranslation();
  const api = useApi();
  const batches = useLoad(useCallback(() => api.call('listExportBatches', {}), [api]));
  const job = useExportJob(batches.reload);
  const busy = job.starting || job.status?.state === 'running';

  return (
    <>
      <ScreenHeading>{t('admin.sections.exports')}</ScreenHeading>
      <p>{t('admin.exports.intro')}</p>
      <section className="admin-card" aria-label={t('admin.exports.formHeading')}>
        <ExportForm job={job} />
      </section>
      {job.status || job.problem ? <ExportJobView job={job} /> : null}
      <section className="admin-card" aria-labelledby="batches-heading">
        <h2 id="batches-heading">{t('admin.batches.heading')}</h2>
        <LoadState loading={!batches.data} problem={batches.problem} onRetry={batches.reload} />
        {batches.data && (
          <BatchTable
            batches={batches.data}
            disabled={busy}
            onReexport={(batch) => void job.start(() => api.call('reexportBatch', { batchId: batch.id }))}
          />
        )}
      </section>
    </>
  );
}
