import './report/report.css';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../src/contract/operations';
import { responseCountNames } from '../../src/domain/responseCounts';
import { questionnaireKey, sameQuestionnaire, scoreCounts, type QuestionnaireRef } from '../../src/domain/scoring';
import { useCountLabel } from '../components/reportNames';
import { Tick } from '../components/Tick';
import { BreakdownTable } from './BreakdownTable';
import {
  ComparisonTable,
  CountsTable,
  periods,
  usePeriodLabel,
  versionIn,
  type Period,
  type VersionSummary,
} from './ComparisonTable';
import type { Formatters } from './format';
import { CoverageNote } from './report/CoverageNote';
import { useVersionLabel } from './report/versionLabel';
import { ScoreTable } from './ScoreTable';

type Overview = OutputOf<'todayOverview'>;
type Version = VersionSummary['questionnaire'];

export interface TodayFiguresProps {
  overview: Overview;
  format: Formatters;
  /** On paper there is nothing to switch: the day's own details are printed. */
  printable?: boolean;
}

/** Every version answered in the three periods, in the host's order (newest version first). */
function versionsOf(overview: Overview): Version[] {
  const seen = new Map<string, Version>();
  for (const period of ['last7Days', 'today', 'yesterday'] as const) {
    for (const { questionnaire } of overview[period].byQuestionnaire) {
      if (!seen.has(questionnaireKey(questionnaire))) seen.set(questionnaireKey(questionnaire), questionnaire);
    }
  }
  return [...seen.values()];
}

/**
 * A day's figures: shared by the live Today screen and the printable day report.
 * The counts add up over every questionnaire version; each index is shown per
 * version, in its own section, and never pooled across them.
 */
export function TodayFigures({ overview, format, printable = false }: TodayFiguresProps) {
  const { t } = useTranslation();
  const countLabel = useCountLabel();
  const versionLabel = useVersionLabel();
  const label = usePeriodLabel(overview, format);
  const [detail, setDetail] = useState<Period>('today');
  const shown = printable ? 'today' : detail;
  const { today } = overview;
  const versions = versionsOf(overview);

  return (
    <>
      <div className="today-top">
        <section className="today-figures" aria-label={t('staff.today.keyFigures')}>
          {today.byQuestionnaire.length === 0 ? (
            <div className="sipas-figure">
              <h2>{t('staff.today.sipas')}</h2>
              <p className="sipas-value">{format.percent(null)}</p>
              <p className="sipas-hint">{t('staff.perVersion.none')}</p>
            </div>
          ) : (
            today.byQuestionnaire.map(({ questionnaire, score }) => (
              <div className="sipas-figure" key={questionnaireKey(questionnaire)}>
                <h2>{t('staff.today.sipasFor', { questionnaire: versionLabel(questionnaire) })}</h2>
                <p className="sipas-value">{format.percent(score.index)}</p>
                <p className="sipas-hint">
                  {t('staff.today.sipasHint')}
                  <CoverageNote score={score} />
                </p>
              </div>
            ))
          )}
          <div className="today-counts">
            <h2>{t('staff.today.countsHeading')}</h2>
            <dl>
              {responseCountNames.map((name) => (
                <div key={name}>
                  <dt>{countLabel(name)}</dt>
                  <dd>{format.count(today.responses[name])}</dd>
                </div>
              ))}
            </dl>
          </div>
        </section>
        <CountsTable overview={overview} format={format} />
      </div>
      {/* On paper a single version needs no word about several. */}
      <p className={versions.length > 1 ? 'per-version-note' : 'per-version-note no-print'}>
        {t('staff.perVersion.note')}
      </p>

      {!printable && versions.length > 0 && (
        <div className="period-switch no-print" role="group" aria-label={t('staff.today.detailFor')}>
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

      {versions.length === 0 && <p className="staff-empty">{t('staff.perVersion.none')}</p>}
      {versions.map((version) => (
        <VersionSection
          key={questionnaireKey(version)}
          overview={overview}
          version={version}
          shown={shown}
          format={format}
          heading={versionLabel(version)}
        />
      ))}
    </>
  );
}

const onlyVersion = <Row extends { questionnaire: QuestionnaireRef }>(
  rows: readonly Row[],
  version: QuestionnaireRef,
) => rows.filter((row) => sameQuestionnaire(row.questionnaire, version));

function VersionSection({
  overview,
  version,
  shown,
  format,
  heading,
}: {
  overview: Overview;
  version: Version;
  shown: Period;
  format: Formatters;
  heading: string;
}) {
  const { t } = useTranslation();
  const label = usePeriodLabel(overview, format);
  const headingId = useId();
  const score = versionIn(overview[shown], version)?.score ?? scoreCounts([]);
  return (
    <section className="questionnaire-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <ComparisonTable overview={overview} version={version} format={format} />
      <ScoreTable score={score} format={format} caption={t('staff.today.detailCaption', { period: label(shown) })} />
      <div className="breakdowns">
        <BreakdownTable kind="counter" rows={onlyVersion(overview.byCounter, version)} format={format} />
        <BreakdownTable kind="officer" rows={onlyVersion(overview.byOfficer, version)} format={format} />
        <BreakdownTable kind="field" rows={onlyVersion(overview.byField, version)} format={format} />
      </div>
    </section>
  );
}
