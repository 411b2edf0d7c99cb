import { useEffect } from 'react';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel'] as const;

/**
 * Ends the session after `seconds` without a touch, click or key: an admin page
 * left open on the kiosk must not stay usable by the next person at the desk.
 * (The host expires the session too, but only notices at the next call.)
 */
export function useIdleSignOut(seconds: number | null, onIdle: () => void): void {
  useEffect(() => {
    if (seconds === null) return;
    let timer = setTimeout(onIdle, seconds * 1000);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, seconds * 1000);
    };
    for (const type of ACTIVITY) window.addEventListener(type, reset, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, reset);
    };
  }, [seconds, onIdle]);
}
