import { useTranslation } from 'react-i18next';

export interface KioskNavProps {
  onBack: () => void;
  onRestart: () => void;
  /** "Bỏ qua" and "Tiếp tục", on the screens that may be passed over. */
  onSkip?: () => void;
  onNext?: () => void;
}

/** "Quay lại" and "Làm lại" always on screen, so a citizen is never stuck; "Bỏ qua"/"Tiếp tục" where they apply. */
export function KioskNav({ onBack, onRestart, onSkip, onNext }: KioskNavProps) {
  const { t } = useTranslation();
  return (
    <nav className="kiosk-nav" aria-label={t('kiosk.nav.label')}>
      <div className="nav-group">
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
      </div>
      {(onSkip || onNext) && (
        <div className="nav-group">
          {onSkip && (
            <button type="button" className="nav-button" onClick={onSkip}>
              {t('kiosk.skip')}
            </button>
          )}
          {onNext && (
            <button type="button" className="nav-button nav-primary" onClick={onNext}>
              {t('kiosk.next')}
              <svg className="nav-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M9 5 L16 12 L9 19" />
              </svg>
            </button>
          )}
        </div>
      )}
    </nav>
  );
}
