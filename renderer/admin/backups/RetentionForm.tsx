import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { useFormat } from '../format';
import { clientProblem } from '../problem';
import { useAction, useLoad } from '../useAdminCall';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { FormFooter, LoadState } from '../ui/Feedback';
import { TextField } from '../ui/Field';

// The host's bounds (contract/backups.ts); the renderer imports only types from the contract.
const MIN_MONTHS = 1;
const MAX_MONTHS = 120;

/** How long phone numbers and comments are kept. Shortening it erases older ones at once, so that asks first. */
export function RetentionForm() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const retention = useLoad(useCallback(() => api.call('getRetention', {}), [api]));
  const action = useAction();
  const [months, setMonths] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const shown = months ?? (retention.data ? String(retention.data.months) : '');

  async function save() {
    const value = Number(shown);
    const saved = await action.run(
      () => api.call('updateRetention', { months: value }),
      (result) => t('admin.retention.saved', { months: result.months }),
    );
    setConfirming(false);
    if (saved) {
      setMonths(null);
      retention.reload();
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = Number(shown);
    if (!Number.isInteger(value) || value < MIN_MONTHS || value > MAX_MONTHS) {
      return action.fail(
        clientProblem('admin.validation.number', {
          field: t('admin.retention.months'),
          min: String(MIN_MONTHS),
          max: String(MAX_MONTHS),
        }),
      );
    }
    if (retention.data && value < retention.data.months) setConfirming(true);
    else void save();
  }

  return (
    <section className="admin-card" aria-labelledby="retention-heading">
      <h2 id="retention-heading">{t('admin.retention.heading')}</h2>
      <LoadState loading={!retention.data} problem={retention.problem} onRetry={retention.reload} />
      {retention.data && (
        <form className="admin-form" noValidate aria-labelledby="retention-heading" onSubmit={submit}>
          <p>{t('admin.retention.intro', { day: format.day(retention.data.cutoffDay) })}</p>
          {retention.data.lastPurge && (
            <p>
              {t('admin.retention.lastPurge', {
                at: format.dateTime(retention.data.lastPurge.at),
                count: retention.data.lastPurge.purged,
              })}
            </p>
          )}
          <TextField
            label={t('admin.retention.months')}
            hint={t('admin.retention.monthsHint', { min: MIN_MONTHS, max: MAX_MONTHS })}
            required
            type="number"
            inputMode="numeric"
            min={MIN_MONTHS}
            max={MAX_MONTHS}
            value={shown}
            onChange={setMonths}
          />
          <FormFooter action={action} label={t('admin.common.save')} busyLabel={t('admin.common.saving')} />
        </form>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('admin.retention.confirmTitle')}
          confirmLabel={t('admin.retention.confirm')}
          busyLabel={t('admin.common.saving')}
          action={action}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void save()}
        >
          <p>{t('admin.retention.confirmBody', { months: shown })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
