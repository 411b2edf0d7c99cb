import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localDayOf } from '../../../src/domain/localDay';
import { errorTextOf } from '../../session/problem';
import { nameOf, useStaff } from '../StaffContext';
import type { FeedbackItem } from './types';

type FormError = ReturnType<typeof errorTextOf> | 'office.inbox.callBack.resultRequired';

/**
 * "Đã gọi lại cho người dân": a citizen who left a phone number is told the outcome.
 * Records the day of the call and what came of it; the officer the rating is about
 * does not make the call (the host refuses it too).
 */
export function CallBackPanel({ item, onUpdated }: { item: FeedbackItem; onUpdated: (item: FeedbackItem) => void }) {
  const { t } = useTranslation();
  const { call, format, desks, session } = useStaff();
  const ids = { heading: useId(), day: useId(), result: useId(), error: useId() };
  const [today] = useState(() => localDayOf(Date.now()));
  const [day, setDay] = useState(today);
  const [result, setResult] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const aboutMe = item.officer !== null && item.officer === session.officer.code;

  if (!item.phone) return null;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const text = result.trim();
    if (text === '') return setError('office.inbox.callBack.resultRequired');
    setBusy(true);
    setError(null);
    try {
      onUpdated(await call('recordCallBack', { responseId: item.responseId, day, result: text }));
    } catch (failure) {
      setError(errorTextOf(failure));
    } finally {
      setBusy(false);
    }
  }

  const done = item.callBack;
  return (
    <section className="feedback-part callback" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('office.inbox.callBack.heading')}</h3>
      {item.callBackDueDay && (
        <p className="feedback-due">{t('office.inbox.callBack.due', { day: format.shortDay(item.callBackDueDay) })}</p>
      )}
      {done ? (
        <>
          <p className="callback-done">
            {t('office.inbox.callBack.done', { day: format.shortDay(done.day), result: done.result })}
          </p>
          <p className="feedback-who">
            {t('office.inbox.callBack.by', { name: nameOf(desks?.officers, done.by) ?? done.by })}
          </p>
        </>
      ) : aboutMe ? null : (
        <form className="callback-form" noValidate onSubmit={(event) => void save(event)}>
          <label htmlFor={ids.day}>{t('office.inbox.callBack.day')}</label>
          <input
            id={ids.day}
            type="date"
            min={item.day}
            max={today}
            value={day}
            required
            onChange={(event) => setDay(event.target.value)}
          />
          <label htmlFor={ids.result}>{t('office.inbox.callBack.result')}</label>
          <textarea
            id={ids.result}
            rows={2}
            maxLength={500}
            value={result}
            aria-invalid={error === 'office.inbox.callBack.resultRequired'}
            aria-describedby={error ? ids.error : undefined}
            onChange={(event) => setResult(event.target.value)}
          />
          {error && (
            <p id={ids.error} role="alert" className="error-message">
              {t(error)}
            </p>
          )}
          <button type="submit" className="button-secondary" disabled={busy}>
            {t('office.inbox.callBack.save')}
          </button>
        </form>
      )}
    </section>
  );
}
