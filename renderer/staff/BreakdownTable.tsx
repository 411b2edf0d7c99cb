import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../src/contract/operations';
import type { Formatters } from './format';

type Row = OutputOf<'todayOverview'>['byCounter'][number];
export type BreakdownKind = 'counter' | 'officer' | 'field';

/** Today's responses and scores per counter, officer or field of procedures. */
export function BreakdownTable({ kind, rows, format }: { kind: BreakdownKind; rows: readonly Row[]; format: Formatters }) {
  const { t } = useTranslation();
  return (
    <table className="staff-table breakdown-table">
      <caption>{t(`staff.by.${kind}`)}</caption>
      <thead>
        <tr>
          <th scope="col">{t(`staff.desk.${kind}`)}</th>
          <th scope="col">{t('staff.counts.counted')}</th>
          <th scope="col">{t('staff.counts.abandoned')}</th>
          <th scope="col">{t('staff.counts.suspect')}</th>
          <th scope="col">{t('staff.table.index')}</th>
          <th scope="col">{t('staff.table.mean')}</th>
          <th scope="col">{t('staff.table.answers')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={7} className="empty-row">
              {t('staff.breakdown.empty')}
            </td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.code}>
              {/* '' is a response given without this context (the kiosk was not armed). */}
              <th scope="row">{row.code === '' ? t('staff.breakdown.notRecorded') : row.name}</th>
              <td>{format.count(row.responses.counted)}</td>
              <td>{format.count(row.responses.abandoned)}</td>
              <td>{format.count(row.responses.suspect)}</td>
              <td>{format.percent(row.score.index)}</td>
              <td>{format.mean(row.score.mean)}</td>
              <td>{format.count(row.score.answers)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
