import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditSection } from './audit/AuditSection';
import { BackupsSection } from './backups/BackupsSection';
import { ExitKioskButton } from './ExitKioskButton';
import { ExportsSection } from './exports/ExportsSection';
import { LanSection } from './lan/LanSection';
import { OfficersSection } from './officers/OfficersSection';
import { QuestionnairesSection } from './questionnaires/QuestionnairesSection';
import { PeriodicReportSection } from './report/PeriodicReportSection';
import { sectionHref, sectionIds, useSection, type SectionId } from './sections';
import { useAdminSession } from './session';
import { SupportSection } from './support/SupportSection';
import { SyncSection } from './sync/SyncSection';
import { TargetsSection } from './targets/TargetsSection';
import { UnitSection } from './unit/UnitSection';

// The sections are 5–9 kB each once minified; splitting them into chunks of their
// own made the bundler split the kiosk's entry chunk too, for no real gain. The
// whole admin area stays one lazy chunk, loaded only on #/admin.
const SECTIONS: Record<SectionId, ComponentType> = {
  unit: UnitSection,
  officers: OfficersSection,
  questionnaires: QuestionnairesSection,
  report: PeriodicReportSection,
  exports: ExportsSection,
  backups: BackupsSection,
  sync: SyncSection,
  lan: LanSection,
  support: SupportSection,
  targets: TargetsSection,
  audit: AuditSection,
};

/** Signed in: who, the way out, the section nav and the section itself. */
export function AdminShell({ onSignOut }: { onSignOut: () => void }) {
  const { t } = useTranslation();
  const { officer } = useAdminSession();
  const current = useSection();
  const Section = SECTIONS[current];
  return (
    <div className="admin-shell">
      <header className="admin-header">
        <p className="admin-who">{t('admin.shell.signedInAs', { name: officer.name })}</p>
        <div className="admin-header-actions">
          <ExitKioskButton />
          <button type="button" className="button-secondary" onClick={onSignOut}>
            {t('admin.shell.signOut')}
          </button>
        </div>
      </header>
      <nav className="admin-nav" aria-label={t('admin.shell.nav')}>
        <ul>
          {sectionIds.map((id) => (
            <li key={id}>
              <a href={sectionHref(id)} aria-current={id === current ? 'page' : undefined}>
                {t(`admin.sections.${id}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {/* Keyed: a new section starts fresh and its heading takes the focus. */}
      <main className="admin-main" key={current}>
        <Section />
      </main>
    </div>
  );
}
