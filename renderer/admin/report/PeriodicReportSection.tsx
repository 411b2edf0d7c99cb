import './periodicReport.css';
import { useCallback, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/operations';
import { DIMENSION_COUNT, dimensionIds } from '../../../src/domain/dimensions';
import { localDayOf } from '../../../src/domain/localDay';
import { responseCountNames } from '../../../src/domain/responseCounts';
import { isPartial } from '../../../src/domain/scoring';
import { useApi } from '../../api/ApiContext';
import { useCountLabel, useDimensionName, useQuestionnaireTitle } from '../../components/reportNames';
import { ScreenHeading } from '../../components/ScreenHeading';
import { formatDay } from '../../format/dates';
import { intlLocale, useLanguage } from '../../i18n';
import { TargetProgressView } from '../../staff/targets/TargetProgressView';
import { LoadState, ProblemAlert, StatusLine } from '../ui/Feedback';
import { SelectField, TextField } from '../ui/Field';
import { useAction, useLoad } from '../useAdminCall';

type Kind = 'quarter' | 'year';
type Report = OutputOf<'periodicReport'>;

const yearOf = (day: string) => Number(day.slice(0, 4));

/**
 * Báo cáo định kỳ: the quarter or year report for the district/province, laid out
 * like the staff report (labels above their fields, the actions in one row, tables
 * with a caption, dates dd/MM/yyyy), with the plan's targets for the report's year;
 * printable on A4 (periodicReport.css) and saved as an XLSX file on the kiosk PC.
 */
export function PeriodicReportSection() {
  const { t } = useTranslation();
  const api = useApi();
  const [language] = useLanguage();
  const [kind, setKind] = useState<Kind>('quarter');
  const [of, setOf] = useState(() => localDayOf(Date.now()));
  const [asked, setAsked] = useState<{ kind: Kind; of: string }>({ kind, of });
  const report = useLoad(useCallback(() => api.call('periodicReport', asked), [api, asked]));
  // A quarter or a year lies in one year: its targets are that year's, year to date.
  const year = yearOf(asked.of);
  const progress = useLoad(useCallback(() => api.call('targetProgress', { year }), [api, year]));
  const saving = useAction();
  const percent = new Intl.NumberFormat(intlLocale[language], {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const pct = (value: number | null) => (value === null ? '—' : percent.format(value / 100));
  const decimal = new Intl.NumberFormat(intlLocale[language], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const mean = (value: number | null | undefined) => (value == null ? '—' : decimal.format(value));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (of) setAsked({ kind, of });
  };

  return (
    <div className="periodic">
      <ScreenHeading>{t('admin.sections.report')}</ScreenHeading>
      <form className="admin-card periodic-filters no-print" aria-label={t('admin.report.filters')} onSubmit={submit}>
        <div className="periodic-fields">
          <SelectField
            label={t('admin.report.kind')}
            value={kind}
            onChange={(value) => setKind(value === 'year' ? 'year' : 'quarter')}
            choices={[
              { value: 'quarter', label: t('admin.report.quarter') },
              { value: 'year', label: t('admin.report.year') },
            ]}
          />
          <TextField label={t('admin.report.of')} type="date" required value={of} onChange={setOf} />
        </div>
        <div className="periodic-actions">
          <button type="submit" className="button-primary">
            {t('admin.report.show')}
          </button>
          <button type="button" className="button-secondary" disabled={!report.data} onClick={() => window.print()}>
            {t('admin.report.print')}
          </button>
          <button
            type="button"
            className="button-secondary"
            disabled={saving.busy}
            onClick={() =>
              void saving.run(
                () => api.call('exportPeriodicReport', asked),
                (done) => t('admin.report.saved', { file: done.file }),
              )
            }
          >
            {t('admin.report.xlsx')}
          </button>
        </div>
        <ProblemAlert problem={saving.problem} />
        <StatusLine text={saving.done} />
      </form>
      <LoadState loading={!report.data} problem={report.problem} onRetry={report.reload} />
      {report.data && (
        <PrintableReport report={report.data} pct={pct} mean={mean}>
          <section className="periodic-targets" aria-labelledby="periodic-targets-heading">
            <h2 id="periodic-targets-heading">{t('office.targets.heading', { year })}</h2>
            <LoadState loading={!progress.data} problem={progress.problem} onRetry={progress.reload} />
            {progress.data && <TargetProgressView progress={progress.data} />}
          </section>
        </PrintableReport>
      )}
    </div>
  );
}

type Section = Report['byQuestionnaire'][number];
type Pct = (value: number | null) => string;
type Mean = (value: number | null | undefined) => string;

/** " (4/5 yếu tố)" after a SIPAS figure over fewer than five dimensions. */
function Coverage({ coverage, index }: { coverage: number; index: number | null }) {
  const { t } = useTranslation();
  if (index === null || !isPartial({ coverage })) return null;
  return (
    <>
      {' '}
      <span className="coverage-note">({t('admin.report.coverage', { coverage, total: DIMENSION_COUNT })})</span>
    </>
  );
}

function PrintableReport({
  report,
  pct,
  mean,
  children,
}: {
  report: Report;
  pct: Pct;
  mean: Mean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const countLabel = useCountLabel();
  return (
    <article className="periodic-report" aria-labelledby="periodic-report-title">
      <header className="periodic-head">
        <p className="periodic-unit">{report.unit.name}</p>
        <h2 id="periodic-report-title">
          {t(report.kind === 'year' ? 'admin.report.titleYear' : 'admin.report.titleQuarter')}
        </h2>
        <p>{t('admin.report.period', { from: formatDay(report.from), to: formatDay(report.to) })}</p>
      </header>
      <dl className="periodic-counts" aria-label={t('admin.report.counts')}>
        {responseCountNames.map((name) => (
          <div key={name}>
            <dt>{countLabel(name)}</dt>
            <dd>{report.responses[name]}</dd>
          </div>
        ))}
      </dl>
      <p className="periodic-note">{t('admin.report.perVersionNote')}</p>
      {report.byQuestionnaire.length === 0 && <p>{t('admin.report.none')}</p>}
      {report.byQuestionnaire.map((section) => (
        <VersionReport
          key={`${section.questionnaire.id}@${section.questionnaire.version}`}
          section={section}
          pct={pct}
          mean={mean}
        />
      ))}
      {children}
    </article>
  );
}

/** One questionnaire version: its SIPAS and dimensions, then per procedure field. */
function VersionReport({ section, pct, mean }: { section: Section; pct: Pct; mean: Mean }) {
  const { t } = useTranslation();
  const countLabel = useCountLabel();
  const dimensionName = useDimensionName();
  const title = useQuestionnaireTitle();
  const headingId = useId();
  const byDimension = new Map(section.score.dimensions.map((d) => [d.dimension, d]));
  return (
    <section className="periodic-version" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('admin.report.version', { title: title(section.questionnaire), version: section.questionnaire.version })}
      </h3>
      <p>{responseCountNames.map((name) => `${countLabel(name)}: ${section.responses[name]}`).join('; ')}</p>
      <table className="periodic-table">
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
            <th scope="row">
              {t('admin.report.sipas')}
              <Coverage coverage={section.score.coverage} index={section.score.index} />
            </th>
            <td>{pct(section.score.index)}</td>
            <td>{mean(section.score.mean)}</td>
            <td>{section.score.answers}</td>
          </tr>
          {dimensionIds.map((id) => (
            <tr key={id}>
              <th scope="row">{dimensionName(id)}</th>
              <td>{pct(byDimension.get(id)?.index ?? null)}</td>
              <td>{mean(byDimension.get(id)?.mean)}</td>
              <td>{byDimension.get(id)?.answers ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="periodic-table">
        <caption>{t('admin.report.byField')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.report.field')}</th>
            <th scope="col">{countLabel('counted')}</th>
            <th scope="col">{t('admin.report.sipas')}</th>
            {dimensionIds.map((id) => (
              <th scope="col" key={id}>
                {dimensionName(id)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {section.byField.map((row) => (
            <tr key={row.code}>
              <th scope="row">{row.name || t('admin.report.noField')}</th>
              <td>{row.counted}</td>
              <td>
                {pct(row.index)}
                <Coverage coverage={row.coverage} index={row.index} />
              </td>
              {dimensionIds.map((id) => (
                <td key={id}>{pct(row.dimensions[id] ?? null)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
