import { useEffect, useRef } from 'react';

/** Shorter reads are a stray key press, not a case code; longer ones the contract refuses. */
const MIN_LENGTH = 3;
const MAX_LENGTH = 64;

/**
 * A USB barcode scanner is a keyboard that types a whole code, then Enter, in a
 * few milliseconds. While `enabled`, keys arriving less than `gapMs` apart are
 * collected; Enter right after such a burst hands over the code. A person
 * typing is slower, so their keys start a new burst each time and are ignored.
 */
export function useScanner(enabled: boolean, gapMs: number, now: () => number, onCode: (code: string) => void): void {
  const latest = useRef(onCode);
  useEffect(() => {
    latest.current = onCode;
  });

  useEffect(() => {
    if (!enabled) return;
    let buffer = '';
    let last = -Infinity;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      const at = now();
      const fast = at - last < gapMs;
      last = at;
      if (event.key === 'Enter') {
        const code = buffer.trim();
        buffer = '';
        if (fast && code.length >= MIN_LENGTH && code.length <= MAX_LENGTH) {
          // The scanner's Enter must not also press the button that has focus.
          event.preventDefault();
          latest.current(code);
        }
        return;
      }
      if (event.key.length !== 1) return;
      buffer = fast ? buffer + event.key : event.key;
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled, gapMs, now]);
}
