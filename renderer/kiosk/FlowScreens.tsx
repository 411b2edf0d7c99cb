import { useCallback, useEffect, type Dispatch, type RefObject } from 'react';
import type { KioskAction, KioskSetup, KioskState } from './flow';
import { InactivityDialog } from './InactivityDialog';
import type { KioskEnv } from './kioskEnv';
import { RestartDialog } from './RestartDialog';
import { SendingScreen } from './SendingScreen';
import { SorryScreen } from './SorryScreen';
import type { LeaveSubmission } from './Submission';
import { hasAnswers, isSurvey } from './surveyState';
import { SurveyView } from './SurveyView';
import { ThanksScreen } from './ThanksScreen';
import { useInactivity } from './useInactivity';

interface FlowScreensProps {
  state: Exclude<KioskState, { screen: 'attract' }>;
  dispatch: Dispatch<KioskAction>;
  settings: KioskSetup['settings'] | undefined;
  env: KioskEnv;
  /** What the citizen answered, to the host (the Submission drawn by KioskApp). */
  leave: RefObject<LeaveSubmission | null>;
}

/**
 * Every screen after the attract one, with the survey's dialogs and timers: drawn
 * by KioskApp once the survey's code is here (screens.ts), which the start button
 * and the scanner wait for.
 */
export function FlowScreens({ state, dispatch, settings, env, leave }: FlowScreensProps) {
  const timings = settings?.timings;
  const inactivity = useInactivity(isSurvey(state), (timings?.inactivitySeconds ?? 20) * 1000);

  /** The citizen left part-way: keep what they answered (counted or abandoned by the counting rule), then clear the screen. */
  const abandon = useCallback(() => {
    leave.current?.(state);
    dispatch({ type: 'reset' });
  }, [leave, state, dispatch]);

  /** "Làm lại" confirmed: what was answered goes to the host as it stands, and a new survey starts. */
  const restart = useCallback(() => {
    if (isSurvey(state) && hasAnswers(state.citizen)) leave.current?.(state);
    dispatch({ type: 'restart', id: env.newId(), at: env.now() });
  }, [leave, state, dispatch, env]);

  // After a tap, the choice stays visibly selected for env.confirmMs, then the flow moves on.
  const chosen = state.screen === 'question' && state.chosen !== undefined;
  useEffect(() => {
    if (!chosen) return;
    const timer = setTimeout(() => dispatch({ type: 'confirm' }), env.confirmMs);
    return () => clearTimeout(timer);
  }, [chosen, dispatch, env]);

  const toAttract = () => dispatch({ type: 'reset' });
  const asking = isSurvey(state) ? state.asking : undefined;
  const screen = (() => {
    switch (state.screen) {
      case 'sending':
        return <SendingScreen />;
      case 'thanks':
        return (
          <ThanksScreen
            seconds={timings?.thankYouSeconds ?? 8}
            hotline={settings?.hotline ?? ''}
            callBackDays={state.callBack ? (settings?.callbackWorkingDays ?? 2) : null}
            onDone={toAttract}
          />
        );
      case 'sorry':
        return <SorryScreen seconds={env.sorrySeconds} onDone={toAttract} />;
      default:
        return <SurveyView state={state} dispatch={dispatch} onLeave={abandon} onRestart={restart} />;
    }
  })();

  return (
    <>
      <div className="kiosk-screen" inert={inactivity.warning || asking !== undefined}>
        {screen}
      </div>
      {/* The warning, when it comes, is the one dialog on screen; the question returns after it. */}
      {asking && !inactivity.warning && (
        <RestartDialog
          asking={asking}
          onYes={asking === 'leave' ? abandon : restart}
          onNo={() => dispatch({ type: 'keep' })}
        />
      )}
      {inactivity.warning && (
        <InactivityDialog seconds={timings?.warningSeconds ?? 10} onContinue={inactivity.dismiss} onTimeout={abandon} />
      )}
    </>
  );
}
