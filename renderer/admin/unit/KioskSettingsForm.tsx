import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/operations';
import { ARMED_MINUTES, CLOCK_TIME, KIOSK_TIMING_BOUNDS, STAFF_IDLE_MINUTES } from '../../../src/domain/kioskSettings';
import { useApi } from '../../api/ApiContext';
import { clientProblem } from '../problem';
import { useAction } from '../useAdminCall';
import { FormFooter } from '../ui/Feedback';
import { SelectField, TextField } from '../ui/Field';

type Settings = OutputOf<'getKioskSetup'>['settings'];

// Numbers are edited as text: a half-typed "1." must not be rewritten under the cursor.
// The first TIMINGS are the kiosk's timings; the rest are the misuse thresholds.
const NUMBERS = [
  ['inactivitySeconds', KIOSK_TIMING_BOUNDS.inactivitySeconds.min, KIOSK_TIMING_BOUNDS.inactivitySeconds.max, 1],
  ['warningSeconds', KIOSK_TIMING_BOUNDS.warningSeconds.min, KIOSK_TIMING_BOUNDS.warningSeconds.max, 1],
  ['thankYouSeconds', 3, 60, 1],
  ['staffIdleMinutes', STAFF_IDLE_MINUTES.min, STAFF_IDLE_MINUTES.max, 1],
  ['armedMinutes', ARMED_MINUTES.min, ARMED_MINUTES.max, 1],
  ['callbackWorkingDays', 1, 30, 1],
  ['minSecondsPerQuestion', 0, 10, 0.1],
  ['repeatWindowSeconds', 0, 600, 1],
] as const;
const TIMINGS = 6;
type NumberName = (typeof NUMBERS)[number][0];

function draftOf(settings: Settings) {
  return {
    unitName: settings.unit.name,
    unitCode: settings.unit.code,
    hotline: settings.hotline,
    feedbackQrText: settings.feedbackQrText,
    lowScoreThreshold: String(settings.lowScoreThreshold),
    opensAt: settings.openingHours.open,
    closesAt: settings.openingHours.close,
    numbers: {
      inactivitySeconds: String(settings.timings.inactivitySeconds),
      warningSeconds: String(settings.timings.warningSeconds),
      thankYouSeconds: String(settings.timings.thankYouSeconds),
      staffIdleMinutes: String(settings.staffIdleMinutes),
      armedMinutes: String(settings.armedMinutes),
      callbackWorkingDays: String(settings.callbackWorkingDays),
      minSecondsPerQuestion: String(settings.misuse.minSecondsPerQuestion),
      repeatWindowSeconds: String(settings.misuse.repeatWindowSeconds),
    } satisfies Record<NumberName, string>,
  };
}

/** The unit's name and code, the hotline and QR text citizens see, and the kiosk's timings and thresholds. */
export function KioskSettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const api = useApi();
  const action = useAction();
  const [draft, setDraft] = useState(() => draftOf(settings));
  const setNumber = (name: NumberName, value: string) =>
    setDraft({ ...draft, numbers: { ...draft.numbers, [name]: value } });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = [
      draft.unitName.trim() === '' && t('admin.settings.unitName'),
      draft.unitCode.trim() === '' && t('admin.settings.unitCode'),
    ].filter(Boolean);
    if (missing.length > 0)
      return action.fail(clientProblem('admin.validation.required', { fields: missing.join(', ') }));
    const numbers = {} as Record<NumberName, number>;
    for (const [name, min, max] of NUMBERS) {
      const value = Number(draft.numbers[name].replace(',', '.'));
      if (draft.numbers[name].trim() === '' || !Number.isFinite(value) || value < min || value > max) {
        return action.fail(
          clientProblem('admin.validation.number', {
            field: t(`admin.settings.${name}`),
            min: String(min),
            max: String(max),
          }),
        );
      }
      numbers[name] = value;
    }
    const badTime = [draft.opensAt, draft.closesAt].some((time) => !CLOCK_TIME.test(time));
    if (badTime)
      return action.fail(clientProblem('admin.validation.time', { field: t('admin.settings.openingHours') }));
    const saved = await action.run(
      () =>
        api.call('updateKioskSettings', {
          unit: { name: draft.unitName.trim(), code: draft.unitCode.trim() },
          hotline: draft.hotline.trim(),
          feedbackQrText: draft.feedbackQrText.trim(),
          timings: {
            inactivitySeconds: numbers.inactivitySeconds,
            warningSeconds: numbers.warningSeconds,
            thankYouSeconds: numbers.thankYouSeconds,
          },
          lowScoreThreshold: Number(draft.lowScoreThreshold),
          misuse: {
            minSecondsPerQuestion: numbers.minSecondsPerQuestion,
            repeatWindowSeconds: numbers.repeatWindowSeconds,
          },
          staffIdleMinutes: numbers.staffIdleMinutes,
          armedMinutes: numbers.armedMinutes,
          callbackWorkingDays: numbers.callbackWorkingDays,
          openingHours: { open: draft.opensAt, close: draft.closesAt },
        }),
      () => t('admin.settings.saved'),
    );
    if (saved) setDraft(draftOf(saved));
  }

  return (
    <form
      className="admin-form"
      noValidate
      aria-label={t('admin.settings.heading')}
      onSubmit={(event) => void submit(event)}
    >
      <p className="admin-form-note">{t('admin.form.requiredNote')}</p>
      <div className="admin-row">
        <TextField
          label={t('admin.settings.unitName')}
          required
          maxLength={120}
          value={draft.unitName}
          onChange={(unitName) => setDraft({ ...draft, unitName })}
        />
        <TextField
          label={t('admin.settings.unitCode')}
          hint={t('admin.settings.unitCodeHint')}
          required
          maxLength={20}
          value={draft.unitCode}
          onChange={(unitCode) => setDraft({ ...draft, unitCode })}
        />
      </div>
      <div className="admin-row">
        <TextField
          label={t('admin.settings.hotline')}
          type="tel"
          maxLength={40}
          value={draft.hotline}
          onChange={(hotline) => setDraft({ ...draft, hotline })}
        />
        <TextField
          label={t('admin.settings.feedbackQrText')}
          hint={t('admin.settings.feedbackQrHint')}
          maxLength={300}
          value={draft.feedbackQrText}
          onChange={(feedbackQrText) => setDraft({ ...draft, feedbackQrText })}
        />
      </div>
      <fieldset className="admin-fieldset">
        <legend>{t('admin.settings.timingsLegend')}</legend>
        <div className="admin-row">
          {NUMBERS.slice(0, TIMINGS).map(([name, min, max, step]) => (
            <TextField
              key={name}
              label={t(`admin.settings.${name}`)}
              hint={t(`admin.settings.${name}Hint`, { min, max })}
              required
              type="number"
              inputMode="numeric"
              min={min}
              max={max}
              step={step}
              value={draft.numbers[name]}
              onChange={(value) => setNumber(name, value)}
            />
          ))}
        </div>
        <div className="admin-row">
          <TextField
            label={t('admin.settings.opensAt')}
            hint={t('admin.settings.openingHoursHint')}
            required
            inputMode="numeric"
            maxLength={5}
            placeholder="07:00"
            value={draft.opensAt}
            onChange={(opensAt) => setDraft({ ...draft, opensAt })}
          />
          <TextField
            label={t('admin.settings.closesAt')}
            required
            inputMode="numeric"
            maxLength={5}
            placeholder="17:30"
            value={draft.closesAt}
            onChange={(closesAt) => setDraft({ ...draft, closesAt })}
          />
        </div>
      </fieldset>
      <fieldset className="admin-fieldset">
        <legend>{t('admin.settings.thresholdsLegend')}</legend>
        <SelectField
          label={t('admin.settings.lowScoreThreshold')}
          hint={t('admin.settings.lowScoreHint')}
          value={draft.lowScoreThreshold}
          onChange={(lowScoreThreshold) => setDraft({ ...draft, lowScoreThreshold })}
          choices={(['1', '2', '3'] as const).map((value) => ({ value, label: t(`admin.settings.lowScore${value}`) }))}
        />
        <div className="admin-row">
          {NUMBERS.slice(TIMINGS).map(([name, min, max, step]) => (
            <TextField
              key={name}
              label={t(`admin.settings.${name}`)}
              hint={t(`admin.settings.${name}Hint`, { min, max })}
              required
              type="number"
              inputMode="decimal"
              min={min}
              max={max}
              step={step}
              value={draft.numbers[name]}
              onChange={(value) => setNumber(name, value)}
            />
          ))}
        </div>
      </fieldset>
      <FormFooter action={action} label={t('admin.common.save')} busyLabel={t('admin.common.saving')} />
    </form>
  );
}
