import { useEffect } from 'react';

/** What counts as someone being there: a touch, a click, a key or a scroll. */
export const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * Calls `onIdle` after `seconds` without activity (null: not counting). The
 * host expires sessions too, but only notices at the next call, and a polling
 * dashboard keeps it busy: the screen itself must notice that nobody is there.
 * `onIdle` must be stable.
 */
export function useIdleSignOut(seconds: number | null, onIdle: () => void): void {
  useEffect(() => {
    if (seconds === null) return;
    const ms = seconds * 1000;
    let timer = setTimeout(onIdle, ms);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, ms);
    };
    // Capture: a screen that stops an event's propagation still counts as activity.
    for (const type of ACTIVITY) window.addEventListener(type, restart, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, restart, { capture: true });
    };
  }, [seconds, onIdle]);
}
