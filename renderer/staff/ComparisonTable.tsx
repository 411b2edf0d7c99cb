import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../src/contract/operations';
import { dimensionIds } from '../../src/domain/dimensions';
import { responseCountNames } from '../../src/domain/responseCounts';
import { sameQuestionnaire, type QuestionnaireRef } from '../../src/domain/scoring';
import { useCountLabel, useDimensionName } from '../components/reportNames';
import type { Formatters } from './format';
import { CoverageNote } from './report/CoverageNote';

type Overview = OutputOf<'todayOverview'>;
type Summary = Overview['today'];
export type VersionSummary = Summary['byQuestionnaire'][number];

export const periods = ['today', 'yesterday', 'last7Days'] as const;
export type Period = (typeof periods)[number];

/** The heading of a period's columns, with its dates so a printout stands on its own. */
export function usePeriodLabel(overview: Overview, format: Formatters) {
  const { t } = useTranslation();
  return (period: Period): string =>
    period === 'last7Days'
      ? t('staff.compare.last7Days', {
          from: format.shortDay(overview.last7Days.from),
          to: format.shortDay(overview.last7Days.to),
        })
      : t(`staff.compare.${period}`);
}

/** One questionnaire version's figures in a period, if it had any. */
export const versionIn = (summary: Summary, version: QuestionnaireRef): VersionSummary | undefined =>
  summary.byQuestionnaire.find((s) => sameQuestionnaire(s.questionnaire, version));

/** Today beside yesterday and the last 7 days for one questionnaire version: index and mean score per dimension. */
export function ComparisonTable({
  overview,
  version,
  format,
}: {
  overview: Overview;
  version: QuestionnaireRef;
  format: Formatters;
}) {
  const { t } = useTranslation();
  const dimensionName = useDimensionName();
  const label = usePeriodLabel(overview, format);
  const rows = ['sipas', ...dimensionIds] as const;
  const scoreOf = (period: Period, row: (typeof rows)[number]) => {
    const score = versionIn(overview[period], version)?.score;
    if (!score) return null;
    return row === 'sipas' ? score : (score.dimensions.find((d) => d.dimension === row) ?? null);
  };
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
            <th scope="row">{row === 'sipas' ? t('staff.table.overall') : dimensionName(row)}</th>
            {periods.flatMap((period) => {
              const score = scoreOf(period, row);
              const overall = row === 'sipas' ? versionIn(overview[period], version)?.score : undefined;
              return [
                <td key={`${period}-index`}>
                  {format.percent(score?.index ?? null)}
                  {overall && <CoverageNote score={overall} />}
                </td>,
                <td key={`${period}-mean`}>{format.mean(score?.mean ?? null)}</td>,
              ];
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** How many responses each period had over every questionnaire version, and how many were left out of the index. */
export function CountsTable({ overview, format }: { overview: Overview; format: Formatters }) {
  const { t } = useTranslation();
  const countLabel = useCountLabel();
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
        {responseCountNames.map((name) => (
          <tr key={name}>
            <th scope="row">{countLabel(name)}</th>
            {periods.map((period) => (
              <td key={period}>{format.count(overview[period].responses[name])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
