import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import type { Officer } from './KioskSignIn';

/** The officers as big buttons: photo (or initials) and name, in the host's order. Nothing else about them. */
export function OfficerList({ onChoose }: { onChoose: (officer: Officer) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [officers, setOfficers] = useState<Officer[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    api.call('listOfficers', {}).then(
      (list) => live && setOfficers(list),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [api, attempt]);

  if (failed && officers === null) {
    return (
      <div className="signin-problem-box">
        <p role="alert" className="signin-problem">
          {t('signin.officer.failed')}
        </p>
        <button
          type="button"
          className="signin-secondary"
          onClick={() => {
            setFailed(false);
            setAttempt((n) => n + 1);
          }}
        >
          {t('signin.retry')}
        </button>
      </div>
    );
  }
  if (officers === null) return <p role="status">{t('signin.officer.loading')}</p>;
  if (officers.length === 0) return <p role="status">{t('signin.officer.none')}</p>;
  return (
    <ul className="signin-officers" aria-label={t('signin.officer.list')}>
      {officers.map((officer) => (
        <li key={officer.code}>
          <button type="button" className="signin-officer" onClick={() => onChoose(officer)}>
            {officer.photo ? (
              <img className="signin-photo" src={officer.photo} alt="" />
            ) : (
              <span className="signin-photo signin-initials" aria-hidden="true">
                {initialsOf(officer.name)}
              </span>
            )}
            <span className="signin-name">{officer.name}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** "Nguyễn Thị Lan" → "NL": the family name and the given name, as Vietnamese name tags do. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toLocaleUpperCase('vi');
}
