import './followUp.css';
import { useTranslation } from 'react-i18next';
import type { QuestionnaireDimension } from '../../src/domain/questionnaire';
import { ScreenHeading } from '../components/ScreenHeading';
import { useLanguage } from '../i18n';
import { CheckMark } from './Face';
import { FlowTop } from './FlowTop';
import { KioskNav } from './KioskNav';

export interface ReasonsScreenProps {
  dimension: QuestionnaireDimension;
  picked: readonly string[];
  onToggle: (reason: string) => void;
  onNext: () => void;
  onSkip: () => void;
  onBack: () => void;
  onRestart: () => void;
}

/** After a low score: what went wrong, as chips the citizen can toggle (several allowed). */
export function ReasonsScreen({ dimension, picked, onToggle, onNext, onSkip, onBack, onRestart }: ReasonsScreenProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  return (
    <main className="screen follow-up reasons">
      <FlowTop />
      <div className="question-body">
        <p className="question-dimension">{dimension.title[language]}</p>
        <ScreenHeading key={dimension.id} className="question-text">
          {t('kiosk.reasons.heading')}
        </ScreenHeading>
        <p className="follow-up-hint">{t('kiosk.reasons.hint')}</p>
      </div>
      <div className="reason-chips" role="group" aria-label={t('kiosk.reasons.group')}>
        {dimension.reasons.map((reason) => {
          const pressed = picked.includes(reason.id);
          return (
            <button key={reason.id} type="button" className="reason-chip" aria-pressed={pressed} onClick={() => onToggle(reason.id)}>
              <span className="reason-box" aria-hidden="true">
                {pressed && <CheckMark />}
              </span>
              {reason.text[language]}
            </button>
          );
        })}
      </div>
      <KioskNav onBack={onBack} onRestart={onRestart} onSkip={onSkip} onNext={onNext} />
    </main>
  );
}
