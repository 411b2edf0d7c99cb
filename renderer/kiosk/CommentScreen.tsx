import './followUp.css';
import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../components/ScreenHeading';
import { applyKey, backspace } from '../keyboard/telex';
import { FlowTop } from './FlowTop';
import { KioskNav, type FollowUpNavProps } from './KioskNav';
import { LazyKeyboard } from './lazyKeyboard';
import { COMMENT_MAX_LENGTH } from './limits';

export interface CommentScreenProps {
  comment: string;
  /** Names of the dimensions where the citizen picked "Khác": the comment is where they say what. */
  other: readonly string[];
  onChange: (text: string) => void;
  nav: FollowUpNavProps;
}

/**
 * Typing on a physical keyboard goes through the same Telex as the on-screen
 * keys, at the end of the text: the box is read-only so a touch on it never
 * opens the system's own keyboard or moves a caret the on-screen keys ignore.
 */
function physicalKey(comment: string, event: KeyboardEvent<HTMLTextAreaElement>): string | null {
  if (event.ctrlKey || event.altKey || event.metaKey || event.nativeEvent.isComposing) return null;
  if (event.key === 'Backspace') return backspace(comment);
  if (event.key === 'Enter') return applyKey(comment, '\n');
  if ([...event.key].length !== 1) return null;
  return applyKey(comment, event.key);
}

/** "Ông/Bà có góp ý thêm không?": an optional comment typed on the on-screen keyboard. */
export function CommentScreen({ comment, other, onChange, nav }: CommentScreenProps) {
  const { t } = useTranslation();
  // Text is only ever added at the end: keep the end in view as the box fills up.
  const box = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    if (box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [comment]);
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const next = physicalKey(comment, event);
    if (next === null) return;
    event.preventDefault();
    if (next.length <= COMMENT_MAX_LENGTH || next.length < comment.length) onChange(next);
  };
  return (
    <main className="screen follow-up comment">
      <FlowTop optional>
        <ScreenHeading className="follow-up-heading">{t('kiosk.comment.heading')}</ScreenHeading>
      </FlowTop>
      {other.length > 0 && (
        <p className="follow-up-hint comment-other">{t('kiosk.comment.other', { dimensions: other.join(', ') })}</p>
      )}
      <div className="comment-field">
        <label className="visually-hidden" htmlFor="kiosk-comment">
          {t('kiosk.comment.label')}
        </label>
        <textarea
          ref={box}
          id="kiosk-comment"
          className="comment-text"
          readOnly
          value={comment}
          placeholder={t('kiosk.comment.placeholder')}
          aria-describedby="kiosk-comment-count"
          onKeyDown={onKeyDown}
        />
        <p id="kiosk-comment-count" className="comment-count">
          {t('kiosk.comment.count', { count: comment.length, max: COMMENT_MAX_LENGTH })}
        </p>
      </div>
      <LazyKeyboard value={comment} onChange={onChange} maxLength={COMMENT_MAX_LENGTH} />
      <KioskNav {...nav} />
    </main>
  );
}
