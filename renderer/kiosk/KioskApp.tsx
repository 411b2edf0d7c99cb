import './kiosk.css';
import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { DEFAULT_LANGUAGE } from '../../src/domain/language';
import { useApi } from '../api/ApiContext';
import { useLanguage } from '../i18n';
import { AttractScreen } from './AttractScreen';
import { earlyChoices, forgetEarlyChoices } from './earlyTap';
import { DEFAULT_KIOSK_ENV, type KioskEnv } from './kioskEnv';
import { LargeTextProvider } from './largeText';
import { useScreens } from './lazyScreens';
import { beforeScreens, initialSession } from './session';
import type { LeaveSubmission } from './Submission';
import { useArmedContext } from './useArmedContext';
import { useBlockContextMenu } from './useBlockContextMenu';
import { useKioskSetup } from './useKioskSetup';
import { useScanner } from './useScanner';

/**
 * The citizen-facing route: owns the flow state and the attract screen's calls and
 * timers. The screens after it, their timers and the survey's calls to the host come
 * with the survey's code (screens.ts), fetched while the attract screen is drawn.
 */
export function KioskApp({ env: overrides }: { env?: Partial<KioskEnv> }) {
  const env = useMemo(() => ({ ...DEFAULT_KIOSK_ENV, ...overrides }), [overrides]);
  const api = useApi();
  const [language, setLanguage] = useLanguage();
  // The survey's screens load while the attract screen is on show; its start button waits for them,
  // so a tap never does. The flow's reducer and the calls to the host come with them.
  const screens = useScreens(env.setupRetryMs);
  // A "Chữ to" or a language tapped on the page's own copy of the screen, before the app ran (earlyTap.ts).
  const [early] = useState(earlyChoices);
  const [{ view: state, visit, largeText }, dispatch] = useReducer(
    screens?.sessionReducer ?? beforeScreens,
    initialSession,
    (session) => ({ ...session, largeText: early.largeText }),
  );
  const leaveSubmission = useRef<LeaveSubmission>(null);
  const onAttract = state.screen === 'attract';
  const { setup, failed } = useKioskSetup(visit, env.setupRetryMs);
  const armed = useArmedContext(visit, onAttract, env.armedPollMs);
  useBlockContextMenu();

  // Each return to the attract screen: the next citizen starts in Vietnamese (the first, in the
  // language they may have tapped before the app ran).
  // An effect event, so a language chosen on the attract screen does not re-run it.
  const resetLanguage = useEffectEvent(() => {
    setLanguage(visit === 0 ? (early.language ?? DEFAULT_LANGUAGE) : DEFAULT_LANGUAGE);
    forgetEarlyChoices();
  });
  useEffect(() => resetLanguage(), [visit]);

  // The latest setup and armed context, for a scanner answer that arrives later. A layout effect:
  // current before any screen's effect, such as the attract screen's starting a tap it kept.
  const latest = useRef({ setup, armed });
  useLayoutEffect(() => {
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

  const checking = useRef(false);
  // A code scanned while the setup and screens are on their way is kept and starts the survey once here.
  const scanner = !onAttract || (failed && setup === null) ? 'off' : setup && screens ? 'start' : 'keep';
  useScanner(scanner, env.scanGapMs, env.now, (caseCode) => {
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

  const largeTextControl = useMemo(
    () => ({ on: largeText, toggle: () => dispatch({ type: 'toggleLargeText' }) }),
    [largeText],
  );
  return (
    <LargeTextProvider value={largeTextControl}>
      <div className={largeText ? 'kiosk kiosk-large' : 'kiosk'}>
        {screens && (
          <screens.Submission ref={leaveSubmission} state={state} dispatch={dispatch} language={language} env={env} />
        )}
        {state.screen === 'attract' ? (
          <div className="kiosk-screen">
            <AttractScreen
              settings={setup?.settings ?? null}
              canStart={screens !== undefined}
              unavailable={failed && setup === null}
              armed={armed}
              notice={notice}
              onStart={() => start(null)}
            />
          </div>
        ) : (
          // Every other screen is reached through the start button (or a scan), which waits for their code.
          screens && (
            <screens.FlowScreens
              state={state}
              dispatch={dispatch}
              settings={setup?.settings}
              env={env}
              leave={leaveSubmission}
            />
          )
        )}
      </div>
    </LargeTextProvider>
  );
}
