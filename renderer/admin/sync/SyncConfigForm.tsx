import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../src/contract/operations';
import { useApi } from '../../api/ApiContext';
import { clientProblem } from '../problem';
import { useAction } from '../useAdminCall';
import { FormFooter } from '../ui/Feedback';
import { TextField } from '../ui/Field';

type Status = OutputOf<'syncStatus'>;

/**
 * The collector's address and this device's token and secret. The host never
 * gives the token or the secret back, so their fields start empty and an empty
 * field keeps what is stored; after saving they are emptied again.
 */
export function SyncConfigForm({ status, onSaved }: { status: Status; onSaved: (status: Status) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const action = useAction();
  const [url, setUrl] = useState(status.upstreamUrl ?? '');
  const [token, setToken] = useState('');
  const [secret, setSecret] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (url.trim() === '')
      return action.fail(clientProblem('admin.validation.required', { fields: t('admin.sync.url') }));
    const input: InputOf<'configureSync'> = {
      upstreamUrl: url.trim(),
      ...(token.trim() === '' ? {} : { deviceToken: token.trim() }),
      ...(secret === '' ? {} : { deviceSecret: secret }),
    };
    const saved = await action.run(
      () => api.call('configureSync', input),
      () => t('admin.sync.saved'),
    );
    if (saved) {
      setToken('');
      setSecret('');
      onSaved(saved);
    }
  }

  const keepHint = (stored: boolean) => (stored ? t('admin.sync.storedKeep') : t('admin.sync.notStored'));
  return (
    <form
      className="admin-form"
      noValidate
      aria-labelledby="sync-config-heading"
      onSubmit={(event) => void submit(event)}
    >
      <h2 id="sync-config-heading">{t('admin.sync.configHeading')}</h2>
      <p className="admin-form-note">{t('admin.form.requiredNote')}</p>
      <TextField
        label={t('admin.sync.url')}
        hint={t('admin.sync.urlHint')}
        required
        type="url"
        inputMode="url"
        autoCapitalize="off"
        spellCheck={false}
        maxLength={300}
        value={url}
        onChange={setUrl}
      />
      <TextField
        label={t('admin.sync.token')}
        hint={keepHint(status.hasToken)}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        maxLength={512}
        value={token}
        onChange={setToken}
      />
      <TextField
        label={t('admin.sync.secret')}
        hint={keepHint(status.hasSecret)}
        type="password"
        autoComplete="new-password"
        maxLength={512}
        value={secret}
        onChange={setSecret}
      />
      <FormFooter action={action} label={t('admin.common.save')} busyLabel={t('admin.common.saving')} />
    </form>
  );
}
