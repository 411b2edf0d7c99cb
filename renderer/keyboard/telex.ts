/**
 * Telex, as Unikey and EVKey users know it, as pure text → text functions. Only the
 * current word (the letters after the last space, digit or punctuation) is ever changed,
 * and only while it can still be a Vietnamese syllable (see syllable.ts): otherwise a key
 * is typed as itself, so "zoom" and "email" come out as typed. Output is always NFC.
 *
 *   aa â · aw ă · ee ê · oo ô · ow ơ · uw ư · uow ươ · dd đ · w alone ư (nhw → như)
 *   s sắc · f huyền · r hỏi · x ngã · j nặng · z removes the tone
 *
 * uo + w gives ươ, except at the very end of the word where it gives uơ (thuở, huơ); that
 * uơ, and the ưo of "uwo", become ươ as soon as another letter or a tone follows, so
 * huongws, huowngs, huwongs and huwowngs all give hướng.
 *
 * Modifiers and tones may come late in the word (tieengs, tiengse, nguoiwf) and the tone
 * moves when letters follow (hoà + n → hoàn); placement is the modern style (hoà, thuý),
 * see toneIndex. Pressing a key twice undoes it and types the letter: ass → as,
 * aaa → aa, aww → aw, ddd → dd, ww → w.
 */
import {
  isSyllable,
  MARKED,
  parse,
  placeTone,
  plain,
  retone,
  toLetter,
  fromLetter,
  toneFits,
  toneOf,
  withoutTone,
  TONE_NAMES,
  type Letter,
  type Tone,
} from './syllable';

export { TONE_NAMES, type Tone } from './syllable';
export type Modifier = 'circumflex' | 'breve' | 'horn' | 'stroke';

const TONE_KEYS: Record<string, number> = { s: 1, f: 2, r: 3, x: 4, j: 5 };
const CIRCUMFLEX: Record<string, string> = { a: 'â', ă: 'â', e: 'ê', o: 'ô', ơ: 'ô' };
/** What a horn / breve makes of a vowel (w may give either; the horn button only ơ, ư). */
const HOOKED: Record<string, string> = { a: 'ă', â: 'ă', o: 'ơ', ô: 'ơ', u: 'ư' };
const UNHOOKED: Record<string, string> = { ă: 'a', ơ: 'o', ư: 'u' };

type Edit = (letters: Letter[]) => Letter[] | null;

/** The text before the current word, and the word. */
function split(text: string): [string, Letter[]] {
  const nfc = text.normalize('NFC');
  const word = /\p{L}+$/u.exec(nfc)?.[0] ?? '';
  return [nfc.slice(0, nfc.length - word.length), [...word].map(toLetter)];
}

const render = (head: string, letters: Letter[]) => (head + letters.map(fromLetter).join('')).normalize('NFC');

const setBase = (letters: Letter[], at: number, base: string) => letters.map((l, i) => (i === at ? { ...l, base } : l));

/** A transformed word counts only if it is still (the start of) a syllable; then its tone is re-placed. */
function valid(letters: Letter[]): Letter[] | null {
  return isSyllable(parse(letters)) ? retone(letters) : null;
}

/** "ưo" is always on its way to "ươ" (huwong → hương); complete it once anything follows. */
function completeUo(letters: Letter[], always: boolean): Letter[] {
  const s = parse(letters);
  const at = s.cluster.indexOf('ưo');
  if (at < 0 || (!always && s.start + at + 2 >= letters.length)) return letters;
  return setBase(letters, s.start + at + 1, 'ơ');
}

/** A letter typed after "uơ" (thuở) means "ươ" (thưởng, người). */
function completeUơ(letters: Letter[]): Letter[] {
  const s = parse(letters);
  const at = s.cluster.indexOf('uơ');
  if (at < 0 || s.start + at + 2 >= letters.length) return letters;
  return setBase(letters, s.start + at, 'ư');
}

/** Type a letter as itself. */
const append = (letters: Letter[], lit: Letter) => {
  const next = completeUơ(completeUo([...letters, lit], false));
  return isSyllable(parse(next)) ? retone(next) : next;
};

function setTone(letters: Letter[], tone: number, toggle: boolean): Letter[] | null {
  const word = completeUo(letters, true);
  const s = parse(word);
  if (!isSyllable(s) || s.cluster === '' || !toneFits(s, tone)) return null;
  if (toggle && toneOf(word) === tone) return withoutTone(word);
  return placeTone(word, tone);
}

/** Circumflex on the a, e or o of the cluster (`family`), or on whichever fits if no family given. */
function circumflex(letters: Letter[], family?: string): Letter[] | null {
  const s = parse(letters);
  if (!isSyllable(s)) return null;
  for (let i = s.end - 1; i >= s.start; i--) {
    const target = CIRCUMFLEX[letters[i]?.base ?? ''];
    if (target && (!family || plain(target) === family)) {
      const next = valid(setBase(letters, i, target));
      if (next || family) return next;
    }
  }
  return null;
}

/**
 * Horn or breve: uo → ươ (uơ at the very end: thuở; it becomes ươ as letters follow),
 * ưo → ươ, otherwise the first of a/o/u that makes a valid cluster (ua → ưa, oa → oă, oi → ơi).
 */
function hook(letters: Letter[], targets: string): Letter[] | null {
  const s = parse(letters);
  if (!isSyllable(s)) return null;
  const uo = targets.includes('o') ? /[uư][oô]/u.exec(s.cluster) : null;
  if (uo) {
    const u = s.start + uo.index;
    const tail = u + 2 < letters.length;
    return valid(setBase(tail ? setBase(letters, u, 'ư') : letters, u + 1, 'ơ'));
  }
  for (let i = s.start; i < s.end; i++) {
    const base = letters[i]?.base ?? '';
    const target = targets.includes(plain(base)) ? HOOKED[base] : undefined;
    const next = target ? valid(setBase(letters, i, target)) : null;
    if (next) return next;
  }
  return null;
}

/** Take horns and breves off; for a lone trailing "ư" (typed as w) give back the w itself. */
function unhook(letters: Letter[], lit: Letter): Letter[] {
  const s = parse(letters);
  if (s.cluster === 'ư' && s.end === letters.length) return [...letters.slice(0, -1), lit];
  return [...letters.map((l) => ({ ...l, base: UNHOOKED[l.base] ?? l.base })), lit];
}

/** What a Telex key does to the word: the new letters, or null to type the key as a letter. */
function telex(letters: Letter[], key: string, lit: Letter): Letter[] | null {
  const tone = TONE_KEYS[key];
  if (tone !== undefined) {
    const toned = setTone(letters, tone, false);
    return toned && toneOf(letters) === tone ? [...withoutTone(letters), lit] : toned;
  }
  if (key === 'z') return toneOf(letters) ? withoutTone(letters) : null;
  if (key === 'a' || key === 'e' || key === 'o') {
    const s = parse(letters);
    for (let i = s.end - 1; i >= s.start; i--) {
      const base = letters[i]?.base ?? '';
      if (base === CIRCUMFLEX[key]) return [...setBase(letters, i, key), lit];
    }
    return circumflex(letters, key);
  }
  if (key === 'w') {
    const cluster = parse(letters).cluster;
    if (/[ăơư]/u.test(cluster) && !cluster.includes('ưo')) return unhook(letters, lit);
    return hook(letters, 'aou') ?? valid([...letters, { ...lit, base: 'ư' }]);
  }
  if (key === 'd') {
    const first = letters[0]?.base;
    if (first === 'đ') return [...setBase(letters, 0, 'd'), lit];
    return first === 'd' ? valid(setBase(letters, 0, 'đ')) : null;
  }
  return null;
}

/** The text after typing one key (a character) at its end. Longer strings are typed key by key. */
export function applyKey(text: string, key: string): string {
  const keys = [...key.normalize('NFC')];
  if (keys.length !== 1) return keys.reduce(applyKey, text.normalize('NFC'));
  const [head, letters] = split(text);
  if (!/\p{L}/u.test(key)) return (render(head, letters) + key).normalize('NFC');
  const lit = toLetter(key);
  const lower = key.toLowerCase();
  const edited = /^[a-z]$/u.test(lower) ? telex(letters, lower, lit) : null;
  return render(head, edited ?? append(letters, lit));
}

/** Type a whole key sequence (handy in tests): applyKeys('', 'Vieetj') → 'Việt'. */
export const applyKeys = (keys: string, text = '') => applyKey(text, keys);

/** The text with its last character (grapheme) removed. */
export function backspace(text: string): string {
  const nfc = text.normalize('NFC');
  const segments = [...new Intl.Segmenter('vi', { granularity: 'grapheme' }).segment(nfc)];
  const last = segments.at(-1);
  return last ? nfc.slice(0, last.index) : nfc;
}

/** Apply an edit to the current word; the text unchanged when it does not apply. */
function onWord(text: string, edit: Edit): string {
  const [head, letters] = split(text);
  const edited = letters.length ? edit(letters) : null;
  return edited ? render(head, edited) : text.normalize('NFC');
}

/** Tone button: put `tone` on the current word, or take it off if it already has it ('none' clears). */
export function applyTone(text: string, tone: Tone): string {
  const index = TONE_NAMES.indexOf(tone);
  return onWord(text, (letters) =>
    index === 0 ? (toneOf(letters) ? withoutTone(letters) : null) : setTone(letters, index, true),
  );
}

/** Modifier button on the current word; pressing it again takes the modifier off. */
export function applyModifier(text: string, modifier: Modifier): string {
  return onWord(text, (letters) => {
    const cluster = parse(letters).cluster;
    switch (modifier) {
      case 'stroke': {
        const first = letters[0]?.base;
        return first === 'd' || first === 'đ' ? valid(setBase(letters, 0, first === 'd' ? 'đ' : 'd')) : null;
      }
      case 'circumflex':
        return /[âêô]/u.test(cluster) ? toggleOff(letters, 'âêô') : circumflex(letters);
      case 'breve':
        return cluster.includes('ă') ? toggleOff(letters, 'ă') : hook(letters, 'a');
      case 'horn':
        return /[ơư]/u.test(cluster) && !cluster.includes('ưo') ? toggleOff(letters, 'ơư') : hook(letters, 'ou');
    }
  });
}

/** Take the given modifiers off the current word's vowels. */
function toggleOff(letters: Letter[], marks: string): Letter[] | null {
  return valid(letters.map((l) => (marks.includes(l.base) && MARKED.has(l.base) ? { ...l, base: plain(l.base) } : l)));
}
