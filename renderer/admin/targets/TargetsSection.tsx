import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../src/contract/operations';
import { dimensionIds, dimensionName } from '../../../src/domain/dimensions';
import { localDayOf } from '../../../src/domain/localDay';
import { useApi } from '../../api/ApiContext';
import { ScreenHeading } from '../../components/ScreenHeading';
import { formatDay } from '../../format/dates';
import { useLanguage } from '../../i18n';
import { TargetProgressView } from '../../staff/targets/TargetProgressView';
import { useAction, useLoad } from '../useAdminCall';
import { FormFooter, LoadState } from '../ui/Feedback';
import { TextField } from '../ui/Field';

type Targets = OutputOf<'getTargets'>['targets'];
type Holiday = OutputOf<'getTargets'>['holidays'][number];

const numberField = (value: number) => String(value);

/** Mục tiêu và ngày nghỉ: the year's targets, the public holidays, and where the year stands. */
export function TargetsSection() {
  const { t } = useTranslation();
  const api = useApi();
  const [year] = useState(() => Number(localDayOf(Date.now()).slice(0, 4)));
  const stored = useLoad(useCallback(() => api.call('getTargets', { year }), [api, year]));
  const progress = useLoad(useCallback(() => api.call('targetProgress', { year }), [api, year]));

  return (
    <>
      <ScreenHeading>{t('office.targetsAdmin.section')}</ScreenHeading>
      <LoadState loading={!stored.data} problem={stored.problem} onRetry={stored.reload} />
      {stored.data && (
        <>
          <TargetsForm initial={stored.data.targets} onSaved={progress.reload} />
          <HolidaysForm year={year} initial={stored.data.holidays} onSaved={progress.reload} />
        </>
      )}
      <section className="admin-card" aria-labelledby="progress-heading">
        <div className="admin-form-top target-toolbar">
          <h2 id="progress-heading">{t('office.targets.heading', { year })}</h2>
          <button type="button" className="button-secondary" onClick={() => window.print()}>
            {t('office.targets.print')}
          </button>
        </div>
        <LoadState loading={!progress.data} problem={progress.problem} onRetry={progress.reload} />
        {progress.data && <TargetProgressView progress={progress.data} />}
      </section>
    </>
  );
}

function TargetsForm({ initial, onSaved }: { initial: Targets; onSaved: () => void }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const api = useApi();
  const action = useAction();
  const [values, setValues] = useState(
    () =>
      ({
        sipas: numberField(initial.sipas),
        ...Object.fromEntries(dimensionIds.map((id) => [id, numberField(initial.dimensions[id])])),
        fieldsGoodShare: numberField(initial.fieldsGoodShare),
        handleWithinDays: numberField(initial.handleWithinDays),
        callBackWithinDays: numberField(initial.callBackWithinDays),
        alertMinResponses: numberField(initial.alertMinResponses),
      }) as Record<string, string>,
  );
  const set = (key: string) => (value: string) => setValues((previous) => ({ ...previous, [key]: value }));
  const num = (key: string) => Number((values[key] ?? '').replace(',', '.'));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input: InputOf<'saveTargets'> = {
      year: initial.year,
      sipas: num('sipas'),
      dimensions: {
        access: num('access'),
        procedure: num('procedure'),
        officer: num('officer'),
        result: num('result'),
        feedback: num('feedback'),
      },
      fieldsGoodShare: num('fieldsGoodShare'),
      handleWithinDays: num('handleWithinDays'),
      callBackWithinDays: num('callBackWithinDays'),
      alertMinResponses: num('alertMinResponses'),
    };
    const saved = await action.run(
      () => api.call('saveTargets', input),
      () => t('office.targetsAdmin.saved', { year: initial.year }),
    );
    if (saved) onSaved();
  }

  const percent = { type: 'number', min: 0, max: 100, step: 0.1, inputMode: 'decimal' } as const;
  const days = { type: 'number', min: 0, max: 60, step: 1, inputMode: 'numeric' } as const;
  return (
    <form
      className="admin-card admin-form"
      noValidate
      aria-labelledby="targets-heading"
      onSubmit={(event) => void submit(event)}
    >
      <h2 id="targets-heading">{t('office.targetsAdmin.heading')}</h2>
      <p>{t('office.targetsAdmin.intro')}</p>
      <div className="admin-row">
        <TextField
          label={t('office.targetsAdmin.sipas')}
          required
          {...percent}
          value={values.sipas ?? ''}
          onChange={set('sipas')}
        />
        <TextField
          label={t('office.targetsAdmin.fieldsGoodShare')}
          hint={t('office.targetsAdmin.fieldsGoodShareHint')}
          required
          {...percent}
          value={values.fieldsGoodShare ?? ''}
          onChange={set('fieldsGoodShare')}
        />
      </div>
      <div className="admin-row">
        {dimensionIds.map((id) => (
          <TextField
            key={id}
            label={t('office.targetsAdmin.dimension', { name: dimensionName(id, language, 'long') })}
            required
            {...percent}
            value={values[id] ?? ''}
            onChange={set(id)}
          />
        ))}
      </div>
      <div className="admin-row">
        <TextField
          label={t('office.targetsAdmin.handleWithinDays')}
          required
          {...days}
          value={values.handleWithinDays ?? ''}
          onChange={set('handleWithinDays')}
        />
        <TextField
          label={t('office.targetsAdmin.callBackWithinDays')}
          required
          {...days}
          value={values.callBackWithinDays ?? ''}
          onChange={set('callBackWithinDays')}
        />
        <TextField
          label={t('office.targetsAdmin.alertMinResponses')}
          required
          type="number"
          min={1}
          max={1000}
          step={1}
          value={values.alertMinResponses ?? ''}
          onChange={set('alertMinResponses')}
        />
      </div>
      <FormFooter action={action} label={t('office.targetsAdmin.save')} busyLabel={t('admin.common.saving')} />
    </form>
  );
}

function HolidaysForm({ year, initial, onSaved }: { year: number; initial: readonly Holiday[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const action = useAction();
  const [holidays, setHolidays] = useState<Holiday[]>([...initial]);
  const [day, setDay] = useState('');
  const [name, setName] = useState('');

  function add() {
    if (!day.startsWith(`${year}-`) || name.trim() === '') return;
    setHolidays((previous) =>
      [...previous.filter((h) => h.day !== day), { day, name: name.trim() }].sort((a, b) => a.day.localeCompare(b.day)),
    );
    setDay('');
    setName('');
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await action.run(
      () => api.call('saveHolidays', { year, holidays }),
      (list) => t('office.targetsAdmin.holidaysSaved', { count: list.length, year }),
    );
    if (saved) {
      setHolidays(saved);
      onSaved();
    }
  }

  return (
    <form
      className="admin-card admin-form"
      noValidate
      aria-labelledby="holidays-heading"
      onSubmit={(event) => void submit(event)}
    >
      <h2 id="holidays-heading">{t('office.targetsAdmin.holidaysHeading')}</h2>
      <p>{t('office.targetsAdmin.holidaysIntro')}</p>
      {holidays.length === 0 ? (
        <p>{t('office.targetsAdmin.noHolidays')}</p>
      ) : (
        <ul className="holiday-list">
          {holidays.map((h) => (
            <li key={h.day}>
              {formatDay(h.day)} — {h.name}{' '}
              <button
                type="button"
                className="button-link"
                onClick={() => setHolidays((previous) => previous.filter((x) => x.day !== h.day))}
              >
                {t('office.targetsAdmin.removeHoliday', { day: formatDay(h.day) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="admin-row">
        <TextField
          label={t('office.targetsAdmin.holidayDay')}
          type="date"
          min={`${year}-01-01`}
          max={`${year}-12-31`}
          value={day}
          onChange={setDay}
        />
        <TextField label={t('office.targetsAdmin.holidayName')} maxLength={120} value={name} onChange={setName} />
        <button type="button" className="button-secondary" onClick={add}>
          {t('office.targetsAdmin.addHoliday')}
        </button>
      </div>
      <FormFooter action={action} label={t('office.targetsAdmin.saveHolidays')} busyLabel={t('admin.common.saving')} />
    </form>
  );
}
