import { useEffect, useState } from 'react';
import type { Questionnaire } from '../../src/domain/questionnaire';
import { useApi } from '../api/ApiContext';

export interface ActiveQuestionnaire {
  questionnaire: Questionnaire | null;
  /** The last attempt failed; a questionnaire loaded before is kept meanwhile. */
  failed: boolean;
}

/**
 * Asks the host for the active questionnaire, again each time `refreshKey`
 * changes (every return to the attract screen, so an administrator's edit
 * reaches the next citizen) and again after `retryMs` while the host fails.
 */
export function useActiveQuestionnaire(refreshKey: number, retryMs: number): ActiveQuestionnaire {
  const api = useApi();
  const [state, setState] = useState<ActiveQuestionnaire>({ questionnaire: null, failed: false });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    api.call('getActiveQuestionnaire', {}).then(
      (questionnaire) => {
        if (live) setState({ questionnaire, failed: false });
      },
      () => {
        if (!live) return;
        setState((previous) => ({ ...previous, failed: true }));
        retry = setTimeout(() => setAttempt((n) => n + 1), retryMs);
      },
    );
    return () => {
      live = false;
      clearTimeout(retry);
    };
  }, [api, refreshKey, attempt, retryMs]);

  return state;
}
