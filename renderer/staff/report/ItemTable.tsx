import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/operations';
import { useDimensionName } from '../../components/reportNames';
import { useLanguage } from '../../i18n';
import type { Formatters } from '../format';
import { itemText } from '../questionnaireText';
import { useStaff } from '../StaffContext';

type Score = OutputOf<'periodReport'>['byQuestionnaire'][number]['score'];

/** Every question's own index: where a low dimension comes from, i.e. what to fix. */
export function ItemTable({ score, format }: { score: Score; format: Formatters }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { setup } = useStaff();
  const dimensionName = useDimensionName();
  const rows = score.dimensions.flatMap((dimension) =>
    dimension.items.map((item) => ({ dimension: dimension.dimension, ...item })),
  );
  if (rows.length === 0) return null;
  return (
    <table className="staff-table item-table">
      <caption>{t('staff.report.itemsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('staff.report.item')}</th>
          <th scope="col">{t('staff.table.index')}</th>
          <th scope="col">{t('staff.table.mean')}</th>
          <th scope="col">{t('staff.table.answers')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.item}>
            <th scope="row">
              {itemText(setup, row.item, language) ?? `${dimensionName(row.dimension)} (${row.item})`}
            </th>
            <td>{format.percent(row.index)}</td>
            <td>{format.mean(row.mean)}</td>
            <td>{format.count(row.answers)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
