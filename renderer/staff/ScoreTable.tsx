import { useTranslation } from 'react-i18next';
import { dimensionIds } from '../../src/domain/dimensions';
import { scaleChoices } from '../../src/domain/scale';
import type { Distribution, Score, SipasScore } from '../../src/domain/scoring';
import { useDimensionName } from '../components/reportNames';
import { useLanguage } from '../i18n';
import type { Formatters } from './format';
import { CoverageNote } from './report/CoverageNote';

const EMPTY: Score = { index: null, mean: null, answers: 0, distribution: [0, 0, 0, 0, 0] satisfies Distribution };

function ScoreCells({ score, format }: { score: Score; format: Formatters }) {
  return (
    <>
      <td>{format.percent(score.index)}</td>
      <td>{format.mean(score.mean)}</td>
      <td>{format.count(score.answers)}</td>
      {score.distribution.map((n, i) => (
        <td key={i}>{format.count(n)}</td>
      ))}
    </>
  );
}

/** One questionnaire version's SIPAS index and every dimension's, with mean score and the 1–5 distribution. */
export function ScoreTable({ score, format, caption }: { score: SipasScore; format: Formatters; caption?: string }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const dimensionName = useDimensionName();
  const labels = scaleChoices(5, language);
  return (
    <table className="staff-table score-table">
      <caption>{caption ?? t('staff.table.caption')}</caption>
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            {t('staff.table.dimension')}
          </th>
          <th scope="col" rowSpan={2}>
            {t('staff.table.index')}
          </th>
          <th scope="col" rowSpan={2}>
            {t('staff.table.mean')}
          </th>
          <th scope="col" rowSpan={2}>
            {t('staff.table.answers')}
          </th>
          <th scope="colgroup" colSpan={5}>
            {t('staff.table.distribution')}
          </th>
        </tr>
        <tr>
          {labels.map((choice) => (
            <th scope="col" key={choice.score}>
              {choice.score}
              <span className="visually-hidden"> {choice.label}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr className="score-overall">
          <th scope="row">
            {t('staff.table.overall')}
            <CoverageNote score={score} />
          </th>
          <ScoreCells score={score} format={format} />
        </tr>
        {/* All five dimensions, even those nobody answered today. */}
        {dimensionIds.map((id) => (
          <tr key={id}>
            <th scope="row">{dimensionName(id)}</th>
            <ScoreCells score={score.dimensions.find((d) => d.dimension === id) ?? EMPTY} format={format} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
