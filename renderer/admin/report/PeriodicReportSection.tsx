import './periodicReport.css';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/operations';
import { dimensionIds } from '../../../src/domain/dimensions';
import { localDayOf } from '../../../src/domain/localDay';
import { useApi } from '../../api/ApiContext';
import { ScreenHeading } from '../../components/ScreenHeading';
import { intlLocale, useLanguage } from '../../i18n';
import { LoadState, ProblemAlert, StatusLine } from '../ui/Feedback';
import { useAction, useLoad } from '../useAdminCall';

type Kind = 'quarter' | 'year';
type Report = OutputOf<'periodicReport'>;

/**
 * Báo cáo định kỳ: the quarter or year report for the district/province, on screen
 * and printable on A4 (print stylesheet), and as an XLSX file on the kiosk PC.
 */
export function PeriodicReportSection() {
  const { t } = useTranslation();
  const api = useApi();
  const [language] = useLanguage();
  const [kind, setKind] = useState<Kind>('quarter');
  const [of, setOf] = useState(() => localDayOf(Date.now()));
  const [asked, setAsked] = useState<{ kind: Kind; of: string }>({ kind, of });
  const report = useLoad(useCallback(() => api.call('periodicReport', asked), [api, asked]));
  const saving = useAction();
  const percent = new Intl.NumberFormat(intlLocale[language], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const pct = (value: number | null) => (value === null ? '—' : percent.format(value / 100));
  const decimal = new Intl.NumberFormat(intlLocale[language], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const mean = (value: number | null | undefined) => (value == null ? '—' : decimal.format(value));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAsked({ kind, of });
  };

  return (
    <>
      <ScreenHeading>{t('admin.sections.report')}</ScreenHeading>
      <form className="admin-card admin-form no-print" onSubmit={submit}>
        <label>
          {t('admin.report.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="quarter">{t('admin.report.quarter')}</option>
            <option value="year">{t('admin.report.year')}</option>
          </select>
        </label>
        <label>
          {t('admin.report.of')}
          <input type="date" required value={of} onChange={(e) => setOf(e.target.value)} />
        </label>
        <div className="admin-form-footer">
          <button type="submit" className="button-primary">{t('admin.report.show')}</button>
          <button type="button" className="button-secondary" onClick={() => window.print()}>{t('admin.report.print')}</button>
          <button
            type="button"
            className="button-secondary"
            disabled={saving.busy}
            onClick={() => void saving.run(() => api.call('exportPeriodicReport', asked), (done) => t('admin.report.saved', { file: done.file }))}
          >
            {t('admin.report.xlsx')}
          </button>
          <ProblemAlert problem={saving.problem} />
          <StatusLine text={saving.done} />
        </div>
      </form>
      <LoadState loading={!report.data} problem={report.problem} onRetry={report.reload} />
      {report.data && <PrintableReport report={report.data} pct={pct} mean={mean} />}
    </>
  );
}

function PrintableReport({ report, pct, mean }: { report: Report; pct: (value: number | null) => string; mean: (value: number | null | undefined) => string }) {
  const { t } = useTranslation();
  const byDimension = new Map(report.score.dimensions.map((d) => [d.dimension, d]));
  return (
    <article className="periodic-report" aria-labelledby="periodic-report-title">
      <h2 id="periodic-report-title">{t(report.kind === 'year' ? 'admin.report.titleYear' : 'admin.report.titleQuarter')}</h2>
      <p>{t('admin.report.unitLine', { name: report.unit.name, from: report.from, to: report.to })}</p>
      <p>{t('admin.report.countsLine', { counted: report.responses.counted, suspect: report.responses.suspect, abandoned: report.responses.abandoned })}</p>
      <table className="admin-table">
        <caption>{t('admin.report.byDimension')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.report.dimension')}</th>
            <th scope="col">{t('admin.report.index')}</th>
            <th scope="col">{t('admin.report.mean')}</th>
            <th scope="col">{t('admin.report.answers')}</th>
          </tr>
        </thead>
        <tbody>
          <tr className="is-total">
            <th scope="row">{t('admin.report.sipas')}</th>
            <td>{pct(report.score.index)}</td>
            <td>{mean(report.score.mean)}</td>
            <td>{report.score.answers}</td>
          </tr>
          {dimensionIds.map((id) => (
            <tr key={id}>
              <th scope="row">{t(`dimension.${id}`)}</th>
              <td>{pct(byDimension.get(id)?.index ?? null)}</td>
              <td>{mean(byDimension.get(id)?.mean)}</td>
              <td>{byDimension.get(id)?.answers ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="admin-table">
        <caption>{t('admin.report.byField')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.report.field')}</th>
            <th scope="col">{t('admin.report.responses')}</th>
            <th scope="col">{t('admin.report.sipas')}</th>
            {dimensionIds.map((id) => (
              <th scope="col" key={id}>{t(`dimension.${id}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.byField.map((row) => (
            <tr key={row.code}>
              <th scope="row">{row.name || t('admin.report.noField')}</th>
              <td>{row.responses}</td>
              <td>{pct(row.index)}</td>
              {dimensionIds.map((id) => (
                <td key={id}>{pct(row.dimensions[id] ?? null)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
