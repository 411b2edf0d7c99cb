import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../src/contract/operations';
import { useApi } from '../api/ApiContext';
import { ScreenHeading } from '../components/ScreenHeading';
import { problemOf, type Problem } from '../session/problem';

type Officer = OutputOf<'listOfficers'>[number];
type SignInResult = OutputOf<'signIn'>;
type FormError = Problem<'staff.signIn.missingOfficer' | 'staff.signIn.pinFormat'>;

// The same rule the host applies; checked here so a typo gets an immediate, translated message.
const PIN_PATTERN = /^\d{4,8}$/;

export interface SignInFormProps {
  onSignedIn: (result: SignInResult) => void;
  /** Shown above the form, e.g. after a session expired. */
  notice?: string | null;
}

export function SignInForm({ onSignedIn, notice }: SignInFormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = { officer: useId(), pin: useId(), error: useId() };
  const [officers, setOfficers] = useState<Officer[] | null>(null);
  const [officersFailed, setOfficersFailed] = useState(false);
  const [loadAttempt, setLoadAttempt] = useState(0);
  const [officer, setOfficer] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.call('listOfficers', {}).then(
      (list) => {
        if (live) setOfficers(list);
      },
      () => {
        if (live) setOfficersFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [api, loadAttempt]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (officer === '') return setError({ key: 'staff.signIn.missingOfficer' });
    if (!PIN_PATTERN.test(pin)) return setError({ key: 'staff.signIn.pinFormat' });
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.call('signIn', { officer, pin }));
    } catch (failure) {
      // A lockout says when it ends, from the host's structured details.
      setError(problemOf(failure));
      // A wrong PIN is typed again from scratch.
      setPin('');
      setBusy(false);
    }
  }

  return (
    <main className="staff-main sign-in">
      <ScreenHeading>{t('staff.signIn.heading')}</ScreenHeading>
      {notice && (
        <p className="staff-notice" role="status">
          {notice}
        </p>
      )}
      {officersFailed && officers === null ? (
        <div className="staff-problem">
          <p role="alert" className="error-message">
            {t('staff.signIn.officersFailed')}
          </p>
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setOfficersFailed(false);
              setLoadAttempt((n) => n + 1);
            }}
          >
            {t('staff.signIn.retry')}
          </button>
        </div>
      ) : (
        // noValidate: the browser's own bubbles would speak the OS language, not ours.
        <form className="sign-in-form" noValidate onSubmit={(event) => void submit(event)}>
          <label htmlFor={ids.officer}>{t('staff.signIn.officer')}</label>
          <select
            id={ids.officer}
            value={officer}
            disabled={officers === null}
            aria-invalid={error?.key === 'staff.signIn.missingOfficer'}
            onChange={(event) => setOfficer(event.target.value)}
          >
            <option value="">
              {officers === null ? t('staff.signIn.loadingOfficers') : t('staff.signIn.chooseOfficer')}
            </option>
            {(officers ?? []).map((o) => (
              <option key={o.code} value={o.code}>
                {o.name}
              </option>
            ))}
          </select>
          <label htmlFor={ids.pin}>{t('staff.signIn.pin')}</label>
          <input
            id={ids.pin}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            value={pin}
            aria-invalid={error !== null && error.key !== 'staff.signIn.missingOfficer'}
            aria-describedby={error ? ids.error : undefined}
            onChange={(event) => setPin(event.target.value)}
          />
          {error && (
            <p id={ids.error} role="alert" className="error-message">
              {t(error.key, { replace: error.values ?? {} })}
            </p>
          )}
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t('staff.signIn.submitting') : t('staff.signIn.submit')}
          </button>
        </form>
      )}
    </main>
  );
}
