import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useApi } from '../api/ApiContext';
import { ScreenHeading } from '../components/ScreenHeading';
import { CODE_PATTERN, PIN_PATTERN } from './pin';
import { clientProblem, problemOf, type Problem } from './problem';
import { ProblemAlert } from './ui/Feedback';
import { NewPinFields } from './ui/NewPinFields';
import { TextField } from './ui/Field';

/**
 * No administrator exists yet: create the first one. The host accepts this only
 * from the kiosk itself (not over the LAN), so whoever sets the kiosk up stands at it.
 */
export function FirstRunForm({
  onCreated,
}: {
  onCreated: (admin: { code: string; name: string }, pin: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const missing = [
      [t('admin.firstRun.code'), code],
      [t('admin.firstRun.name'), name],
      [t('admin.firstRun.pin'), pin],
    ].filter(([, value]) => value?.trim() === '');
    if (missing.length > 0)
      return setProblem(
        clientProblem('admin.validation.required', { fields: missing.map(([label]) => label).join(', ') }),
      );
    if (!CODE_PATTERN.test(code.trim())) return setProblem(clientProblem('admin.validation.code'));
    if (!PIN_PATTERN.test(pin)) return setProblem(clientProblem('admin.validation.pin'));
    if (pin !== repeat) return setProblem(clientProblem('admin.validation.pinMismatch'));
    setBusy(true);
    setProblem(null);
    try {
      onCreated(await api.call('createFirstAdmin', { code: code.trim(), name: name.trim(), pin }), pin);
    } catch (error) {
      const code = error instanceof ApiError ? error.code : null;
      setProblem(
        code === 'forbidden'
          ? clientProblem('admin.firstRun.forbidden')
          : code === 'conflict'
            ? clientProblem('admin.firstRun.exists')
            : problemOf(error),
      );
      setBusy(false);
    }
  }

  return (
    <main className="admin-narrow">
      <ScreenHeading>{t('admin.firstRun.heading')}</ScreenHeading>
      <p>{t('admin.firstRun.intro')}</p>
      <form className="admin-form" noValidate onSubmit={(event) => void submit(event)}>
        <p className="admin-form-note">{t('admin.form.requiredNote')}</p>
        <TextField
          label={t('admin.firstRun.code')}
          hint={t('admin.firstRun.codeHint')}
          required
          autoCapitalize="off"
          spellCheck={false}
          maxLength={40}
          value={code}
          onChange={setCode}
        />
        <TextField label={t('admin.firstRun.name')} required maxLength={120} value={name} onChange={setName} />
        <NewPinFields
          pinLabel={t('admin.firstRun.pin')}
          repeatLabel={t('admin.firstRun.repeatPin')}
          pin={pin}
          repeat={repeat}
          onPin={setPin}
          onRepeat={setRepeat}
        />
        <ProblemAlert problem={problem} />
        <button type="submit" className="button-primary" disabled={busy} aria-busy={busy}>
          {busy ? t('admin.firstRun.submitting') : t('admin.firstRun.submit')}
        </button>
      </form>
    </main>
  );
}
