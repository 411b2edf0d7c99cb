import { useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { OfficersSection } from '../admin/officers/OfficersSection';
import { QuestionnairesSection } from '../admin/questionnaires/QuestionnairesSection';
import { UnitSection } from '../admin/unit/UnitSection';
import { hrefOf } from '../router';
import { useSession } from '../session/SessionProvider';

// The first administrator exists already (the step before this); the rest is
// the admin area's own sections, in the order a new kiosk needs them.
const STEPS = [
  ['unit', UnitSection],
  ['officers', OfficersSection],
  ['questionnaires', QuestionnairesSection],
] as const satisfies ReadonlyArray<readonly [string, ComponentType]>;

/**
 * The first run, on the kiosk itself, after the first administrator was made
 * and signed in: the unit's name and code with its counters and fields, the
 * officers, and the questionnaire. Each step can be done later from the admin
 * screens; "Finish" signs out and brings the citizen screen back.
 */
export function SetupWizard() {
  const { t } = useTranslation();
  const { end } = useSession();
  const [index, setIndex] = useState(0);
  const [name, Section] = STEPS[index] ?? STEPS[0];
  const last = index === STEPS.length - 1;
  return (
    <div className="admin-shell setup-wizard">
      <nav aria-label={t('signin.wizard.steps')}>
        <ol className="setup-steps">
          <li className="setup-step-done">{t('signin.wizard.admin')}</li>
          {STEPS.map(([step], i) => (
            <li key={step} aria-current={i === index ? 'step' : undefined}>
              {t(`admin.sections.${step}`)}
            </li>
          ))}
        </ol>
      </nav>
      {/* Keyed: each step starts fresh and its heading takes the focus. */}
      <main className="admin-main" key={name}>
        <Section />
      </main>
      <div className="setup-actions">
        {index > 0 && (
          <button type="button" className="button-secondary" onClick={() => setIndex(index - 1)}>
            {t('signin.wizard.back')}
          </button>
        )}
        {last ? (
          <button
            type="button"
            className="button-primary"
            onClick={() => {
              end('toKiosk');
              window.location.hash = hrefOf('kiosk');
            }}
          >
            {t('signin.wizard.finish')}
          </button>
        ) : (
          <button type="button" className="button-primary" onClick={() => setIndex(index + 1)}>
            {t('signin.wizard.next')}
          </button>
        )}
      </div>
    </div>
  );
}
