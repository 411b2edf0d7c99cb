import './kiosk.css';
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { DEFAULT_LANGUAGE } from '../../src/domain/language';
import { useApi } from '../api/ApiContext';
import { useLanguage } from '../i18n';
import { AttractScreen } from './AttractScreen';
import { hasAnswers, initialKioskState, kioskReducer, selectedScore, submissionOf, type Citizen } from './flow';
import { DEFAULT_KIOSK_ENV, type KioskEnv } from './kioskEnv';
import { QuestionScreen } from './QuestionScreen';
import { SendingScreen } from './SendingScreen';
import { SorryScreen } from './SorryScreen';
import { ThanksScreen } from './ThanksScreen';
import { useActiveQuestionnaire } from './useActiveQuestionnaire';
import { useBlockContextMenu } from './useBlockContextMenu';

/** The citizen-facing route: owns the flow state, its timers and the host calls. */
export function KioskApp({ env: overrides }: { env?: Partial<KioskEnv> }) {
  const env = useMemo(() => ({ ...DEFAULT_KIOSK_ENV, ...overrides }), [overrides]);
  const api = useApi();
  const [language, setLanguage] = useLanguage();
  const [state, dispatch] = useReducer(kioskReducer, initialKioskState);
  // Bumped at every return to the attract screen: reloads the questionnaire.
  const [visit, setVisit] = useState(0);
  const { questionnaire, failed } = useActiveQuestionnaire(visit, env.questionnaireRetryMs);
  useBlockContextMenu();

  const toAttract = useCallback(() => {
    dispatch({ type: 'reset' });
    // The next citizen starts in Vietnamese, whatever the last one chose.
    setLanguage(DEFAULT_LANGUAGE);
    setVisit((n) => n + 1);
  }, [setLanguage]);

  /** The citizen left part-way: keep what they answered, then clear the screen. */
  const abandon = useCallback(
    (citizen: Citizen) => {
      if (hasAnswers(citizen)) {
        // Nobody is left to tell about a failure; the host keeps what it could not commit.
        api.call('submitResponse', submissionOf(citizen, 'abandoned', language, env.now())).catch(() => undefined);
      }
      toAttract();
    },
    [api, env, language, toAttract],
  );

  // After a tap, the choice stays visibly selected for env.confirmMs, then the
  // flow moves on; on the last item the answers go to the host.
  useEffect(() => {
    if (state.screen !== 'question' || !state.chosen) return;
    const timer = setTimeout(() => {
      const next = kioskReducer(state, { type: 'confirm' });
      dispatch({ type: 'confirm' });
      if (next.screen !== 'sending') return;
      const { id } = next.citizen;
      api.call('submitResponse', submissionOf(next.citizen, 'completed', language, env.now())).then(
        () => dispatch({ type: 'sent', id }),
        () => dispatch({ type: 'failed', id }),
      );
    }, env.confirmMs);
    return () => clearTimeout(timer);
  }, [state, api, env, language]);

  // Nobody touched the question for env.idleMs: the citizen walked away.
  useEffect(() => {
    if (state.screen !== 'question') return;
    const { citizen } = state;
    const timer = setTimeout(() => abandon(citizen), env.idleMs);
    return () => clearTimeout(timer);
  }, [state, env, abandon]);

  // A host that never answers must not leave the kiosk stuck on "sending".
  useEffect(() => {
    if (state.screen !== 'sending') return;
    const { id } = state.citizen;
    const timer = setTimeout(() => dispatch({ type: 'failed', id }), env.sendTimeoutMs);
    return () => clearTimeout(timer);
  }, [state, env]);

  const screen = (() => {
    switch (state.screen) {
      case 'attract':
        return (
          <AttractScreen
            ready={questionnaire !== null}
            unavailable={failed && questionnaire === null}
            onStart={() => {
              if (questionnaire) dispatch({ type: 'start', questionnaire, id: env.newId(), at: env.now() });
            }}
          />
        );
      case 'question': {
        const step = state.citizen.steps[state.index];
        if (!step) return null;
        return (
          <QuestionScreen
            step={step}
            index={state.index}
            total={state.citizen.steps.length}
            selected={selectedScore(state)}
            onChoose={(score) => dispatch({ type: 'choose', score })}
            onBack={() => (state.index === 0 ? abandon(state.citizen) : dispatch({ type: 'back' }))}
            onRestart={() => dispatch({ type: 'restart' })}
          />
        );
      }
      case 'sending':
        return <SendingScreen />;
      case 'thanks':
        return <ThanksScreen seconds={env.thanksSeconds} onDone={toAttract} />;
      case 'sorry':
        return <SorryScreen seconds={env.sorrySeconds} onDone={toAttract} />;
    }
  })();

  return <div className="kiosk">{screen}</div>;
}
