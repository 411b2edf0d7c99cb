import { useEffect, useRef, type PointerEvent } from 'react';

/** How long the unit's name must be held to open the staff sign-in. */
export const HOLD_MS = 3000;

export interface HoldHandlers {
  onPointerDown(event: PointerEvent): void;
  onPointerUp(): void;
  onPointerCancel(): void;
  onPointerLeave(): void;
}

/**
 * A press held for `ms` calls `onHold`; lifting, cancelling or sliding off
 * earlier calls nothing, so a tap or a short press does nothing at all. (Part of
 * the kiosk's own bundle: it must stay this small, the sign-in itself loads later.)
 */
export function useHold(ms: number, onHold: () => void): HoldHandlers {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(onHold);
  useEffect(() => {
    latest.current = onHold;
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  const cancel = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
  };
  return {
    onPointerDown(event) {
      // A second finger or a right button is not the gesture.
      if (event.isPrimary === false || event.button > 0) return;
      cancel();
      timer.current = setTimeout(() => {
        timer.current = undefined;
        latest.current();
      }, ms);
    },
    onPointerUp: cancel,
    onPointerCancel: cancel,
    onPointerLeave: cancel,
  };
}
