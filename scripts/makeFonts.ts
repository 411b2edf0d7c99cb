/**
 * `npx tsx scripts/makeFonts.ts`: writes assets/fonts/be-vietnam-pro-vi-{400,600,700}.woff2,
 * Be Vietnam Pro cut to the letters Vietnamese and English text use, one file per weight.
 *
 * Why not @fontsource's files alone: they split each weight by script, so a Vietnamese line
 * needs two files per weight (latin for "a", vietnamese for "ế"), six for the attract screen's
 * three weights, each fetched, decoded and shaped apart. One file per weight makes the first
 * paint 30–40 ms sooner on the kiosk machine this was measured on (p50 and p95 over 30 cold
 * loads, alternated with the six-file build). @fontsource's latin-ext files still serve
 * other European letters (renderer/fonts.css).
 *
 * The source is Google Fonts' full TTF of each weight (@expo-google-fonts/be-vietnam-pro, SIL
 * Open Font License, assets/fonts/OFL.txt); the subsetting is HarfBuzz's (subset-font). The
 * output is the same bytes each run: tests/unit/fonts.test.ts makes them again and compares.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(root, 'node_modules', '@expo-google-fonts', 'be-vietnam-pro');
export const FONTS_DIR = path.join(root, 'assets', 'fonts');

/** The weights the screens use, and the TTF each is cut from. */
export const WEIGHTS = {
  400: '400Regular/BeVietnamPro_400Regular.ttf',
  600: '600SemiBold/BeVietnamPro_600SemiBold.ttf',
  700: '700Bold/BeVietnamPro_700Bold.ttf',
} as const;

export const fontFileOf = (weight: keyof typeof WEIGHTS) => `be-vietnam-pro-vi-${weight}.woff2`;

/**
 * The code points kept: @fontsource's "latin" and "vietnamese" subsets together (their
 * unicode-range descriptors), so the file covers what those two did. fonts.css declares the
 * same ranges; the test holds the two together.
 */
export const UNICODE_RANGE = [
  [0x0000, 0x00ff],
  [0x0102, 0x0103],
  [0x0110, 0x0111],
  [0x0128, 0x0129],
  [0x0131, 0x0131],
  [0x0152, 0x0153],
  [0x0168, 0x0169],
  [0x01a0, 0x01a1],
  [0x01af, 0x01b0],
  [0x02bb, 0x02bc],
  [0x02c6, 0x02c6],
  [0x02da, 0x02da],
  [0x02dc, 0x02dc],
  [0x0300, 0x0301],
  [0x0303, 0x0304],
  [0x0308, 0x0309],
  [0x0323, 0x0323],
  [0x0329, 0x0329],
  [0x1ea0, 0x1ef9],
  [0x2000, 0x206f],
  [0x20ab, 0x20ac],
  [0x2122, 0x2122],
  [0x2191, 0x2191],
  [0x2193, 0x2193],
  [0x2212, 0x2212],
  [0x2215, 0x2215],
  [0xfeff, 0xfeff],
  [0xfffd, 0xfffd],
] as const;

/** The kept code points as the text HarfBuzz subsets to. */
function keptText(): string {
  let text = '';
  for (const [first, last] of UNICODE_RANGE) for (let c = first; c <= last; c += 1) text += String.fromCodePoint(c);
  return text;
}

/** One weight's file, made from its TTF. */
export async function makeFont(weight: keyof typeof WEIGHTS): Promise<Buffer> {
  const ttf = fs.readFileSync(path.join(SOURCE, WEIGHTS[weight]));
  return subsetFont(ttf, keptText(), { targetFormat: 'woff2' });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.mkdirSync(FONTS_DIR, { recursive: true });
  for (const weight of Object.keys(WEIGHTS).map(Number) as Array<keyof typeof WEIGHTS>) {
    const file = path.join(FONTS_DIR, fontFileOf(weight));
    fs.writeFileSync(file, await makeFont(weight));
    console.log(`${path.relative(root, file)}: ${fs.statSync(file).size} bytes`);
  }
  fs.copyFileSync(path.join(SOURCE, 'LICENSE_FONT'), path.join(FONTS_DIR, 'OFL.txt'));
}
