import './report.css';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDayOf } from '../../../src/domain/localDay';
import { ScreenHeading } from '../../components/ScreenHeading';
import { ScoreTable } from '../ScoreTable';
import { useStaff } from '../StaffContext';
import { useLoad } from '../useLoad';
import { DistributionChart } from './DistributionChart';
import { ItemTable } from './ItemTable';
import { initialForm, reportRequest, type FormProblem, type ReportForm, type ReportRequest } from './reportForm';
import { ReportFilters } from './ReportFilters';
import { TrendChart } from './TrendChart';

const countKinds = ['counted', 'completed', 'abandoned', 'suspect'] as const;

function firstRequest(form: ReportForm): ReportRequest | null {
  const built = reportRequest(form);
  return 'request' in built ? built.request : null;
}

/** Báo cáo: any period, filtered, with the daily trend and the distribution of scores. */
export function ReportView() {
  const { t } = useTranslation();
  const { call, format } = useStaff();
  const resultId = useId();
  const [form, setForm] = useState<ReportForm>(() => initialForm(localDayOf(Date.now())));
  // The report shown follows the last submitted form, not every keystroke.
  const [request, setRequest] = useState<ReportRequest | null>(() => firstRequest(form));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const report = useLoad(useCallback(() => (request ? call('periodReport', request) : Promise.resolve(null)), [call, request]));
  const { data, error, loading } = report;

  function submit() {
    const built = reportRequest(form);
    if ('problem' in built) return setProblem(built.problem);
    setProblem(null);
    setRequest(built.request);
  }

  return (
    <main className="staff-main report" aria-busy={loading}>
      <ScreenHeading>{t('staff.report.heading')}</ScreenHeading>
      <ReportFilters form={form} onChange={(patch) => setForm((f) => ({ ...f, ...patch }))} onSubmit={submit} problem={problem} busy={loading} />
      {error && (
        <p role="alert" className="error-message">
          {t('staff.report.loadFailed')} {t(error)}
        </p>
      )}
      {!data && loading && <p role="status">{t('staff.report.loading')}</p>}
      {data && (
        <section className="report-result" aria-labelledby={resultId}>
          <h2 id={resultId}>
            {t('staff.report.resultHeading', { from: format.shortDay(data.from), to: format.shortDay(data.to) })}
          </h2>
          <dl className="report-counts">
            {countKinds.map((kind) => (
              <div key={kind}>
                <dt>{t(`staff.counts.${kind}`)}</dt>
                <dd>{format.count(data.responses[kind])}</dd>
              </div>
            ))}
          </dl>
          <ScoreTable score={data.score} format={format} />
          <div className="chart-grid">
            <TrendChart trend={data.trend} format={format} />
            <DistributionChart distribution={data.score.distribution} format={format} />
          </div>
          <ItemTable score={data.score} format={format} />
        </section>
      )}
    </main>
  );
}
