import type { Dispatch } from 'react';
import type { KioskAction, SurveyState } from './flow';
import { selectedScore } from './flow';
import { CommentScreen } from './CommentScreen';
import { ContactScreen } from './ContactScreen';
import { QuestionScreen } from './QuestionScreen';
import { ReasonsScreen } from './ReasonsScreen';

export interface SurveyViewProps {
  state: SurveyState;
  dispatch: Dispatch<KioskAction>;
  /** "Quay lại" on the first question: the citizen leaves (KioskApp keeps their answers). */
  onLeave: () => void;
}

/** Picks the survey screen for the state and wires its buttons to flow actions. */
export function SurveyView({ state, dispatch, onLeave }: SurveyViewProps) {
  const { citizen } = state;
  const nav = {
    onBack: () => (state.screen === 'question' && state.index === 0 ? onLeave() : dispatch({ type: 'back' })),
    onRestart: () => dispatch({ type: 'restart' }),
  };
  const passable = { ...nav, onNext: () => dispatch({ type: 'next' }), onSkip: () => dispatch({ type: 'skip' }) };

  switch (state.screen) {
    case 'question': {
      const step = citizen.steps[state.index];
      if (!step) return null;
      return (
        <QuestionScreen
          step={step}
          index={state.index}
          total={citizen.steps.length}
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
          {...passable}
        />
      );
    }
    case 'comment':
      return <CommentScreen comment={citizen.comment} onChange={(text) => dispatch({ type: 'setComment', text })} {...passable} />;
    case 'contact':
      return (
        <ContactScreen
          consent={citizen.contact.consent}
          retentionMonths={citizen.retentionMonths}
          phone={citizen.contact.phone}
          checked={state.checked === true}
          onConsent={(consent) => dispatch({ type: 'setConsent', consent })}
          onPhone={(phone) => dispatch({ type: 'setPhone', phone })}
          {...passable}
        />
      );
  }
}
