import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { KioskApp } from './kiosk/KioskApp';
import { useHashRoute } from './router';

// Staff and admin screens load on demand so the kiosk route, which a citizen
// sees all day, carries none of their code.
const StaffApp = lazy(() => import('./staff/StaffApp').then((module) => ({ default: module.StaffApp })));
const AdminApp = lazy(() => import('./admin/AdminApp').then((module) => ({ default: module.AdminApp })));

export function App() {
  const route = useHashRoute();
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <p className="route-loading" role="status">
          {t('app.loading')}
        </p>
      }
    >
      {route === 'staff' ? <StaffApp /> : route === 'admin' ? <AdminApp /> : <KioskApp />}
    </Suspense>
  );
}
