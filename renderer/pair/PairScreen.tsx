import '../admin/admin.css';
import '../admin/forms.css';
import '../admin/locale';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, DEVICE_TOKEN_KEY, storedDeviceToken } from '../api/client';
import { useApi } from '../api/ApiContext';
import { LanguageToggle } from '../components/LanguageToggle';
import { ScreenHeading } from '../components/ScreenHeading';
import { hrefOf } from '../router';
import { clientProblem, problemOf, type Problem } from '../admin/problem';
import { TextField } from '../admin/ui/Field';

type PairProblem = { key: 'admin.lan.pair.wrongCode'; values?: Record<string, string> };

/** The code the admin screen's QR code carries: `#/pair?code=123456`. */
export function codeFromHash(hash: string): string {
  const query = hash.split('?')[1] ?? '';
  const code = new URLSearchParams(query).get('code') ?? '';
  return /^\d{6}$/.test(code) ? code : '';
}

/**
 * A LAN browser (a tablet at a counter) becomes a counter device: the code
 * from the admin screen and a name for the device; the token it gets back is
 * kept in this browser and sent with every call, so its ratings are accepted.
 */
export function PairScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const [code, setCode] = useState(() => codeFromHash(window.location.hash));
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | PairProblem | null>(null);
  const [paired, setPaired] = useState<string | null>(() => (storedDeviceToken() ? '' : null));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.trim()))
      return setProblem(clientProblem('admin.validation.required', { fields: t('admin.lan.pair.code') }));
    if (name.trim() === '')
      return setProblem(clientProblem('admin.validation.required', { fields: t('admin.lan.pair.name') }));
    setBusy(true);
    setProblem(null);
    try {
      const device = await api.call('pairDevice', { code: code.trim(), name: name.trim() });
      window.localStorage.setItem(DEVICE_TOKEN_KEY, device.token);
      setPaired(device.name);
    } catch (error) {
      // 403 here is the code, not the person's rights: say so in words that help.
      setProblem(
        error instanceof ApiError && error.code === 'forbidden'
          ? { key: 'admin.lan.pair.wrongCode' }
          : problemOf(error),
      );
    } finally {
      setBusy(false);
    }
  }

  function forget() {
    window.localStorage.removeItem(DEVICE_TOKEN_KEY);
    setPaired(null);
  }

  return (
    <div className="admin">
      <div className="admin-bar">
        <a href={hrefOf('kiosk')}>{t('admin.lan.pair.toKiosk')}</a>
        <LanguageToggle />
      </div>
      <main className="admin-narrow">
        <ScreenHeading>{t('admin.lan.pair.heading')}</ScreenHeading>
        {paired !== null ? (
          <>
            <p role="status">{paired ? t('admin.lan.pair.done', { name: paired }) : t('admin.lan.pair.already')}</p>
            <div className="admin-actions">
              <a className="button-primary" href={hrefOf('kiosk')}>
                {t('admin.lan.pair.openKiosk')}
              </a>
              <button type="button" className="button-secondary" onClick={forget}>
                {t('admin.lan.pair.forget')}
              </button>
            </div>
          </>
        ) : (
          <form className="admin-form" noValidate onSubmit={(event) => void submit(event)}>
            <p>{t('admin.lan.pair.intro')}</p>
            <TextField
              label={t('admin.lan.pair.code')}
              hint={t('admin.lan.pair.codeHint')}
              required
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={setCode}
            />
            <TextField
              label={t('admin.lan.pair.name')}
              hint={t('admin.lan.pair.nameHint')}
              required
              maxLength={60}
              value={name}
              onChange={setName}
            />
            {problem && (
              <p role="alert" className="admin-problem">
                {t(problem.key, { replace: problem.values ?? {} })}
              </p>
            )}
            <button type="submit" className="button-primary" disabled={busy} aria-busy={busy}>
              {busy ? t('admin.lan.pair.pairing') : t('admin.lan.pair.submit')}
            </button>
          </form>
        )}
      </main>
    </div>
  );
}
