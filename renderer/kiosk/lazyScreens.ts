import { useEffect, useState } from 'react';
import { loadTexts } from '../i18n';
import type * as Screens from './screens';

export type ScreensModule = typeof Screens;

let loading: Promise<ScreensModule> | undefined;
let loaded: ScreensModule | undefined;

/**
 * Fetches the survey's screens and the rest of the texts (the keyboard's words
 * among them; English once chosen, see changeLanguage) once. A failed fetch is tried again by the next call.
 */
export function loadScreens(): Promise<ScreensModule> {
  loading ??= Promise.all([import('./screens'), loadTexts()]).then(
    ([module]) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * The survey's screens, undefined until they are here. On the page they were
 * asked for before React rendered (pageClient.ts), so they load while the attract
 * screen is drawn; otherwise the effect after the first commit asks. A failed
 * fetch is asked again after `retryMs`.
 */
export function useScreens(retryMs: number): ScreensModule | undefined {
  const [module, setModule] = useState(loaded);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (module) return;
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    loadScreens().then(
      (found) => live && setModule(found),
      () => {
        if (live) retry = setTimeout(() => setAttempt((n) => n + 1), retryMs);
      },
    );
    return () => {
      live = false;
      clearTimeout(retry);
    };
  }, [module, attempt, retryMs]);
  return module;
}
