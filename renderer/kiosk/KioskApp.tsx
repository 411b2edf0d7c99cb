import './kiosk.css';
import { useCallback, useEffect, useEffectEvent, useMemo, useReducer, useRef } from 'react';
import { DEFAULT_LANGUAGE } from '../../src/domain/language';
import { useApi } from '../api/ApiContext';
import { useLanguage } from '../i18n';
import { AttractScreen } from './AttractScreen';
import { hasAnswers, isSurvey } from './flow';
import { DEFAULT_KIOSK_ENV, type KioskEnv } from './kioskEnv';
import { LargeTextProvider } from './largeText';
import { useScreens } from './lazyScreens';
import { initialSession, sessionReducer } from './session';
import { useArmedContext } from './useArmedContext';
import { useBlockContextMenu } from './useBlockContextMenu';
import { useInactivity } from './useInactivity';
import { useKioskSetup } from './useKioskSetup';
import { useScanner } from './useScanner';
import { useSubmission } from './useSubmission';

/** The citizen-facing route: owns the flow state, its timers and the host calls. */
export function KioskApp({ env: overrides }: { env?: Partial<KioskEnv> }) {
  const env = useMemo(() => ({ ...DEFAULT_KIOSK_ENV, ...overrides }), [overrides]);
  const api = useApi();
  const [language, setLanguage] = useLanguage();
  const [{ view: state, visit, largeText }, dispatch] = useReducer(sessionReducer, initialSession);
  const onAttract = state.screen === 'attract';
  const { setup, failed } = useKioskSetup(visit, env.setupRetryMs);
  // The survey's screens load while the attract screen is on show; its start button waits for them,
  // so a tap never does.
  const screens = useScreens(env.setupRetryMs);
  const armed = useArmedContext(visit, onAttract, env.armedPollMs);
  const timings = setup?.settings.timings;
  const inactivity = useInactivity(isSurvey(state), (timings?.inactivitySeconds ?? 20) * 1000);
  const leaveSubmission = useSubmission(state, dispatch, language, env);
  useBlockContextMenu();

  // Each return to the attract screen: the next citizen starts in Vietnamese.
  // An effect event, so a language chosen on the attract screen does not re-run it.
  const resetLanguage = useEffectEvent(() => setLanguage(DEFAULT_LANGUAGE));
  useEffect(() => resetLanguage(), [visit]);

  // The latest setup and armed context, for a scanner answer that arrives later.
  const latest = useRef({ setup, armed });
  useEffect(() => {
    latest.current = { setup, armed };
  });

  const start = useCallback(
    (caseCode: string | null) => {
      const { setup: current, armed: context } = latest.current;
      if (current && screens)
        dispatch({ type: 'start', setup: current, armed: context, caseCode, id: env.newId(), at: env.now() });
    },
    [env, screens],
  );

  /** The citizen left part-way: keep what they answered (counted or abandoned by the counting rule), then clear the screen. */
  const abandon = useCallback(() => {
    leaveSubmission(state);
    dispatch({ type: 'reset' });
  }, [leaveSubmission, state]);

  /** "Làm lại" confirmed: what was answered goes to the host as it stands, and a new survey starts. */
  const restart = useCallback(() => {
    if (isSurvey(state) && hasAnswers(state.citizen)) leaveSubmission(state);
    dispatch({ type: 'restart', id: env.newId(), at: env.now() });
  }, [leaveSubmission, state, env]);

  const checking = useRef(false);
  useScanner(onAttract && setup !== null && screens !== undefined, env.scanGapMs, env.now, (caseCode) => {
    if (checking.current) return;
    checking.current = true;
    api
      .call('checkCaseCode', { caseCode })
      // Unanswered, the survey still starts: the host refuses a second rating on submission.
      .then(
        ({ alreadyRated }) => (alreadyRated ? dispatch({ type: 'alreadyRated' }) : start(caseCode)),
        () => start(caseCode),
      )
      .finally(() => (checking.current = false));
  });

  // The polite "already rated" notice stays a few seconds, then the attract screen is as usual.
  const notice = state.screen === 'attract' ? state.notice : undefined;
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => dispatch({ type: 'clearNotice' }), env.noticeMs);
    return () => clearTimeout(timer);
  }, [notice, env]);

  // After a tap, the choice stays visibly selected for env.confirmMs, then the flow moves on.
  const chosen = state.screen === 'question' && state.chosen !== undefined;
  useEffect(() => {
    if (!chosen) return;
    const timer = setTimeout(() => dispatch({ type: 'confirm' }), env.confirmMs);
    return () => clearTimeout(timer);
  }, [chosen, env]);

  const toAttract = () => dispatch({ type: 'reset' });
  const asking = isSurvey(state) ? state.asking : undefined;
  const screen = (() => {
    if (state.screen === 'attract')
      return (
        <AttractScreen
          settings={setup?.settings ?? null}
          canStart={screens !== undefined}
          unavailable={failed && setup === null}
          armed={armed}
          notice={notice}
          onStart={() => start(null)}
        />
      );
    // Every other screen is reached through the start button (or a scan), which waits for their code.
    if (!screens) return null;
    const { SendingScreen, ThanksScreen, SorryScreen, SurveyView } = screens;
    switch (state.screen) {
      case 'sending':
        return <SendingScreen />;
      case 'thanks':
        return (
          <ThanksScreen
            seconds={timings?.thankYouSeconds ?? 8}
            hotline={setup?.settings.hotline ?? ''}
            callBackDays={state.callBack ? (setup?.settings.callbackWorkingDays ?? 2) : null}
            onDone={toAttract}
          />
        );
      case 'sorry':
        return <SorryScreen seconds={env.sorrySeconds} onDone={toAttract} />;
      default:
        return <SurveyView state={state} dispatch={dispatch} onLeave={abandon} onRestart={restart} />;
    }
  })();

  const largeTextControl = useMemo(
    () => ({ on: largeText, toggle: () => dispatch({ type: 'toggleLargeText' }) }),
    [largeText],
  );
  return (
    <LargeTextProvider value={largeTextControl}>
      <div className={largeText ? 'kiosk kiosk-large' : 'kiosk'}>
        <div className="kiosk-screen" inert={inactivity.warning || asking !== undefined}>
          {screen}
        </div>
        {/* The warning, when it comes, is the one dialog on screen; the question returns after it. */}
        {asking && !inactivity.warning && screens && (
          <screens.RestartDialog
            asking={asking}
            onYes={asking === 'leave' ? abandon : restart}
            onNo={() => dispatch({ type: 'keep' })}
          />
        )}
        {inactivity.warning && screens && (
          <screens.InactivityDialog
            seconds={timings?.warningSeconds ?? 10}
            onContinue={inactivity.dismiss}
            onTimeout={abandon}
          />
        )}
      </div>
    </LargeTextProvider>
  );
}
