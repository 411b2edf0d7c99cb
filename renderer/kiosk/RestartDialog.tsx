import './dialog.css';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Asking } from './flow';

export interface RestartDialogProps {
  /** What the citizen tapped: "Làm lại", or "Quay lại" on the first question. */
  asking: Asking;
  /** "Có": what was answered is kept under the counting rule, and the survey starts over. */
  onYes: () => void;
  /** "Không": nothing changes. */
  onNo: () => void;
}

/**
 * "Làm lại từ đầu?": a modal dialog with two large buttons. "Không" — the choice
 * that loses nothing — takes the focus, and Escape means it too; Tab moves
 * between the two buttons only.
 */
export function RestartDialog({ asking, onYes, onNo }: RestartDialogProps) {
  const { t } = useTranslation();
  const no = useRef<HTMLButtonElement>(null);
  const yes = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    no.current?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onNo();
    if (event.key === 'Tab') {
      event.preventDefault();
      (document.activeElement === no.current ? yes : no).current?.focus();
    }
  };

  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="restart-title"
        aria-describedby="restart-body"
        onKeyDown={onKeyDown}
      >
        <h2 id="restart-title" className="modal-title">
          {t('kiosk.restartDialog.heading')}
        </h2>
        <p id="restart-body" className="modal-body">
          {t(`kiosk.restartDialog.${asking}`)}
        </p>
        <div className="modal-choices">
          <button ref={yes} type="button" className="start-button modal-button" onClick={onYes}>
            {t('kiosk.restartDialog.yes')}
          </button>
          <button ref={no} type="button" className="start-button modal-button" onClick={onNo}>
            {t('kiosk.restartDialog.no')}
          </button>
        </div>
      </div>
    </div>
  );
}
