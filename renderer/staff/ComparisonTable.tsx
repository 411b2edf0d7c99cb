import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../src/contract/operations';
import { dimensionIds } from '../../src/domain/dimensions';
import type { Formatters } from './format';

type Overview = OutputOf<'todayOverview'>;
type Summary = Overview['today'];

export const periods = ['today', 'yesterday', 'last7Days'] as const;
export type Period = (typeof periods)[number];

const countKinds = ['counted', 'completed', 'abandoned', 'suspect'] as const;

/** The heading of a period's columns, with its dates so a printout stands on its own. */
export function usePeriodLabel(overview: Overview, format: Formatters) {
  const { t } = useTranslation();
  return (period: Period): string =>
    period === 'last7Days'
      ? t('staff.compare.last7Days', { from: format.shortDay(overview.last7Days.from), to: format.shortDay(overview.last7Days.to) })
      : t(`staff.compare.${period}`);
}

function scoreOf(summary: Summary, dimension: (typeof dimensionIds)[number] | 'sipas') {
  if (dimension === 'sipas') return summary.score;
  return summary.score.dimensions.find((d) => d.dimension === dimension) ?? null;
}

/** Today beside yesterday and the last 7 days: index and mean score per dimension. */
export function ComparisonTable({ overview, format }: { overview: Overview; format: Formatters }) {
  const { t } = useTranslation();
  const label = usePeriodLabel(overview, format);
  const rows = ['sipas', ...dimensionIds] as const;
  return (
    <table className="staff-table compare-table">
      <caption>{t('staff.compare.caption')}</caption>
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            {t('staff.table.dimension')}
          </th>
          {periods.map((period) => (
            <th scope="colgroup" colSpan={2} key={period}>
              {label(period)}
            </th>
          ))}
        </tr>
        <tr>
          {periods.flatMap((period) => [
            <th scope="col" key={`${period}-index`}>
              {t('staff.table.index')}
            </th>,
            <th scope="col" key={`${period}-mean`}>
              {t('staff.table.mean')}
            </th>,
          ])}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row} className={row === 'sipas' ? 'score-overall' : undefined}>
            <th scope="row">{row === 'sipas' ? t('staff.table.overall') : t(`dimension.${row}`)}</th>
            {periods.flatMap((period) => {
              const score = scoreOf(overview[period], row);
              return [
                <td key={`${period}-index`}>{format.percent(score?.index ?? null)}</td>,
                <td key={`${period}-mean`}>{format.mean(score?.mean ?? null)}</td>,
              ];
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** How many responses each period had, and how many were left out of the index. */
export function CountsTable({ overview, format }: { overview: Overview; format: Formatters }) {
  const { t } = useTranslation();
  const label = usePeriodLabel(overview, format);
  return (
    <table className="staff-table counts-table">
      <caption>{t('staff.counts.caption')}</caption>
      <thead>
        <tr>
          <td />
          {periods.map((period) => (
            <th scope="col" key={period}>
              {label(period)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {countKinds.map((kind) => (
          <tr key={kind}>
            <th scope="row">{t(`staff.counts.${kind}`)}</th>
            {periods.map((period) => (
              <td key={period}>{format.count(overview[period].responses[kind])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
