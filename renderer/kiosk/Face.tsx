/**
 * A face for each point of the five-point scale, drawn so the mouth and brows
 * carry the meaning: a colour-blind citizen or a grey-scale screen still reads
 * frown → smile. Colours only reinforce it (see kiosk.css).
 */
const MOUTHS: Record<number, string> = {
  1: 'M30 76 Q50 54 70 76',
  2: 'M32 72 Q50 62 68 72',
  3: 'M32 68 H68',
  4: 'M31 62 Q50 78 69 62',
  5: 'M27 58 Q50 90 73 58 Z',
};

export function Face({ value5 }: { value5: number }) {
  return (
    <svg className="face" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <circle className="face-skin" cx="50" cy="50" r="45" />
      {value5 === 1 && <path className="face-line" d="M24 30 L41 37 M76 30 L59 37" />}
      <circle className="face-eye" cx="36" cy="43" r="6" />
      <circle className="face-eye" cx="64" cy="43" r="6" />
      <path className={value5 === 5 ? 'face-line face-open' : 'face-line'} d={MOUTHS[value5] ?? MOUTHS[3]} />
    </svg>
  );
}

/** A tick shown on the selected answer, so selection is not told by colour alone. */
export function CheckMark() {
  return (
    <svg className="check-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="11" />
      <path d="M6.5 12.5 L10.5 16.5 L17.5 8.5" />
    </svg>
  );
}
