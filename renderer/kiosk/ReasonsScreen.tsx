import './followUp.css';
import { useTranslation } from 'react-i18next';
import type { QuestionnaireDimension } from '../../src/domain/questionnaire';
import { ScreenHeading } from '../components/ScreenHeading';
import { useLanguage } from '../i18n';
import { CheckMark } from './Face';
import { OTHER_REASON } from './flow';
import { FlowTop } from './FlowTop';
import { KioskNav, type FollowUpNavProps } from './KioskNav';

export interface ReasonsScreenProps {
  dimension: QuestionnaireDimension;
  picked: readonly string[];
  onToggle: (reason: string) => void;
  nav: FollowUpNavProps;
}

/**
 * After a low score: what went wrong, as chips the citizen can toggle (several
 * allowed), and always "Khác" (other), which brings the comment screen next.
 */
export function ReasonsScreen({ dimension, picked, onToggle, nav }: ReasonsScreenProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const chips = [
    ...dimension.reasons.map((reason) => ({ id: reason.id, text: reason.text[language] })),
    { id: OTHER_REASON, text: t('kiosk.reasons.other') },
  ];
  return (
    <main className="screen follow-up reasons">
      <FlowTop optional />
      <div className="question-body">
        <p className="question-dimension">{dimension.title[language]}</p>
        <ScreenHeading key={dimension.id} className="question-text">
          {t('kiosk.reasons.heading')}
        </ScreenHeading>
        <p className="follow-up-hint">{t('kiosk.reasons.hint')}</p>
      </div>
      <div className="reason-chips" role="group" aria-label={t('kiosk.reasons.group')}>
        {chips.map((reason) => {
          const pressed = picked.includes(reason.id);
          return (
            <button
              key={reason.id}
              type="button"
              className="reason-chip"
              aria-pressed={pressed}
              onClick={() => onToggle(reason.id)}
            >
              <span className="reason-box" aria-hidden="true">
                {pressed && <CheckMark />}
              </span>
              {reason.text}
            </button>
          );
        })}
      </div>
      {picked.includes(OTHER_REASON) && <p className="follow-up-hint other-hint">{t('kiosk.reasons.otherHint')}</p>}
      <KioskNav {...nav} />
    </main>
  );
}
