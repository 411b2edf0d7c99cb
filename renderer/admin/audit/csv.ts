/**
 * CSV that Excel opens correctly and safely: a UTF-8 BOM (so Vietnamese text is
 * not read as ANSI), CRLF line ends, every field quoted, and a cell that a
 * spreadsheet would run as a formula (= + - @ tab CR first) defused with a
 * leading apostrophe (OWASP's advice on CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>,
): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A value of unknown shape (an audit entry's before/after) as one line of JSON; empty when absent. */
export const jsonCell = (value: unknown): string =>
  value === null || value === undefined ? '' : JSON.stringify(value);
