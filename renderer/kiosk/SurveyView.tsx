import { useEffect, type Dispatch } from 'react';
import type { KioskAction, SurveyState } from './flow';
import { hasAnswers, hasEntered, selectedScore } from './flow';
import { useLanguage } from '../i18n';
import { otherDimensions } from './pages';
import { CommentScreen } from './CommentScreen';
import { ContactScreen } from './ContactScreen';
import { loadKeyboard } from './lazyKeyboard';
import { QuestionScreen } from './QuestionScreen';
import { ReasonsScreen } from './ReasonsScreen';

export interface SurveyViewProps {
  state: SurveyState;
  dispatch: Dispatch<KioskAction>;
  /** "Quay lại" on the first question: the citizen leaves (KioskApp keeps their answers). */
  onLeave: () => void;
  /** "Làm lại": start over (KioskApp hands what was answered to the host first). */
  onRestart: () => void;
}

/** Picks the survey screen for the state and wires its buttons to flow actions. */
export function SurveyView({ state, dispatch, onLeave, onRestart }: SurveyViewProps) {
  const { citizen } = state;
  const [language] = useLanguage();
  // The comment screen's keyboard is not in the attract screen's code: fetch it as the survey starts.
  useEffect(() => void loadKeyboard().catch(() => undefined), []);
  // With something answered, leaving or starting over asks "Làm lại từ đầu?" first (KioskApp shows it).
  const answered = hasAnswers(citizen);
  const nav = {
    onBack: () => {
      if (state.screen !== 'question' || state.index !== 0) dispatch({ type: 'back' });
      else if (answered) dispatch({ type: 'ask', about: 'leave' });
      else onLeave();
    },
    onRestart: () => (answered ? dispatch({ type: 'ask', about: 'restart' }) : onRestart()),
  };
  // The follow-ups are optional: one button goes on ("Tiếp tục" or "Bỏ qua", never forgetting), one ends the survey here.
  const followUp = {
    ...nav,
    onNext: () => dispatch({ type: 'next' }),
    entered: hasEntered(state),
    // On the last screen going on is ending: one button does it.
    ...(state.screen === 'contact' ? {} : { onFinish: () => dispatch({ type: 'finish' }) }),
  };

  switch (state.screen) {
    case 'question': {
      const step = citizen.steps[state.index];
      if (!step) return null;
      return (
        <QuestionScreen
          step={step}
          index={state.index}
          total={citizen.steps.length}
          purpose={citizen.purpose}
          selected={selectedScore(state)}
          armed={citizen.armed}
          caseCode={citizen.caseCode}
          onChoose={(score) => dispatch({ type: 'choose', score })}
          {...nav}
        />
      );
    }
    case 'reasons': {
      const dimension = citizen.questionnaire.dimensions.find((d) => d.id === state.dimension);
      if (!dimension) return null;
      return (
        <ReasonsScreen
          dimension={dimension}
          picked={citizen.reasons[dimension.id] ?? []}
          onToggle={(reason) => dispatch({ type: 'toggleReason', reason })}
          nav={followUp}
        />
      );
    }
    case 'comment':
      return (
        <CommentScreen
          comment={citizen.comment}
          other={otherDimensions(citizen).map((dimension) => dimension.title[language])}
          onChange={(text) => dispatch({ type: 'setComment', text })}
          nav={followUp}
        />
      );
    case 'contact':
      return (
        <ContactScreen
          consent={citizen.contact.consent}
          retentionMonths={citizen.retentionMonths}
          unitName={citizen.unitName}
          phone={citizen.contact.phone}
          checked={state.checked === true}
          onConsent={(consent) => dispatch({ type: 'setConsent', consent })}
          onPhone={(phone) => dispatch({ type: 'setPhone', phone })}
          nav={followUp}
        />
      );
  }
}
