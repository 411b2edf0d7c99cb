import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { ScreenHeading } from '../components/ScreenHeading';
import type { SignInResult } from '../session/SessionProvider';
import { PIN_PATTERN } from './pin';
import { clientProblem, problemOf, type Problem } from './problem';
import { ProblemAlert } from './ui/Feedback';
import { TextField } from './ui/Field';

/**
 * The administrator's sign-in: code and PIN. (The staff form lists every officer
 * by name; an administrator types the code instead, so the list does not tell
 * anyone at the desk which accounts hold admin rights.)
 */
export function AdminSignIn({
  onSignedIn,
  notice,
  initialCode = '',
}: {
  onSignedIn: (result: SignInResult) => void;
  notice: string | null;
  initialCode?: string;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [code, setCode] = useState(initialCode);
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (code.trim() === '')
      return setProblem(clientProblem('admin.validation.required', { fields: t('admin.signIn.code') }));
    if (!PIN_PATTERN.test(pin)) return setProblem(clientProblem('admin.validation.pin'));
    setBusy(true);
    setProblem(null);
    try {
      const result = await api.call('signIn', { officer: code.trim(), pin });
      if (result.role === 'admin') return onSignedIn(result);
      // A staff PIN opens a session the admin screens cannot use: close it at once.
      api.setToken(result.token);
      await api.call('signOut', {}).catch(() => undefined);
      api.setToken(null);
      setProblem(clientProblem('admin.signIn.notAdmin'));
    } catch (error) {
      // A wrong PIN, or a lockout with the time it ends (from the host's structured details).
      setProblem(problemOf(error));
    }
    setPin('');
    setBusy(false);
  }

  return (
    <main className="admin-narrow">
      <ScreenHeading>{t('admin.signIn.heading')}</ScreenHeading>
      {notice && (
        <p className="admin-notice" role="status">
          {notice}
        </p>
      )}
      <form className="admin-form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          label={t('admin.signIn.code')}
          required
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={40}
          value={code}
          onChange={setCode}
        />
        <TextField
          label={t('admin.signIn.pin')}
          required
          type="password"
          inputMode="numeric"
          autoComplete="current-password"
          maxLength={8}
          value={pin}
          onChange={setPin}
        />
        <ProblemAlert problem={problem} />
        <button type="submit" className="button-primary" disabled={busy} aria-busy={busy}>
          {busy ? t('admin.signIn.submitting') : t('admin.signIn.submit')}
        </button>
      </form>
    </main>
  );
}
