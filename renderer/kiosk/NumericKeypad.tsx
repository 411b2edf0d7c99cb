import { useTranslation } from 'react-i18next';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '+', '0', 'Backspace'] as const;

export interface NumericKeypadProps {
  onKey: (key: string) => void;
  /** The "+" key, for +84 phone numbers; a PIN pad leaves its place empty. */
  plus?: boolean;
  /** The group's accessible name; the phone keypad's by default. */
  label?: string;
  /** Keys at least this many pixels wide and high, whatever the stylesheet says (a PIN pad asks for 72). */
  minKeyPx?: number;
}

/** A phone-style keypad with big keys: digits, "+" (for +84) and backspace. */
export function NumericKeypad({ onKey, plus = true, label, minKeyPx }: NumericKeypadProps) {
  const { t } = useTranslation();
  const style = minKeyPx === undefined ? undefined : { minWidth: `${minKeyPx}px`, minHeight: `${minKeyPx}px` };
  return (
    <div className="keypad" role="group" aria-label={label ?? t('kiosk.contact.keypad')}>
      {KEYS.map((key) =>
        key === '+' && !plus ? (
          <span key={key} aria-hidden="true" />
        ) : key === 'Backspace' ? (
          <button
            key={key}
            type="button"
            className="keypad-key keypad-fn"
            style={style}
            aria-label={t('kiosk.contact.backspace')}
            onClick={() => onKey(key)}
          >
            <svg className="nav-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M8 5 H21 V19 H8 L2 12 Z M11 9 L17 15 M17 9 L11 15" />
            </svg>
          </button>
        ) : (
          <button
            key={key}
            type="button"
            className={key === '+' ? 'keypad-key keypad-fn' : 'keypad-key'}
            style={style}
            aria-label={key === '+' ? t('kiosk.contact.plus') : undefined}
            onClick={() => onKey(key)}
          >
            {key}
          </button>
        ),
      )}
    </div>
  );
}
