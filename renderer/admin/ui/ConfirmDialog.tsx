import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Action } from '../useAdminCall';
import { ProblemAlert } from './Feedback';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  /** The action the confirm button runs: its busy state and failure show inside the dialog. */
  action: Action;
  onConfirm: () => void;
  onCancel: () => void;
}

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), a[href]';

/**
 * A modal question before something that cannot be undone. The page behind is
 * made inert (nothing there can be clicked, tabbed to or read), focus starts on
 * Cancel, the safe choice, Escape cancels, and focus returns where it was.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busyLabel,
  action,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const bodyId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const host = dialog.current?.closest('.admin-modal-backdrop');
    const others = Array.from(document.body.children).filter(
      (element) => element !== host && !element.hasAttribute('inert'),
    );
    for (const element of others) element.setAttribute('inert', '');
    cancel.current?.focus();
    return () => {
      for (const element of others) element.removeAttribute('inert');
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !action.busy) {
      event.preventDefault();
      onCancel();
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    // Tab cycles inside the dialog.
    const focusable = Array.from(dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="admin-modal-backdrop">
      <div
        ref={dialog}
        className="admin-modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        <div id={bodyId} className="admin-modal-body">
          {children}
        </div>
        <ProblemAlert problem={action.problem} />
        <div className="admin-modal-actions">
          <button ref={cancel} type="button" className="button-secondary" disabled={action.busy} onClick={onCancel}>
            {t('admin.common.cancel')}
          </button>
          <button
            type="button"
            className="button-danger"
            disabled={action.busy}
            aria-busy={action.busy}
            onClick={onConfirm}
          >
            {action.busy ? busyLabel : confirmLabel}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
