import { useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext';
import { takeEarly } from './firstCalls';
import type { KioskSetup } from './flow';

export interface KioskSetupState {
  setup: KioskSetup | null;
  /** The last attempt failed; a setup loaded before is kept meanwhile. */
  failed: boolean;
}

/**
 * Asks the host for the kiosk setup (settings, questionnaire, consent version),
 * again each time `refreshKey` changes (every return to the attract screen, so
 * an administrator's edit reaches the next citizen) and again after `retryMs`
 * while the host fails.
 */
export function useKioskSetup(refreshKey: number, retryMs: number): KioskSetupState {
  const api = useApi();
  const [state, setState] = useState<KioskSetupState>({ setup: null, failed: false });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    // The first ask may have left before React rendered (pageClient.ts); later ones go now.
    (takeEarly(api, 'getKioskSetup') ?? api.call('getKioskSetup', {})).then(
      (setup) => {
        if (live) setState({ setup, failed: false });
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
