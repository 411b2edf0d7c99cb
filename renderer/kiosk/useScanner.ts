import { useEffect, useRef, useState } from 'react';
import { takeEarlyKeys } from './earlyTap';

/** Shorter reads are a stray key press, not a case code; longer ones the contract refuses. */
const MIN_LENGTH = 3;
const MAX_LENGTH = 64;

/**
 * What the scanner does with a code read now:
 * - `start`: hand it over (the attract screen, its setup and screens here);
 * - `keep`: keep the latest, handed over once `start` (the survey cannot start yet);
 * - `off`: drop it, and any kept (a survey is under way, or the kiosk is unavailable).
 */
export type ScannerMode = 'start' | 'keep' | 'off';

/**
 * A USB barcode scanner is a keyboard that types a whole code, then Enter, in a
 * few milliseconds. Keys arriving less than `gapMs` apart are collected; Enter
 * right after such a burst is a code. A person typing is slower, so their keys
 * start a new burst each time and are ignored.
 */
function scanReader(gapMs: number) {
  let buffer = '';
  let last = -Infinity;
  /** The code this key completes, if any. */
  return (key: string, at: number): string | null => {
    const fast = at - last < gapMs;
    last = at;
    if (key === 'Enter') {
      const code = buffer.trim();
      buffer = '';
      return fast && code.length >= MIN_LENGTH && code.length <= MAX_LENGTH ? code : null;
    }
    if (key.length === 1) buffer = fast ? buffer + key : key;
    return null;
  };
}

/**
 * Reads case codes from a barcode scanner. A code scanned before the survey can
 * start is kept, not lost: from the page's first moment (the <head> script keeps
 * the keys until this reads them, earlyTap.ts) until its setup and screens are here.
 * `gapMs` and `now` are the kiosk's, fixed for its life.
 */
export function useScanner(mode: ScannerMode, gapMs: number, now: () => number, onCode: (code: string) => void): void {
  const latest = useRef(onCode);
  useEffect(() => {
    latest.current = onCode;
  });
  const [read] = useState(() => scanReader(gapMs));
  const kept = useRef<string | null>(null);

  // First, the keys typed before the app listened, and the code they made, if any. Taken once the
  // kiosk is on screen: taking them ends the page's keeping, which a render React discards must not.
  useEffect(() => {
    // Their times, on this clock: only the gaps between keys matter.
    const offset = now() - performance.now();
    for (const { key, at } of takeEarlyKeys()) kept.current = read(key, at + offset) ?? kept.current;
  }, [read, now]);

  useEffect(() => {
    if (mode === 'off') {
      kept.current = null;
      return;
    }
    if (mode === 'start' && kept.current !== null) {
      const code = kept.current;
      kept.current = null;
      latest.current(code);
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      const code = read(event.key, now());
      if (code === null) return;
      // The scanner's Enter must not also press the button that has focus.
      event.preventDefault();
      if (mode === 'start') latest.current(code);
      else kept.current = code;
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [mode, read, now]);
}
