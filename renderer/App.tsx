import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { loadTexts } from './i18n';
import { KioskApp } from './kiosk/KioskApp';
import { useHashRoute } from './router';
import { SessionProvider } from './session/SessionProvider';

// Staff and admin screens load on demand so the kiosk route, which a citizen
// sees all day, carries none of their code.
// They draw once the base texts they share are all here too (the kiosk's first paint carries only its own).
const withTexts = <T,>(chunk: Promise<T>): Promise<T> => Promise.all([chunk, loadTexts()]).then(([module]) => module);
const StaffApp = lazy(() => withTexts(import('./staff/StaffApp')).then((module) => ({ default: module.StaffApp })));
const AdminApp = lazy(() => withTexts(import('./admin/AdminApp')).then((module) => ({ default: module.AdminApp })));
// A LAN browser opens #/pair once, to become a counter device.
const PairScreen = lazy(() =>
  withTexts(import('./pair/PairScreen')).then((module) => ({ default: module.PairScreen })),
);

export function App() {
  const route = useHashRoute();
  const { t } = useTranslation();
  // One session for the page: the kiosk's hold-to-sign-in opens it, the staff and admin routes use it.
  return (
    <SessionProvider>
      <Suspense
        fallback={
          <p className="route-loading" role="status">
            {t('app.loading')}
          </p>
        }
      >
        {route === 'staff' ? (
          <StaffApp />
        ) : route === 'admin' ? (
          <AdminApp />
        ) : route === 'pair' ? (
          <PairScreen />
        ) : (
          <KioskApp />
        )}
      </Suspense>
    </SessionProvider>
  );
}
