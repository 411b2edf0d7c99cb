/**
 * What the on-screen keyboard shows: simple-keyboard layouts, the labels of its keys and
 * their spoken names. Kept apart from the component so the keys and i18n names are one list.
 */
import type { Modifier, Tone } from './telex';

/** Every i18n key the keyboard uses (vi and en texts are in the report that added it). */
export const KEYBOARD_I18N_KEYS = [
  'keyboard.label',
  'keyboard.space',
  'keyboard.backspace',
  'keyboard.shift',
  'keyboard.capsLock',
  'keyboard.numbers',
  'keyboard.letters',
  'keyboard.tone.acute',
  'keyboard.tone.grave',
  'keyboard.tone.hook',
  'keyboard.tone.tilde',
  'keyboard.tone.dot',
  'keyboard.mark.circumflex',
  'keyboard.mark.breve',
  'keyboard.mark.horn',
  'keyboard.mark.stroke',
  'keyboard.limitReached',
  'keyboard.noLetterToMark',
] as const;
export type KeyboardI18nKey = (typeof KEYBOARD_I18N_KEYS)[number];
export type Translate = (key: KeyboardI18nKey, options?: { max: number }) => string;

export type Shift = 'off' | 'once' | 'lock';

/** Tone buttons: simple-keyboard button name → tone, with a sample vowel to show the mark. */
export const TONE_BUTTONS: Record<string, { tone: Exclude<Tone, 'none'>; sample: string }> = {
  '{acute}': { tone: 'acute', sample: 'á' },
  '{grave}': { tone: 'grave', sample: 'à' },
  '{hook}': { tone: 'hook', sample: 'ả' },
  '{tilde}': { tone: 'tilde', sample: 'ã' },
  '{dot}': { tone: 'dot', sample: 'ạ' },
};
export const MARK_BUTTONS: Record<string, { modifier: Modifier; sample: string }> = {
  '{circumflex}': { modifier: 'circumflex', sample: 'â ê ô' },
  '{breve}': { modifier: 'breve', sample: 'ă' },
  '{horn}': { modifier: 'horn', sample: 'ơ ư' },
  '{stroke}': { modifier: 'stroke', sample: 'đ' },
};

const MARK_ROW = [...Object.keys(TONE_BUTTONS), ...Object.keys(MARK_BUTTONS)].join(' ');
const LETTER_ROWS = [
  'q w e r t y u i o p {bksp}',
  'a s d f g h j k l',
  '{shift} z x c v b n m ,',
  '{numbers} {space} . ?',
];

export const LAYOUT = {
  default: [MARK_ROW, ...LETTER_ROWS],
  shift: [
    MARK_ROW,
    ...LETTER_ROWS.map((row) =>
      row
        .split(' ')
        .map((k) => (/^[a-z]$/u.test(k) ? k.toUpperCase() : k))
        .join(' '),
    ),
  ],
  numbers: ['1 2 3 4 5 6 7 8 9 0 {bksp}', `- / : ; ( ) " ' @`, '% + = # * & _ ! ,', '{letters} {space} . ?'],
};

export const layoutName = (numbers: boolean, shift: Shift) =>
  numbers ? 'numbers' : shift === 'off' ? 'default' : 'shift';

/** simple-keyboard writes labels with innerHTML: translated text is escaped first. */
const escape = (text: string) =>
  text.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** A label: a big glyph, hidden from screen readers, then the words that name the key. */
const label = (glyph: string, words: string) =>
  `<span class="osk-glyph" aria-hidden="true">${escape(glyph)}</span><span class="osk-words">${escape(words)}</span>`;

/** Spoken (aria-label) and shown names of the function, tone and mark keys. */
interface Named {
  spoken: string;
  shown: string;
}
function names(t: Translate, shift: Shift): Record<string, Named> {
  const named = (spoken: string, glyph = ''): Named => ({
    spoken,
    shown: glyph ? label(glyph, spoken) : escape(spoken),
  });
  const entries: (readonly [string, Named])[] = [
    ['{bksp}', named(t('keyboard.backspace'), '⌫')],
    ['{space}', named(t('keyboard.space'))],
    [
      '{shift}',
      shift === 'lock' ? named(t('keyboard.capsLock'), '⇪') : named(t('keyboard.shift'), shift === 'once' ? '⬆' : '⇧'),
    ],
    ['{numbers}', named(t('keyboard.numbers'), '123')],
    ['{letters}', named(t('keyboard.letters'), 'abc')],
    ...Object.entries(TONE_BUTTONS).map(
      ([button, { tone, sample }]) => [button, named(t(`keyboard.tone.${tone}`), sample)] as const,
    ),
    ...Object.entries(MARK_BUTTONS).map(
      ([button, { modifier, sample }]) => [button, named(t(`keyboard.mark.${modifier}`), sample)] as const,
    ),
  ];
  return Object.fromEntries(entries);
}

/** The simple-keyboard options that depend on language and Shift: display, aria attributes, themes. */
export function keyOptions(t: Translate, shift: Shift) {
  const named = names(t, shift);
  return {
    display: { ...Object.fromEntries(Object.entries(named).map(([button, n]) => [button, n.shown])), '&': '&amp;' },
    // No aria-label: each key's visible words are its name (the glyph is aria-hidden),
    // so what a person sees and what a screen reader or voice control hears agree (WCAG 2.5.3).
    buttonAttributes: [{ attribute: 'aria-pressed', value: shift === 'off' ? 'false' : 'true', buttons: '{shift}' }],
    buttonTheme: [
      { class: 'osk-tone', buttons: Object.keys(TONE_BUTTONS).join(' ') },
      { class: 'osk-mark', buttons: Object.keys(MARK_BUTTONS).join(' ') },
      { class: 'osk-fn', buttons: '{bksp} {shift} {numbers} {letters}' },
      { class: 'osk-space', buttons: '{space}' },
      ...(shift === 'off' ? [] : [{ class: 'osk-on', buttons: '{shift}' }]),
    ],
  };
}
