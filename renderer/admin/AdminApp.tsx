import './admin.css';
import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../components/ScreenHeading';
import { hrefOf } from '../router';

/** Placeholder until the setup screens exist. */
export function AdminApp() {
  const { t } = useTranslation();
  return (
    <main className="admin">
      <ScreenHeading>{t('admin.heading')}</ScreenHeading>
      <p>{t('admin.body')}</p>
      <p>
        <a href={hrefOf('kiosk')}>{t('admin.backToKiosk')}</a>
      </p>
    </main>
  );
}
