import { useTranslation } from 'react-i18next';
import { hrefOf } from '../router';
import { useSession } from './SessionProvider';

/** "Về màn hình đánh giá": on every staff and admin screen; signs out and brings the citizen screen back. */
export function BackToKioskButton() {
  const { t } = useTranslation();
  const { end } = useSession();
  return (
    <button
      type="button"
      className="button-secondary back-to-kiosk"
      onClick={() => {
        end('toKiosk');
        window.location.hash = hrefOf('kiosk');
      }}
    >
      {t('signin.backToKiosk')}
    </button>
  );
}
