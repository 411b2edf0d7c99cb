import { useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext';
import { takeEarly } from './firstCalls';
import type { ArmedContext } from './flow';

/**
 * While `active` (the attract screen), asks the host every `pollMs` whether
 * staff armed the kiosk for the next citizen. What was seen is tagged with the
 * `visit` it was seen in, so the previous citizen's context never shows for the
 * next one while the first look of a new visit is on its way; a failed look
 * shows nothing rather than a context that may have been withdrawn meanwhile.
 */
export function useArmedContext(visit: number, active: boolean, pollMs: number): ArmedContext | null {
  const api = useApi();
  const [seen, setSeen] = useState<{ visit: number; context: ArmedContext | null }>({ visit: -1, context: null });

  useEffect(() => {
    if (!active) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = () => {
      // The first look may have left before React rendered (pageClient.ts).
      (takeEarly(api, 'getArmedContext') ?? api.call('getArmedContext', {}))
        .then(
          (context) => live && setSeen({ visit, context }),
          () => live && setSeen({ visit, context: null }),
        )
        .finally(() => {
          // The next look is scheduled after this one answered, so slow answers never pile up.
          if (live) timer = setTimeout(look, pollMs);
        });
    };
    look();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, visit, active, pollMs]);

  return active && seen.visit === visit ? seen.context : null;
}
