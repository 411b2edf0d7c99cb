/**
 * The Vietnamese syllable model behind the Telex engine (telex.ts): a word is a list of
 * letters, each split into base (with its vowel modifier: â ă ê ô ơ ư, or đ), tone and
 * case, so an edit changes one part and recomposes to NFC. Pure: no DOM, no React.
 */

/** Tone numbers: 0 ngang (none), 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng. */
export const TONE_NAMES = ['none', 'acute', 'grave', 'hook', 'tilde', 'dot'] as const;
export type Tone = (typeof TONE_NAMES)[number];
const TONE_MARKS = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];

export interface Letter {
  /** Lower-case letter without tone, modifiers kept: "ư", "â", "đ", "n". */
  base: string;
  /** Index into TONE_NAMES. */
  tone: number;
  upper: boolean;
}

const VOWELS = new Set([...'aăâeêioôơuưy']);
export const isVowel = (base: string) => VOWELS.has(base);

export function toLetter(ch: string): Letter {
  const lower = ch.toLowerCase();
  const upper = ch !== lower;
  let tone = 0;
  let rest = '';
  for (const c of lower.normalize('NFD')) {
    const mark = TONE_MARKS.indexOf(c);
    if (mark > 0) tone = mark;
    else rest += c;
  }
  const base = rest.normalize('NFC');
  // Only a Vietnamese vowel carries a tone; "ñ" keeps its tilde as part of the letter.
  return isVowel(base) ? { base, tone, upper } : { base: lower.normalize('NFC'), tone: 0, upper };
}

export function fromLetter({ base, tone, upper }: Letter): string {
  const text = (base.normalize('NFD') + (TONE_MARKS[tone] ?? '')).normalize('NFC');
  return upper ? text.toUpperCase() : text;
}

/** Base letter without its modifier: â→a, ơ→o, đ→d. */
const PLAIN: Record<string, string> = { ă: 'a', â: 'a', ê: 'e', ô: 'o', ơ: 'o', ư: 'u', đ: 'd' };
export const plain = (base: string) => PLAIN[base] ?? base;
/** Vowels whose modifier draws the tone to them (hướng, thuở, tuấn, khuyến). */
export const MARKED = new Set([...'ăâêôơư']);

export const INITIALS = new Set([
  '',
  'b',
  'c',
  'ch',
  'd',
  'đ',
  'g',
  'gh',
  'gi',
  'h',
  'k',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'ngh',
  'nh',
  'p',
  'ph',
  'qu',
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
]);
const FINALS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);
/** After these finals only sắc and nặng exist (học, tiếp, việt). */
const STOP_FINALS = new Set(['c', 'ch', 'p', 't']);

/** Every vowel nucleus of standard Vietnamese spelling (qu and gi are taken as initials). */
const NUCLEI =
  'a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ưu ươ yê ' +
  'iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu';
/** Nuclei (by plain letters) that end in a glide and so take no final consonant: "rain" is not Vietnamese. */
const OPEN_ONLY = new Set('ai ao au ay eo eu ia iu oi ui uu ieu oai oao oay oeo uay uoi uou uya uyu yeu'.split(' '));

/**
 * Accepted clusters: the nuclei, plus what a typist passes through on the way to them
 * (prefixes, and modifiers not typed yet: "uo" before "w", "ie" before the second "e").
 */
const CLUSTERS = new Set<string>();
function accept(cluster: string) {
  if (cluster === '' || CLUSTERS.has(cluster)) return;
  CLUSTERS.add(cluster);
  accept(cluster.slice(0, -1));
  [...cluster].forEach((ch, i) => {
    if (plain(ch) !== ch) accept(cluster.slice(0, i) + plain(ch) + cluster.slice(i + 1));
  });
}
NUCLEI.split(' ').forEach(accept);

export interface Syllable {
  letters: Letter[];
  /** The vowel cluster is letters[start, end). */
  start: number;
  end: number;
  initial: string;
  cluster: string;
  final: string;
}

export function parse(letters: Letter[]): Syllable {
  const bases = letters.map((l) => l.base);
  let start = 0;
  while (start < bases.length && !isVowel(bases[start] ?? '')) start++;
  let initial = bases.slice(0, start).join('');
  // "qu" and "gi" (before another vowel) are consonants: quốc → qu+ô, giữa → gi+ưa, but gì → g+i.
  if (initial === 'q' && bases[start] === 'u') start++;
  else if (initial === 'g' && bases[start] === 'i' && isVowel(bases[start + 1] ?? '')) start++;
  initial = bases.slice(0, start).join('');
  let end = start;
  while (end < bases.length && isVowel(bases[end] ?? '')) end++;
  return { letters, start, end, initial, cluster: bases.slice(start, end).join(''), final: bases.slice(end).join('') };
}

/** Could this word be (the beginning of) a Vietnamese syllable? Only then do Telex keys transform it. */
export function isSyllable(s: Syllable): boolean {
  if (!INITIALS.has(s.initial) || !FINALS.has(s.final)) return false;
  if (s.cluster === '') return s.final === '';
  if (!CLUSTERS.has(s.cluster)) return false;
  return s.final === '' || !OPEN_ONLY.has([...s.cluster].map(plain).join(''));
}

/** sắc and nặng fit any syllable; huyền, hỏi, ngã not one closed by c, ch, p or t. */
export const toneFits = (s: Syllable, tone: number) => !STOP_FINALS.has(s.final) || tone === 1 || tone === 5;

/**
 * Which letter carries the tone. Modern ("new style") placement, as in the current
 * textbooks: hoà, khoẻ, thuý (the old style wrote hòa, khỏe, thúy).
 * 1. a vowel with a modifier takes it; of two (ươ) the second: hướng, thuở, người, khuyến;
 * 2. a single vowel takes it; of three the middle one: khoái, khuỷu;
 * 3. of two: the second if a final follows (hoàn, huỳnh) or in oa/oe/uy (hoà, khoẻ, thuý),
 *    otherwise the first (mái, múa, mía, túi).
 */
export function toneIndex(s: Syllable): number {
  const { start, end } = s;
  for (let i = end - 1; i >= start; i--) if (MARKED.has(s.letters[i]?.base ?? '')) return i;
  const length = end - start;
  if (length === 1) return start;
  if (length >= 3) return start + 1;
  const plainCluster = [...s.cluster].map(plain).join('');
  return s.final !== '' || ['oa', 'oe', 'uy'].includes(plainCluster) ? start + 1 : start;
}

/** The word's tone (the last one if, pasted, it has several). */
export const toneOf = (letters: Letter[]) => letters.reduce((tone, l) => l.tone || tone, 0);

export const withoutTone = (letters: Letter[]) => letters.map((l) => ({ ...l, tone: 0 }));

/** Put `tone` on the right letter, taking it off all others. Words that are not syllables are left alone. */
export function placeTone(letters: Letter[], tone: number): Letter[] {
  const s = parse(letters);
  if (!isSyllable(s) || s.cluster === '') return letters;
  const at = toneIndex(s);
  return letters.map((l, i) => ({ ...l, tone: i === at ? tone : 0 }));
}

/** Re-place the word's own tone after its letters changed (gí + a → giá, hoà + n → hoàn). */
export const retone = (letters: Letter[]) => {
  const tone = toneOf(letters);
  return tone === 0 ? letters : placeTone(letters, tone);
};
