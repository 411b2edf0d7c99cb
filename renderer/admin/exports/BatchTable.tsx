import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/operations';
import { useFormat } from '../format';

type Batch = OutputOf<'listExportBatches'>[number];

/** Every recorded batch, newest first, each with a way to write it again byte for byte. */
export function BatchTable({ batches, onReexport, disabled }: { batches: readonly Batch[]; onReexport: (batch: Batch) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (batches.length === 0) return <p>{t('admin.batches.none')}</p>;
  return (
    <table className="admin-table">
      <caption className="visually-hidden">{t('admin.batches.heading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.batches.file')}</th>
          <th scope="col">{t('admin.batches.createdAt')}</th>
          <th scope="col">{t('admin.batches.period')}</th>
          <th scope="col">{t('admin.batches.responses')}</th>
          <th scope="col">{t('admin.batches.format')}</th>
          <th scope="col">{t('admin.batches.personal')}</th>
          <th scope="col">{t('admin.batches.createdBy')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('admin.common.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
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
              <button type="button" className="button-link" disabled={disabled} aria-label={t('admin.batches.reexportNamed', { file: batch.fileName })} onClick={() => onReexport(batch)}>
                {t('admin.batches.reexport')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
