import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/operations';
import { useApi } from '../../api/ApiContext';
import { clientProblem } from '../problem';
import { useAction } from '../useAdminCall';
import { FormFooter } from '../ui/Feedback';
import { CheckboxField, TextField } from '../ui/Field';

type View = OutputOf<'getLanSettings'>;

const PORT_MIN = 1024;
const PORT_MAX = 65535;

/** On or off, and the port: saved and applied at once (off closes the port). */
export function LanSettingsForm({ view, onSaved }: { view: View; onSaved: (view: View) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const action = useAction();
  const [enabled, setEnabled] = useState(view.enabled);
  const [port, setPort] = useState(String(view.port));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const number = Number(port);
    if (!/^\d+$/.test(port.trim()) || number < PORT_MIN || number > PORT_MAX) {
      return action.fail(
        clientProblem('admin.validation.number', {
          field: t('admin.lan.port'),
          min: String(PORT_MIN),
          max: String(PORT_MAX),
        }),
      );
    }
    const saved = await action.run(
      () => api.call('updateLanSettings', { enabled, port: number }),
      (result) => (result.enabled ? t('admin.lan.savedOn') : t('admin.lan.savedOff')),
    );
    if (saved) onSaved(saved);
  }

  return (
    <form
      className="admin-form"
      noValidate
      aria-labelledby="lan-settings-heading"
      onSubmit={(event) => void submit(event)}
    >
      <h2 id="lan-settings-heading">{t('admin.lan.settingsHeading')}</h2>
      <CheckboxField
        label={t('admin.lan.enabled')}
        hint={t('admin.lan.enabledHint')}
        checked={enabled}
        onChange={setEnabled}
      />
      <TextField
        label={t('admin.lan.port')}
        hint={t('admin.lan.portHint')}
        required
        inputMode="numeric"
        maxLength={5}
        value={port}
        onChange={setPort}
      />
      <FormFooter action={action} label={t('admin.common.save')} busyLabel={t('admin.common.saving')} />
    </form>
  );
}
