import { useEffect, useState } from 'react';
import type * as Keyboard from '../keyboard/OnScreenKeyboard';

type KeyboardModule = typeof Keyboard;

let loading: Promise<KeyboardModule> | undefined;
let loaded: KeyboardModule | undefined;

/**
 * Fetches the on-screen keyboard (simple-keyboard and its layout) once. The
 * attract screen carries none of it; the survey asks for it as it starts, so by
 * the comment screen it is there. A failed fetch is tried again next time.
 */
export function loadKeyboard(): Promise<KeyboardModule> {
  loading ??= import('../keyboard/OnScreenKeyboard').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The on-screen keyboard, drawn as soon as its code is here (at once when loadKeyboard() ran before). */
export function LazyKeyboard(props: Keyboard.OnScreenKeyboardProps) {
  const [module, setModule] = useState(loaded);
  useEffect(() => {
    if (module) return;
    let live = true;
    loadKeyboard().then(
      (found) => live && setModule(found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [module]);
  if (!module) return <div className="osk" aria-busy="true" />;
  return <module.OnScreenKeyboard {...props} />;
}
