import { useTranslation } from 'react-i18next';
import { hrefOfView, navViews, type StaffView } from './views';

/** The staff screens as links, so Back, middle-click and bookmarks behave as on any page. */
export function StaffNav({ current }: { current: StaffView }) {
  const { t } = useTranslation();
  return (
    <nav className="staff-nav" aria-label={t('staff.nav.label')}>
      <ul>
        {navViews.map((view) => (
          <li key={view}>
            <a href={hrefOfView(view)} aria-current={view === current ? 'page' : undefined}>
              {t(`staff.nav.${view}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
