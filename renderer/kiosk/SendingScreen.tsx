import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../components/ScreenHeading';

/** Shown until the host has committed the answers (never acknowledged earlier). */
export function SendingScreen() {
  const { t } = useTranslation();
  return (
    <main className="screen closing" aria-busy="true">
      <ScreenHeading>{t('kiosk.sending.heading')}</ScreenHeading>
    </main>
  );
}
