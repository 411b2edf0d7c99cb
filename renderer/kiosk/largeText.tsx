import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Tick } from '../components/Tick';

interface LargeText {
  on: boolean;
  toggle: () => void;
}

const LargeTextContext = createContext<LargeText>({ on: false, toggle: () => undefined });

/** KioskApp owns the setting (it is reset for each citizen); screens only show the toggle. */
export function LargeTextProvider({ value, children }: { value: LargeText; children: ReactNode }) {
  return <LargeTextContext value={value}>{children}</LargeTextContext>;
}

/** "Chữ to": scales every kiosk text and target (all sized in em) by a quarter. */
export function LargeTextToggle({ className }: { className?: string }) {
  const { t } = useTranslation();
  const { on, toggle } = useContext(LargeTextContext);
  return (
    <button
      type="button"
      className={className ? `large-text-toggle ${className}` : 'large-text-toggle'}
      aria-pressed={on}
      onClick={toggle}
    >
      <span className="large-text-glyph" aria-hidden="true">
        <span className="large-text-small">{'A'}</span>
        {'A'}
      </span>
      {t('kiosk.largeText')}
      {on && <Tick />}
    </button>
  );
}
