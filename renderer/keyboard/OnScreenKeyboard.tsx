import 'simple-keyboard/build/css/index.css';
import './keyboard.css';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Keyboard from 'react-simple-keyboard';
import { keyOptions, LAYOUT, layoutName, MARK_BUTTONS, TONE_BUTTONS, type Shift, type Translate } from './layout';
import { applyKey, applyModifier, applyTone, backspace } from './telex';

export { KEYBOARD_I18N_KEYS, type KeyboardI18nKey } from './layout';

export interface OnScreenKeyboardProps {
  /** The text being typed (controlled). */
  value: string;
  onChange(next: string): void;
  /** In UTF-16 units, as the contract's zod check counts (one per NFC Vietnamese letter). */
  maxLength: number;
}

type Notice = 'limit' | 'noLetter' | null;

/**
 * A touch keyboard that types Vietnamese: letters go through Telex (dd → đ, aa → â, s → sắc…)
 * and a row of tone and mark buttons serves those who do not know Telex. Text is only ever
 * added or removed at the end, so the comment box needs no caret handling.
 */
export function OnScreenKeyboard({ value, onChange, maxLength }: OnScreenKeyboardProps) {
  const { t } = useTranslation();
  // The keyboard.* keys are added to the locale files separately; until then the typed t() would reject them.
  const tk = t as unknown as Translate;
  const [shift, setShift] = useState<Shift>('off');
  const [numbers, setNumbers] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  // The text as of the last key, so two taps before React re-renders both count.
  const latest = useRef(value);
  // A key pressed from the keyboard (Tab, Enter) that re-drew the layout gets focus back.
  const refocus = useRef<string | null>(null);

  useLayoutEffect(() => {
    latest.current = value;
  }, [value]);
  // Runs after simple-keyboard has applied this render's options (child effects run first).
  useEffect(() => {
    refocus.current = null;
  });

  function commit(next: string): boolean {
    const current = latest.current;
    // Refuse what would pass the limit; shrinking (aa → â, backspace) is always allowed.
    if (next.length > maxLength && next.length > current.length) {
      setNotice('limit');
      return false;
    }
    setNotice(null);
    if (next !== current) {
      latest.current = next;
      onChange(next);
    }
    return true;
  }

  function press(button: string, event?: MouseEvent) {
    if (event?.currentTarget instanceof HTMLElement && event.currentTarget === document.activeElement)
      refocus.current = button;
    const current = latest.current;
    const tone = TONE_BUTTONS[button];
    const mark = MARK_BUTTONS[button];
    const marked = tone ? applyTone(current, tone.tone) : mark ? applyModifier(current, mark.modifier) : undefined;
    if (marked !== undefined) {
      // A mark with nothing to go on (no word, no vowel) is explained rather than ignored.
      if (marked === current) setNotice('noLetter');
      else commit(marked);
      return;
    }
    switch (button) {
      case '{shift}':
        // off → one capital → caps lock → off, as on a phone.
        setShift((s) => (s === 'off' ? 'once' : s === 'once' ? 'lock' : 'off'));
        return;
      case '{numbers}':
      case '{letters}':
        setNumbers(button === '{numbers}');
        return;
      case '{bksp}':
        commit(backspace(current));
        return;
      case '{space}':
        commit(applyKey(current, ' '));
        return;
      default:
        if (commit(applyKey(current, button)) && /\p{L}/u.test(button)) setShift((s) => (s === 'once' ? 'off' : s));
    }
  }

  function restoreFocus(instance: { keyboardDOM: Element }) {
    const name = refocus.current;
    if (!name) return;
    const buttons = instance.keyboardDOM.querySelectorAll<HTMLElement>('[data-skbtn]');
    [...buttons].find((b) => b.getAttribute('data-skbtn') === name)?.focus();
  }

  return (
    <div className="osk" role="group" aria-label={tk('keyboard.label')}>
      <Keyboard
        theme="hg-theme-default osk-keyboard"
        layout={LAYOUT}
        layoutName={layoutName(numbers, shift)}
        {...keyOptions(tk, shift)}
        useButtonTag
        // Click events: a tap, a mouse click and Enter/Space on a focused key all press it once.
        useMouseEvents
        // No auto-repeat: an elderly finger resting on a key must not type it ten times.
        disableButtonHold
        // The comment box keeps its focus (and visible caret) while keys are tapped.
        preventMouseDownDefault
        disableCaretPositioning
        onKeyPress={press}
        onRender={restoreFocus}
      />
      <p className="osk-notice" role="status">
        {notice === 'limit' && tk('keyboard.limitReached', { max: maxLength })}
        {notice === 'noLetter' && tk('keyboard.noLetterToMark')}
      </p>
    </div>
  );
}
