import { useCallback, useEffect, useRef, type Dispatch } from 'react';
import type { Language } from '../../src/domain/language';
import { useApi } from '../api/ApiContext';
import { ApiError } from '../api/client';
import type { KioskAction, KioskState } from './flow';
import type { KioskEnv } from './kioskEnv';
import { abandonedSubmission, submissionOf } from './submission';

/**
 * Sends the answers when the flow reaches "sending" (once per citizen, even if
 * the effect runs twice) and turns the host's answer into the next screen:
 * stored → thanks; case already rated → the polite notice; anything else, or
 * no answer within sendTimeoutMs → the apology. Returns `abandon`, which keeps
 * what a citizen who left part-way had answered.
 */
export function useSubmission(state: KioskState, dispatch: Dispatch<KioskAction>, language: Language, env: KioskEnv) {
  const api = useApi();
  const sentFor = useRef<string | null>(null);
  const citizenId = state.screen === 'sending' ? state.citizen.id : null;

  useEffect(() => {
    if (state.screen !== 'sending' || sentFor.current === state.citizen.id) return;
    const { citizen } = state;
    sentFor.current = citizen.id;
    api.call('submitResponse', submissionOf(citizen, 'completed', language, env.now())).then(
      () => dispatch({ type: 'sent', id: citizen.id }),
      (error: unknown) =>
        dispatch(error instanceof ApiError && error.code === 'conflict' ? { type: 'alreadyRated', id: citizen.id } : { type: 'failed', id: citizen.id }),
    );
  }, [state, api, dispatch, language, env]);

  // A host that never answers must not leave the kiosk stuck on "sending".
  useEffect(() => {
    if (citizenId === null) return;
    const timer = setTimeout(() => dispatch({ type: 'failed', id: citizenId }), env.sendTimeoutMs);
    return () => clearTimeout(timer);
  }, [citizenId, dispatch, env]);

  return useCallback(
    (current: KioskState) => {
      const submission = abandonedSubmission(current, language, env.now());
      // Nobody is left to tell about a failure; the host keeps what it could not commit.
      if (submission) api.call('submitResponse', submission).catch(() => undefined);
    },
    [api, language, env],
  );
}
