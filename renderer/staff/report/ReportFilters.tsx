import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { useStaff } from '../StaffContext';
import { periodModes, questionnaireValue, type FormProblem, type ReportForm } from './reportForm';

export interface ReportFiltersProps {
  form: ReportForm;
  onChange: (patch: Partial<ReportForm>) => void;
  onSubmit: () => void;
  problem: FormProblem | null;
  busy: boolean;
}

const deskKinds = [
  ['counter', 'counters'],
  ['officer', 'officers'],
  ['field', 'fields'],
] as const;

/** The period and the filters of a report; nothing is sent until "Xem báo cáo". */
export function ReportFilters({ form, onChange, onSubmit, problem, busy }: ReportFiltersProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { desks, setup } = useStaff();
  const ids = {
    mode: useId(),
    from: useId(),
    to: useId(),
    of: useId(),
    counter: useId(),
    officer: useId(),
    field: useId(),
    questionnaire: useId(),
    suspect: useId(),
    abandoned: useId(),
    problem: useId(),
  };
  const active = setup?.questionnaire;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <form
      className="staff-form report-filters no-print"
      noValidate
      onSubmit={submit}
      aria-label={t('staff.report.filtersLabel')}
    >
      <div className="form-row">
        <label htmlFor={ids.mode}>{t('staff.report.mode')}</label>
        <select
          id={ids.mode}
          value={form.mode}
          onChange={(e) => onChange({ mode: periodModes.find((m) => m === e.target.value) ?? 'month' })}
        >
          {periodModes.map((mode) => (
            <option key={mode} value={mode}>
              {t(`staff.periodMode.${mode}`)}
            </option>
          ))}
        </select>
      </div>
      {form.mode === 'range' ? (
        <>
          <div className="form-row">
            <label htmlFor={ids.from}>{t('staff.report.from')}</label>
            <input
              id={ids.from}
              type="date"
              value={form.from}
              aria-describedby={problem ? ids.problem : undefined}
              onChange={(e) => onChange({ from: e.target.value })}
            />
          </div>
          <div className="form-row">
            <label htmlFor={ids.to}>{t('staff.report.to')}</label>
            <input
              id={ids.to}
              type="date"
              value={form.to}
              aria-describedby={problem ? ids.problem : undefined}
              onChange={(e) => onChange({ to: e.target.value })}
            />
          </div>
        </>
      ) : (
        <div className="form-row">
          <label htmlFor={ids.of}>{t('staff.report.of')}</label>
          <input
            id={ids.of}
            type="date"
            value={form.of}
            aria-describedby={problem ? ids.problem : undefined}
            onChange={(e) => onChange({ of: e.target.value })}
          />
        </div>
      )}
      {deskKinds.map(([kind, list]) => (
        <div className="form-row" key={kind}>
          <label htmlFor={ids[kind]}>{t(`staff.desk.${kind}`)}</label>
          <select id={ids[kind]} value={form[kind]} onChange={(e) => onChange({ [kind]: e.target.value })}>
            <option value="">{t('staff.report.all')}</option>
            {(desks?.[list] ?? []).map((entry) => (
              <option key={entry.code} value={entry.code}>
                {entry.name}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className="form-row">
        <label htmlFor={ids.questionnaire}>{t('staff.report.questionnaire')}</label>
        <select
          id={ids.questionnaire}
          value={form.questionnaire}
          onChange={(e) => onChange({ questionnaire: e.target.value })}
        >
          <option value="">{t('staff.report.allVersions')}</option>
          {active && (
            <option value={questionnaireValue(active)}>
              {t('staff.report.version', { title: active.title[language], version: active.version })}
            </option>
          )}
        </select>
      </div>
      <div className="form-checks">
        <input
          id={ids.suspect}
          type="checkbox"
          checked={form.includeSuspect}
          onChange={(e) => onChange({ includeSuspect: e.target.checked })}
        />
        <label htmlFor={ids.suspect}>{t('staff.report.includeSuspect')}</label>
        <input
          id={ids.abandoned}
          type="checkbox"
          checked={form.includeAbandoned}
          onChange={(e) => onChange({ includeAbandoned: e.target.checked })}
        />
        <label htmlFor={ids.abandoned}>{t('staff.report.includeAbandoned')}</label>
      </div>
      {problem && (
        <p id={ids.problem} role="alert" className="error-message">
          {t(problem)}
        </p>
      )}
      <button type="submit" className="button-primary" disabled={busy}>
        {t('staff.report.submit')}
      </button>
    </form>
  );
}
