import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONTS_DIR, fontFileOf, makeFont, UNICODE_RANGE, WEIGHTS } from '../../scripts/makeFonts';

const root = path.join(import.meta.dirname, '..', '..');
const css = fs.readFileSync(path.join(root, 'renderer', 'fonts.css'), 'utf8');
const weights = Object.keys(WEIGHTS).map(Number) as Array<keyof typeof WEIGHTS>;

/** fonts.css's faces in the order declared: each one's weight, file and code points. */
const faces = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, body]) => ({
  weight: Number(/font-weight:\s*(\d+)/.exec(body!)?.[1]),
  file: path.basename(/url\('([^']+)'\)/.exec(body!)?.[1] ?? ''),
  ranges: (/unicode-range:([^;]+);/.exec(body!)?.[1] ?? '').split(',').map((range) => {
    const [first, last = first] = range.trim().replace(/^U\+/, '').split('-');
    return [parseInt(first!, 16), parseInt(last!, 16)];
  }),
}));

const covered = (ranges: ReadonlyArray<readonly [number, number]>, c: number) =>
  ranges.some(([first, last]) => c >= first && c <= last);

/** Every string in a JSON file, at any depth. */
const stringsOf = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : typeof value === 'object' && value !== null
      ? Object.values(value).flatMap(stringsOf)
      : [];

describe('the fonts of Vietnamese and English text', () => {
  it('are the files scripts/makeFonts.ts makes, byte for byte', async () => {
    for (const weight of weights)
      expect(
        (await makeFont(weight)).equals(fs.readFileSync(path.join(FONTS_DIR, fontFileOf(weight)))),
        fontFileOf(weight),
      ).toBe(true);
  });

  it('are declared in fonts.css for the code points they hold, after the faces they overlap', () => {
    for (const weight of weights) {
      const ofWeight = faces.filter((face) => face.weight === weight);
      expect(ofWeight.at(-1)?.file, `weight ${weight}`).toBe(fontFileOf(weight));
      expect(ofWeight.at(-1)?.ranges).toEqual(UNICODE_RANGE.map(([first, last]) => [first, last]));
    }
  });

  it('hold every letter of the screens’ texts and the questionnaires, so none needs a second file', () => {
    const files = [
      ...fs.readdirSync(path.join(root, 'assets', 'locales')).map((file) => path.join('locales', file)),
      ...fs.readdirSync(path.join(root, 'assets', 'questionnaires')).map((file) => path.join('questionnaires', file)),
    ];
    const missing = new Set<string>();
    for (const file of files)
      for (const text of stringsOf(JSON.parse(fs.readFileSync(path.join(root, 'assets', file), 'utf8'))))
        for (const char of text)
          if (!covered(UNICODE_RANGE, char.codePointAt(0)!))
            missing.add(`${file}: ${char} U+${char.codePointAt(0)!.toString(16)}`);
    expect([...missing]).toEqual([]);
  });
});
