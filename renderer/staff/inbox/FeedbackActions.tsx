import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorTextOf } from '../../session/problem';
import { nameOf, useStaff } from '../StaffContext';
import type { FeedbackItem, FeedbackStatus } from './types';

type FormError = ReturnType<typeof errorTextOf> | 'staff.inbox.noteRequired';

/** Moves one item along new → in progress → resolved; resolving needs a note saying what was done. */
export function FeedbackActions({ item, onUpdated }: { item: FeedbackItem; onUpdated: (item: FeedbackItem) => void }) {
  const { t } = useTranslation();
  const { call, format, desks, session } = useStaff();
  const ids = { note: useId(), error: useId() };
  const [note, setNote] = useState(item.note ?? '');
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);

  const who =
    item.updatedBy === session.officer.code
      ? session.officer.name
      : (nameOf(desks?.officers, item.updatedBy) ?? item.updatedBy);
  const when = item.updatedAt ? format.dateTime(item.updatedAt) : null;

  async function move(status: FeedbackStatus, withNote?: string) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const updated = await call('updateFeedback', {
        responseId: item.responseId,
        status,
        ...(withNote ? { note: withNote } : {}),
      });
      onUpdated(updated);
    } catch (failure) {
      setError(errorTextOf(failure));
    } finally {
      setBusy(false);
    }
  }

  function resolve(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = note.trim();
    // The host refuses it too; saying so here keeps what was typed and says why.
    if (text === '') return setError('staff.inbox.noteRequired');
    void move('resolved', text);
  }

  if (item.status === 'resolved') {
    return (
      <div className="feedback-actions">
        <p className="feedback-resolution">
          <strong>{t('staff.inbox.resolution')}</strong> {item.note}
        </p>
        {who && when && <p className="feedback-who">{t('staff.inbox.resolvedBy', { name: who, time: when })}</p>}
        {error && (
          <p role="alert" className="error-message">
            {t(error)}
          </p>
        )}
        {/* Reopening keeps the note, so what was tried stays on record. */}
        <button
          type="button"
          className="button-secondary"
          disabled={busy}
          onClick={() => void move('in_progress', item.note ?? undefined)}
        >
          {t('staff.inbox.reopen')}
        </button>
      </div>
    );
  }

  // Fair handling: the officer a rating is about does not resolve it (the host refuses it too).
  if (item.officer !== null && item.officer === session.officer.code) {
    return (
      <div className="feedback-actions">
        {item.status === 'in_progress' && who && when && (
          <p className="feedback-who">{t('staff.inbox.inProgressBy', { name: who, time: when })}</p>
        )}
      </div>
    );
  }

  return (
    <form className="feedback-actions" noValidate onSubmit={resolve}>
      {item.status === 'in_progress' && who && when && (
        <p className="feedback-who">{t('staff.inbox.inProgressBy', { name: who, time: when })}</p>
      )}
      {item.status === 'new' && (
        <button
          type="button"
          className="button-secondary"
          disabled={busy}
          onClick={() => void move('in_progress', note.trim() || undefined)}
        >
          {t('staff.inbox.start')}
        </button>
      )}
      <label htmlFor={ids.note}>{t('staff.inbox.note')}</label>
      <textarea
        id={ids.note}
        rows={2}
        maxLength={2000}
        value={note}
        aria-invalid={error === 'staff.inbox.noteRequired'}
        aria-describedby={error ? ids.error : undefined}
        onChange={(event) => setNote(event.target.value)}
      />
      {error && (
        <p id={ids.error} role="alert" className="error-message">
          {t(error)}
        </p>
      )}
      <button type="submit" className="button-primary" disabled={busy}>
        {t('staff.inbox.resolve')}
      </button>
    </form>
  );
}
