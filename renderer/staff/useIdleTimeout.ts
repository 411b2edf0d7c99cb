import { useEffect } from 'react';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` after `ms` without a key, tap or scroll. The host ends a
 * session after 30 minutes idle, but the dashboard's live polling keeps it
 * busy, so the screen itself must notice that nobody is there any more.
 */
export function useIdleTimeout(ms: number, onIdle: () => void): void {
  useEffect(() => {
    let timer = setTimeout(onIdle, ms);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, ms);
    };
    for (const event of ACTIVITY) window.addEventListener(event, restart, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const event of ACTIVITY) window.removeEventListener(event, restart, { capture: true });
    };
  }, [ms, onIdle]);
}
