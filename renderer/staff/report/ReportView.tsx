import './report.css';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDayOf } from '../../../src/domain/localDay';
import { responseCountNames } from '../../../src/domain/responseCounts';
import { questionnaireKey } from '../../../src/domain/scoring';
import type { OutputOf } from '../../../src/contract/operations';
import { useCountLabel } from '../../components/reportNames';
import { ScreenHeading } from '../../components/ScreenHeading';
import type { Formatters } from '../format';
import { ScoreTable } from '../ScoreTable';
import { useStaff } from '../StaffContext';
import { useLoad } from '../../session/useCall';
import { DistributionChart } from './DistributionChart';
import { ItemTable } from './ItemTable';
import { initialForm, reportRequest, type FormProblem, type ReportForm, type ReportRequest } from './reportForm';
import { ReportFilters } from './ReportFilters';
import { TrendChart } from './TrendChart';
import { useVersionLabel } from './versionLabel';

type Section = OutputOf<'periodReport'>['byQuestionnaire'][number];

function firstRequest(form: ReportForm): ReportRequest | null {
  const built = reportRequest(form);
  return 'request' in built ? built.request : null;
}

/**
 * Báo cáo: any period, filtered, with the daily trend and the distribution of
 * scores: one section per questionnaire version, never an index pooled across them.
 */
export function ReportView() {
  const { t } = useTranslation();
  const { call, format } = useStaff();
  const countLabel = useCountLabel();
  const resultId = useId();
  const [form, setForm] = useState<ReportForm>(() => initialForm(localDayOf(Date.now())));
  // The report shown follows the last submitted form, not every keystroke.
  const [request, setRequest] = useState<ReportRequest | null>(() => firstRequest(form));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const report = useLoad(
    useCallback(() => (request ? call('periodReport', request) : Promise.resolve(null)), [call, request]),
  );
  const { data, problem: failure, loading } = report;

  function submit() {
    const built = reportRequest(form);
    if ('problem' in built) return setProblem(built.problem);
    setProblem(null);
    setRequest(built.request);
  }

  return (
    <main className="staff-main report" aria-busy={loading}>
      <ScreenHeading>{t('staff.report.heading')}</ScreenHeading>
      <ReportFilters
        form={form}
        onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
        onSubmit={submit}
        problem={problem}
        busy={loading}
      />
      {failure && (
        <p role="alert" className="error-message">
          {t('staff.report.loadFailed')} {t(failure.key)}
        </p>
      )}
      {!data && loading && <p role="status">{t('staff.report.loading')}</p>}
      {data && (
        <section className="report-result" aria-labelledby={resultId}>
          <h2 id={resultId}>
            {t('staff.report.resultHeading', { from: format.shortDay(data.from), to: format.shortDay(data.to) })}
          </h2>
          <dl className="report-counts">
            {responseCountNames.map((name) => (
              <div key={name}>
                <dt>{countLabel(name)}</dt>
                <dd>{format.count(data.responses[name])}</dd>
              </div>
            ))}
          </dl>
          <p className="per-version-note">{t('staff.perVersion.note')}</p>
          {data.byQuestionnaire.length === 0 && <p className="staff-empty">{t('staff.perVersion.none')}</p>}
          {data.byQuestionnaire.map((section) => (
            <VersionReport key={questionnaireKey(section.questionnaire)} section={section} format={format} />
          ))}
        </section>
      )}
    </main>
  );
}

/** One questionnaire version's part of the report: its counts, index, trend, distribution and items. */
function VersionReport({ section, format }: { section: Section; format: Formatters }) {
  const { t } = useTranslation();
  const countLabel = useCountLabel();
  const versionLabel = useVersionLabel();
  const headingId = useId();
  return (
    <section className="questionnaire-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{versionLabel(section.questionnaire)}</h3>
      <dl className="report-counts" aria-label={t('staff.perVersion.counts')}>
        {responseCountNames.map((name) => (
          <div key={name}>
            <dt>{countLabel(name)}</dt>
            <dd>{format.count(section.responses[name])}</dd>
          </div>
        ))}
      </dl>
      <ScoreTable score={section.score} format={format} />
      <div className="chart-grid">
        <TrendChart trend={section.trend} format={format} />
        <DistributionChart distribution={section.score.distribution} format={format} />
      </div>
      <ItemTable score={section.score} format={format} />
    </section>
  );
}
