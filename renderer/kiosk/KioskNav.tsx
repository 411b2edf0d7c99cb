import { useTranslation } from 'react-i18next';

export interface KioskNavProps {
  onBack: () => void;
  onRestart: () => void;
  /** On the optional follow-ups: go on, keeping what the screen holds. */
  onNext?: () => void;
  /** Something is entered on this screen: the button says "Tiếp tục"; nothing: "Bỏ qua". Neither forgets anything. */
  entered?: boolean;
  /** "Gửi đánh giá": leave the optional follow-ups for the thank-you screen in one tap. */
  onFinish?: () => void;
}

/** The navigation every optional follow-up screen passes to its KioskNav. */
export type FollowUpNavProps = Required<Pick<KioskNavProps, 'onBack' | 'onRestart' | 'onNext' | 'entered'>> &
  Pick<KioskNavProps, 'onFinish'>;

/** "Quay lại" and "Làm lại" always on screen, so a citizen is never stuck; on the follow-ups, "Gửi đánh giá" and "Tiếp tục"/"Bỏ qua". */
export function KioskNav({ onBack, onRestart, onNext, entered = false, onFinish }: KioskNavProps) {
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
      {(onFinish || onNext) && (
        <div className="nav-group">
          {onFinish && (
            <button type="button" className="nav-button" onClick={onFinish}>
              {t('kiosk.finish')}
            </button>
          )}
          {onNext && (
            <button type="button" className="nav-button nav-primary" onClick={onNext}>
              {t(entered ? 'kiosk.next' : 'kiosk.skip')}
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
