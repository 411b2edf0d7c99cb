import { useCallback, useEffect, useState } from 'react';

/** What a citizen does that shows they are still there. */
const ACTIVITY = ['pointerdown', 'keydown', 'wheel'] as const;

export interface Inactivity {
  /** The "are you still there?" warning is showing. */
  warning: boolean;
  /** The citizen answered the warning: hide it and start counting again. */
  dismiss: () => void;
}

/**
 * While `active` (a survey screen), counts `inactivityMs` from the last touch,
 * click or key anywhere, then raises the warning. While the warning shows, only
 * its own button (or Escape) continues: the countdown back to the start is the
 * dialog's, and `active` turning false (the citizen finished or the kiosk reset)
 * drops the warning.
 */
export function useInactivity(active: boolean, inactivityMs: number): Inactivity {
  const [warning, setWarning] = useState(false);
  // Bumped by dismiss(), so the countdown restarts even if no event follows.
  const [round, setRound] = useState(0);
  // A warning left over when the survey ended must not greet the next citizen.
  const [wasActive, setWasActive] = useState(active);
  if (wasActive !== active) {
    setWasActive(active);
    if (!active) setWarning(false);
  }

  useEffect(() => {
    if (!active || warning) return;
    let timer = setTimeout(() => setWarning(true), inactivityMs);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setWarning(true), inactivityMs);
    };
    for (const type of ACTIVITY) window.addEventListener(type, restart, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, restart, { capture: true });
    };
  }, [active, warning, inactivityMs, round]);

  const dismiss = useCallback(() => {
    setWarning(false);
    setRound((n) => n + 1);
  }, []);

  return { warning: active && warning, dismiss };
}
