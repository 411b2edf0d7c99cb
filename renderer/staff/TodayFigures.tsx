import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../src/contract/operations';
import { Tick } from '../components/Tick';
import { BreakdownTable } from './BreakdownTable';
import { ComparisonTable, CountsTable, periods, usePeriodLabel, type Period } from './ComparisonTable';
import type { Formatters } from './format';
import { ScoreTable } from './ScoreTable';

type Overview = OutputOf<'todayOverview'>;

export interface TodayFiguresProps {
  overview: Overview;
  format: Formatters;
  /** On paper there is nothing to switch: the day's own details are printed. */
  printable?: boolean;
}

/** A day's figures: shared by the live Today screen and the printable day report. */
export function TodayFigures({ overview, format, printable = false }: TodayFiguresProps) {
  const { t } = useTranslation();
  const label = usePeriodLabel(overview, format);
  const [detail, setDetail] = useState<Period>('today');
  const shown = printable ? 'today' : detail;
  const { today } = overview;

  return (
    <>
      <section className="today-figures" aria-label={t('staff.today.keyFigures')}>
        <div className="sipas-figure">
          <h2>{t('staff.today.sipas')}</h2>
          <p className="sipas-value">{format.percent(today.score.index)}</p>
          <p className="sipas-hint">{t('staff.today.sipasHint')}</p>
        </div>
        <div className="today-counts">
          <h2>{t('staff.today.countsHeading')}</h2>
          <dl>
            {(['counted', 'abandoned', 'suspect'] as const).map((kind) => (
              <div key={kind}>
                <dt>{t(`staff.counts.${kind}`)}</dt>
                <dd>{format.count(today.responses[kind])}</dd>
              </div>
            ))}
          </dl>
        </div>
      </section>

      <div className="compare-grid">
        <ComparisonTable overview={overview} format={format} />
        <CountsTable overview={overview} format={format} />
      </div>

      <section className="detail-section" aria-label={t('staff.today.detailHeading')}>
        {!printable && (
          <div className="period-switch" role="group" aria-label={t('staff.today.detailFor')}>
            {periods.map((period) => (
              <button
                type="button"
                key={period}
                className="period-option"
                aria-pressed={detail === period}
                onClick={() => setDetail(period)}
              >
                {label(period)}
                {detail === period && <Tick />}
              </button>
            ))}
          </div>
        )}
        <ScoreTable
          score={overview[shown].score}
          format={format}
          caption={t('staff.today.detailCaption', { period: label(shown) })}
        />
      </section>

      <div className="breakdowns">
        <BreakdownTable kind="counter" rows={overview.byCounter} format={format} />
        <BreakdownTable kind="officer" rows={overview.byOfficer} format={format} />
        <BreakdownTable kind="field" rows={overview.byField} format={format} />
      </div>
    </>
  );
}
