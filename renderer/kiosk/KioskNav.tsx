import { useTranslation } from 'react-i18next';

/** "Quay lại" and "Làm lại": always on screen, so a citizen is never stuck. */
export function KioskNav({ onBack, onRestart }: { onBack: () => void; onRestart: () => void }) {
  const { t } = useTranslation();
  return (
    <nav className="kiosk-nav">
      <button type="button" className="nav-button" onClick={onBack}>
        <svg className="nav-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M15 5 L8 12 L15 19" />
        </svg>
        {t('kiosk.question.back')}
      </button>
      <button type="button" className="nav-button" onClick={onRestart}>
        <svg className="nav-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M5 12 A7 7 0 1 0 8 6.3 M4 4 L8 6.3 L6 10" />
        </svg>
        {t('kiosk.question.restart')}
      </button>
    </nav>
  );
}
