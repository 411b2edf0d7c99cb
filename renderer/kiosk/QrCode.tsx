import { useMemo } from 'react';
import { encode } from 'uqr';

/** Modules of light margin around the code, as the QR standard asks, so phones read it reliably. */
const QUIET_ZONE = 4;

/**
 * A QR code drawn as SVG rectangles (no innerHTML): one <rect> per run of dark
 * modules in a row, which keeps the DOM small. Black on white whatever the theme.
 */
export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const { size, runs } = useMemo(() => {
    const { data, size: modules } = encode(text, { ecc: 'M', border: 0 });
    const found: { x: number; y: number; width: number }[] = [];
    data.forEach((row, y) => {
      let start = -1;
      row.forEach((dark, x) => {
        if (dark && start < 0) start = x;
        if ((!dark || x === row.length - 1) && start >= 0) {
          found.push({ x: start, y, width: (dark ? x + 1 : x) - start });
          start = -1;
        }
      });
    });
    return { size: modules + QUIET_ZONE * 2, runs: found };
  }, [text]);

  return (
    <svg
      className={className}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      {runs.map(({ x, y, width }) => (
        <rect key={`${x}-${y}`} x={x + QUIET_ZONE} y={y + QUIET_ZONE} width={width} height={1} fill="#000" />
      ))}
    </svg>
  );
}
