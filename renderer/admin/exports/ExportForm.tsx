import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../src/contract/operations';
import { useApi } from '../../api/ApiContext';
import { clientProblem, type Problem } from '../problem';
import { ProblemAlert } from '../ui/Feedback';
import { CheckboxField, TextField } from '../ui/Field';
import type { ExportJob } from './useExportJob';

type Format = InputOf<'startExport'>['format'];
const FORMATS: readonly Format[] = ['csv', 'xlsx', 'json'];

/** Today in Vietnam as YYYY-MM-DD, whatever zone this PC is set to. */
function localToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Choose the period, format and (only when asked for) personal data; then start the export. */
export function ExportForm({ job }: { job: ExportJob }) {
  const { t } = useTranslation();
  const api = useApi();
  const [mode, setMode] = useState<'range' | 'sinceLast'>('range');
  const [from, setFrom] = useState(() => `${localToday().slice(0, 8)}01`);
  const [to, setTo] = useState(() => localToday());
  const [format, setFormat] = useState<Format>('csv');
  const [personal, setPersonal] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const running = job.status?.state === 'running';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (running || job.starting) return;
    if (mode === 'range') {
      const missing = [from === '' && t('admin.exports.from'), to === '' && t('admin.exports.to')].filter(Boolean);
      if (missing.length > 0)
        return setProblem(clientProblem('admin.validation.required', { fields: missing.join(', ') }));
      if (from > to) return setProblem(clientProblem('admin.validation.period'));
    }
    setProblem(null);
    const period = mode === 'range' ? { from, to } : { sinceLast: true as const };
    await job.start(() => api.call('startExport', { period, format, includePersonalData: personal }));
  }

  return (
    <form
      className="admin-form"
      noValidate
      aria-labelledby="export-form-heading"
      onSubmit={(event) => void submit(event)}
    >
      <h2 id="export-form-heading">{t('admin.exports.formHeading')}</h2>
      <fieldset className="admin-fieldset">
        <legend>{t('admin.exports.period')}</legend>
        <label className="admin-radio">
          <input type="radio" name="export-period" checked={mode === 'range'} onChange={() => setMode('range')} />
          {t('admin.exports.range')}
        </label>
        {mode === 'range' && (
          <div className="admin-row admin-indent">
            <TextField label={t('admin.exports.from')} required type="date" value={from} onChange={setFrom} />
            <TextField label={t('admin.exports.to')} required type="date" value={to} onChange={setTo} />
          </div>
        )}
        <label className="admin-radio">
          <input
            type="radio"
            name="export-period"
            checked={mode === 'sinceLast'}
            onChange={() => setMode('sinceLast')}
          />
          {t('admin.exports.sinceLast')}
        </label>
      </fieldset>
      <fieldset className="admin-fieldset">
        <legend>{t('admin.exports.format')}</legend>
        {FORMATS.map((value) => (
          <label key={value} className="admin-radio">
            <input type="radio" name="export-format" checked={format === value} onChange={() => setFormat(value)} />
            {t(`admin.exports.formats.${value}`)}
          </label>
        ))}
      </fieldset>
      <CheckboxField
        label={t('admin.exports.personal')}
        hint={t('admin.exports.personalHint')}
        checked={personal}
        onChange={setPersonal}
      />
      {personal && <p className="admin-warning">{t('admin.exports.personalWarning')}</p>}
      <ProblemAlert problem={problem} />
      <button type="submit" className="button-primary" disabled={running || job.starting} aria-busy={job.starting}>
        {job.starting ? t('admin.exports.starting') : running ? t('admin.exports.busy') : t('admin.exports.start')}
      </button>
    </form>
  );
}
