import { useTranslation } from 'react-i18next';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '+', '0', 'Backspace'] as const;

/** A phone-style keypad with big keys: digits, "+" (for +84) and backspace. */
export function NumericKeypad({ onKey }: { onKey: (key: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="keypad" role="group" aria-label={t('kiosk.contact.keypad')}>
      {KEYS.map((key) =>
        key === 'Backspace' ? (
          <button key={key} type="button" className="keypad-key keypad-fn" aria-label={t('kiosk.contact.backspace')} onClick={() => onKey(key)}>
            <svg className="nav-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M8 5 H21 V19 H8 L2 12 Z M11 9 L17 15 M17 9 L11 15" />
            </svg>
          </button>
        ) : (
          <button
            key={key}
            type="button"
            className={key === '+' ? 'keypad-key keypad-fn' : 'keypad-key'}
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
