import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import { ProblemAlert } from '../ui/Feedback';
import type { ExportJob } from './useExportJob';

/** Where a finished file lies: the host writes into <data folder>/exports on the kiosk PC. */
export const exportPath = (fileName: string) => `exports/${fileName}`;

/** The running or last export: a progress bar (done of total), Cancel, and where the file went. */
export function ExportJobView({ job }: { job: ExportJob }) {
  const { t } = useTranslation();
  const format = useFormat();
  const progressId = useId();
  const { status } = job;
  const running = status?.state === 'running';
  // No total yet (the first answer has not come): an indeterminate bar, not a false 0 %.
  const max = Math.max(status?.total ?? 0, 1);
  const value = !status || (running && status.total === 0) ? undefined : status.total === 0 ? 1 : status.done;

  return (
    <section className="admin-card admin-job" aria-labelledby="export-job-heading">
      <h2 id="export-job-heading">{t('admin.exports.jobHeading')}</h2>
      {status && (
        <>
          <label htmlFor={progressId}>{t('admin.exports.progress')}</label>
          <progress id={progressId} max={max} value={value} />
          <p className="admin-job-count">
            {t('admin.exports.count', { done: format.count(status.done), total: format.count(status.total) })}
          </p>
        </>
      )}
      <p role="status" className="admin-status">
        {status && t(`admin.exports.state.${status.state}`)}
        {status?.state === 'done' &&
          status.identical !== undefined &&
          ` ${t(status.identical ? 'admin.exports.identical' : 'admin.exports.notIdentical')}`}
      </p>
      {status?.state === 'failed' && status.error && (
        <p role="alert" className="error-message">
          {t('admin.exports.failedBecause')} <code>{status.error}</code>
        </p>
      )}
      {status?.state === 'done' && status.batch && (
        <dl className="admin-facts">
          <dt>{t('admin.exports.writtenTo')}</dt>
          <dd>
            <code>{exportPath(status.batch.fileName)}</code>
            <span className="admin-hint"> {t('admin.exports.onKioskPc')}</span>
          </dd>
          <dt>{t('admin.exports.manifest')}</dt>
          <dd>
            <code>{exportPath(`${status.batch.fileName}.manifest.json`)}</code>
          </dd>
          <dt>{t('admin.exports.responses')}</dt>
          <dd>{format.count(status.batch.responses)}</dd>
          <dt>{t('admin.exports.sha256')}</dt>
          <dd>
            <code className="admin-hash">{status.batch.sha256}</code>
          </dd>
        </dl>
      )}
      <ProblemAlert problem={job.problem} />
      {running && (
        <button
          type="button"
          className="button-secondary"
          disabled={job.cancelling}
          aria-busy={job.cancelling}
          onClick={() => void job.cancel()}
        >
          {job.cancelling ? t('admin.exports.cancelling') : t('admin.exports.cancel')}
        </button>
      )}
    </section>
  );
}
