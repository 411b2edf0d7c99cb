import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../src/contract/operations';
import { useCountLabel, useDimensionName } from '../components/reportNames';
import type { Formatters } from './format';
import { CoverageNote } from './report/CoverageNote';

type Row = OutputOf<'todayOverview'>['byCounter'][number];
export type BreakdownKind = 'counter' | 'officer' | 'field';

/** '' is a response given without this context (the kiosk was not armed). */
function useRowName() {
  const { t } = useTranslation();
  return (row: Row) => (row.code === '' ? t('staff.breakdown.notRecorded') : row.name);
}

/**
 * Today's responses and scores per counter or field of procedures, for one
 * questionnaire version; per officer, the officer dimension ("Công chức") rather
 * than the whole SIPAS index, which answers for the whole desk, not the officer.
 */
export function BreakdownTable({
  kind,
  rows,
  format,
}: {
  kind: BreakdownKind;
  rows: readonly Row[];
  format: Formatters;
}) {
  return kind === 'officer' ? (
    <OfficerTable rows={rows} format={format} />
  ) : (
    <PlaceTable kind={kind} rows={rows} format={format} />
  );
}

function EmptyRow({ columns }: { columns: number }) {
  const { t } = useTranslation();
  return (
    <tr>
      <td colSpan={columns} className="empty-row">
        {t('staff.breakdown.empty')}
      </td>
    </tr>
  );
}

function PlaceTable({ kind, rows, format }: { kind: 'counter' | 'field'; rows: readonly Row[]; format: Formatters }) {
  const { t } = useTranslation();
  const countLabel = useCountLabel();
  const nameOf = useRowName();
  return (
    <table className="staff-table breakdown-table">
      <caption>{t(`staff.by.${kind}`)}</caption>
      <thead>
        <tr>
          <th scope="col">{t(`staff.desk.${kind}`)}</th>
          <th scope="col">{countLabel('counted')}</th>
          <th scope="col">{countLabel('suspect')}</th>
          <th scope="col">{countLabel('abandoned')}</th>
          <th scope="col">{t('staff.table.overall')}</th>
          <th scope="col">{t('staff.table.mean')}</th>
          <th scope="col">{t('staff.table.answers')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <EmptyRow columns={7} />
        ) : (
          rows.map((row) => (
            <tr key={row.code}>
              <th scope="row">{nameOf(row)}</th>
              <td>{format.count(row.responses.counted)}</td>
              <td>{format.count(row.responses.suspect)}</td>
              <td>{format.count(row.responses.abandoned)}</td>
              <td>
                {format.percent(row.score.index)}
                <CoverageNote score={row.score} />
              </td>
              <td>{format.mean(row.score.mean)}</td>
              <td>{format.count(row.score.answers)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

function OfficerTable({ rows, format }: { rows: readonly Row[]; format: Formatters }) {
  const { t } = useTranslation();
  const countLabel = useCountLabel();
  const dimensionName = useDimensionName();
  const nameOf = useRowName();
  const officer = dimensionName('officer', 'short');
  return (
    <table className="staff-table breakdown-table">
      <caption>{t('staff.by.officer')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('staff.desk.officer')}</th>
          <th scope="col">{countLabel('counted')}</th>
          <th scope="col">{t('staff.breakdown.officerIndex', { dimension: officer })}</th>
          <th scope="col">{t('staff.table.mean')}</th>
          <th scope="col">{t('staff.table.answers')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <EmptyRow columns={5} />
        ) : (
          rows.map((row) => {
            const own = row.dimensions.find((d) => d.dimension === 'officer');
            return (
              <tr key={row.code}>
                <th scope="row">{nameOf(row)}</th>
                <td>{format.count(row.responses.counted)}</td>
                <td>{format.percent(own?.index ?? null)}</td>
                <td>{format.mean(own?.mean ?? null)}</td>
                <td>{format.count(own?.answers ?? 0)}</td>
              </tr>
            );
          })
        )}
      </tbody>
    </table>
  );
}
