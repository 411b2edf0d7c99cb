import { AdminTable } from '../ui/AdminTable';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/operations';
import { useFormat } from '../format';
import { BatchDownload } from './BatchDownload';

type Batch = OutputOf<'listExportBatches'>[number];

/** Every recorded batch, newest first, each with a way to write it again byte for byte. */
export function BatchTable({
  batches,
  onReexport,
  disabled,
}: {
  batches: readonly Batch[];
  onReexport: (batch: Batch) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (batches.length === 0) return <p>{t('admin.batches.none')}</p>;
  return (
    <AdminTable
      caption={t('admin.batches.heading')}
      columns={[
        t('admin.batches.file'),
        t('admin.batches.createdAt'),
        t('admin.batches.period'),
        t('admin.batches.responses'),
        t('admin.batches.format'),
        t('admin.batches.personal'),
        t('admin.batches.createdBy'),
        t('office.download.sha256'),
      ]}
      actions
    >
      {batches.map((batch) => (
        <tr key={batch.id}>
          <th scope="row">
            <code>{batch.fileName}</code>
          </th>
          <td>{format.dateTime(batch.createdAt)}</td>
          <td>{t('admin.batches.periodValue', { from: format.day(batch.from), to: format.day(batch.to) })}</td>
          <td>{format.count(batch.responses)}</td>
          <td>{batch.format.toUpperCase()}</td>
          <td>{batch.personalData ? t('admin.common.yes') : t('admin.common.no')}</td>
          <td>{batch.createdBy}</td>
          <td>
            <code className="sha256">{batch.sha256}</code>
          </td>
          <td>
            <BatchDownload batch={batch} disabled={disabled} />
            <button
              type="button"
              className="button-link"
              disabled={disabled}
              aria-label={t('admin.batches.reexportNamed', { file: batch.fileName })}
              onClick={() => onReexport(batch)}
            >
              {t('admin.batches.reexport')}
            </button>
          </td>
        </tr>
      ))}
    </AdminTable>
  );
}
