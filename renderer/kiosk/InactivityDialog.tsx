import './dialog.css';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountdown } from './useCountdown';

export interface InactivityDialogProps {
  seconds: number;
  onContinue: () => void;
  /** The countdown ran out: the citizen has gone. */
  onTimeout: () => void;
}

/**
 * "Ông/Bà còn tiếp tục không?": a modal dialog (the screen behind it is inert)
 * with one big button, which takes the focus; Escape continues too. Focus goes
 * back where it was when the citizen continues.
 */
export function InactivityDialog({ seconds, onContinue, onTimeout }: InactivityDialogProps) {
  const { t } = useTranslation();
  const left = useCountdown(seconds, onTimeout);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    button.current?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onContinue();
    // The only thing to reach inside the dialog is its button: Tab stays on it.
    if (event.key === 'Tab') {
      event.preventDefault();
      button.current?.focus();
    }
  };

  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-countdown"
        onKeyDown={onKeyDown}
      >
        <h2 id="idle-title" className="modal-title">
          {t('kiosk.idle.heading')}
        </h2>
        <p id="idle-countdown" className="modal-countdown" role="timer">
          {t('kiosk.idle.countdown', { count: left })}
        </p>
        <button ref={button} type="button" className="start-button modal-button" onClick={onContinue}>
          {t('kiosk.idle.continue')}
        </button>
      </div>
    </div>
  );
}
