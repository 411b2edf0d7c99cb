import { useCallback, useEffect, useRef, type Dispatch } from 'react';
import type { Language } from '../../src/domain/language';
import { useApi } from '../api/ApiContext';
import { ApiError } from '../api/client';
import type { KioskAction, KioskState, SurveyState } from './flow';
import { isSurvey } from './flow';
import type { KioskEnv } from './kioskEnv';
import { hostCalls, nothingAcknowledged, type Acknowledged, type Stage } from './submission';

type WithCitizen = SurveyState | Extract<KioskState, { screen: 'sending' }>;

/** One citizen's exchange with the host: what it acknowledged, and the calls still on their way. */
interface Track {
  acknowledged: Acknowledged;
  /** The passes run one after the other, so the host sees the citizen's changes in order. */
  queue: Promise<unknown>;
  /** The host refused the ratings: the case was rated before. Nothing more is sent. */
  alreadyRated: boolean;
}

/**
 * Keeps the host up to date with the citizen, under the counting rule: the
 * ratings are committed as soon as every required one is given (the citizen's
 * answer is safe from then on, whatever they do next), and what follows —
 * more or changed ratings, reasons, a comment, a phone number — is added to the
 * same response, each in its own call (see hostCalls). When the flow reaches
 * "sending", whatever is left goes and the host's answer picks the next screen:
 * all stored → thanks; case already rated → the polite notice; anything else,
 * or no answer within sendTimeoutMs → the apology. Returns `leave`, which hands
 * the host what a citizen who walked away or started over had answered.
 */
export function useSubmission(state: KioskState, dispatch: Dispatch<KioskAction>, language: Language, env: KioskEnv) {
  const api = useApi();
  const tracks = useRef(new Map<string, Track>());
  const finishedFor = useRef<string | null>(null);
  const citizenId = state.screen === 'sending' ? state.citizen.id : null;

  /** Queues a pass for this snapshot of the citizen; resolves true when the host has it all. */
  const pass = useCallback(
    (snapshot: WithCitizen, stage: Stage): Promise<boolean> => {
      const id = snapshot.citizen.id;
      let track = tracks.current.get(id);
      if (!track) {
        track = { acknowledged: nothingAcknowledged, queue: Promise.resolve(), alreadyRated: false };
        tracks.current.set(id, track);
      }
      const current = track;
      const done = current.queue.then(async () => {
        if (current.alreadyRated) return false;
        // Computed when its turn comes, against what the host acknowledged by then.
        for (const call of hostCalls(snapshot, stage, current.acknowledged, language, env.now())) {
          try {
            if (call.name === 'submitResponse') await api.call('submitResponse', call.input);
            else await api.call('addResponseDetails', call.input);
          } catch (error) {
            if (error instanceof ApiError && error.code === 'conflict') current.alreadyRated = true;
            // What failed is sent again by the next pass; the rest waits for it.
            return false;
          }
          current.acknowledged = { ...current.acknowledged, ...call.acknowledges };
        }
        return true;
      });
      current.queue = done;
      return done;
    },
    [api, language, env],
  );

  const forget = useCallback((id: string, done: Promise<unknown>) => {
    void done.finally(() => {
      if (tracks.current.get(id)?.queue === done) tracks.current.delete(id);
    });
  }, []);

  // While the citizen answers: each change they make goes once it may (hostCalls decides).
  useEffect(() => {
    if (isSurvey(state)) void pass(state, 'survey');
  }, [state, pass]);

  useEffect(() => {
    if (state.screen !== 'sending' || finishedFor.current === state.citizen.id) return;
    const { citizen } = state;
    finishedFor.current = citizen.id;
    const done = pass(state, 'finishing').then((stored) => {
      const alreadyRated = tracks.current.get(citizen.id)?.alreadyRated === true;
      dispatch(
        stored
          ? { type: 'sent', id: citizen.id }
          : alreadyRated
            ? { type: 'alreadyRated', id: citizen.id }
            : { type: 'failed', id: citizen.id },
      );
    });
    forget(citizen.id, done);
  }, [state, pass, forget, dispatch]);

  // A host that never answers must not leave the kiosk stuck on "sending".
  useEffect(() => {
    if (citizenId === null) return;
    const timer = setTimeout(() => dispatch({ type: 'failed', id: citizenId }), env.sendTimeoutMs);
    return () => clearTimeout(timer);
  }, [citizenId, dispatch, env]);

  return useCallback(
    (current: KioskState) => {
      if (!isSurvey(current)) return;
      // Nobody is left to tell about a failure; the host keeps what it could not commit.
      forget(current.citizen.id, pass(current, 'leaving'));
    },
    [pass, forget],
  );
}
