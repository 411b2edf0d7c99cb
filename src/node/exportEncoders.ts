import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { csvRecord, SUMMARY_TABLE_HEADER } from '../services/exportTable';
import type { Cell, ExportDocument, ExportRow } from '../services/exportPorts';
import type { QuestionnaireRef } from '../services/ports';
import { localIso, peopleLayout, type PeopleSources } from './exportPeople';
import { createXlsxWorkbook, type XlsxSheetWriter, type XlsxStyle } from './xlsxWriter';

/** Turns rows into the bytes of one format, on a stream that applies backpressure. */
export interface Encoder {
  start(): Promise<void>;
  write(rows: readonly ExportRow[]): Promise<void>;
  end(): Promise<void>;
}

/**
 * Rejects once the output fails or is destroyed (never settles otherwise): every
 * wait for 'drain' races it, since a destroyed stream never drains.
 */
export type OutputFailure = Promise<never>;

interface Drainable {
  writableNeedDrain?: boolean;
  once(event: 'drain', listener: () => void): unknown;
}

async function drain(stream: Drainable, failed: OutputFailure): Promise<void> {
  if (!stream.writableNeedDrain) return;
  await Promise.race([new Promise<void>((resolve) => stream.once('drain', resolve)), failed]);
}

/** Writes and, when the stream's buffer is full, waits for it to drain (or to fail). */
export async function writeOut(out: Writable, data: string | Buffer, failed: OutputFailure): Promise<void> {
  if (out.destroyed) throw new Error('the export file was closed');
  out.write(data);
  await drain(out, failed);
}

const endOf = async (out: Writable, failed: OutputFailure) => {
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
};

/** The CSV's instants: ISO 8601 with the +07:00 offset (2026-12-02T02:26:00.000+07:00), never UTC's Z. */
const INSTANT_KEYS = new Set(['submitted_at', 'consent_at']);

function machineCells(document: ExportDocument): (row: ExportRow) => Cell[] {
  const instants = document.columns.flatMap((c, i) => (INSTANT_KEYS.has(c.key) ? [i] : []));
  return (row) => {
    const cells = document.toCells(row);
    for (const i of instants) {
      const value = cells[i];
      if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) cells[i] = localIso(value);
    }
    return cells;
  };
}

/** UTF-8 with a BOM (so Excel reads Vietnamese), CRLF records (RFC 4180); for machines: stable keys, the formula guard kept. */
export function csvEncoder(document: ExportDocument, out: Writable, failed: OutputFailure): Encoder {
  const toCells = machineCells(document);
  return {
    start: () => writeOut(out, `\uFEFF${csvRecord(document.columns.map((c) => c.header))}`, failed),
    write: (rows) => writeOut(out, rows.map((row) => csvRecord(toCells(row))).join(''), failed),
    end: () => endOf(out, failed),
  };
}

/** One JSON document, streamed: the header's fields, then one response object per line. */
export function jsonEncoder(document: ExportDocument, out: Writable, failed: OutputFailure): Encoder {
  let first = true;
  return {
    start: () => writeOut(out, `${JSON.stringify(document.header).slice(0, -1)},"responses":[\n`, failed),
    async write(rows) {
      if (rows.length === 0) return;
      const lines = rows.map((row) => document.toJson(row)).join(',\n');
      await writeOut(out, first ? lines : `,\n${lines}`, failed);
      first = false;
    },
    async end() {
      await writeOut(out, first ? ']}\n' : '\n]}\n', failed);
      await endOf(out, failed);
    },
  };
}

const COLUMN_WIDTH = 14;

/** The summary keeps the index as the number people read (75.0 for 75,0 %); the format adds the sign. */
const SUMMARY_PERCENT_FORMAT = '0.0"%"';

/** A version's title row, "Bảng hỏi: Phiếu nhanh (…)" (questionnaireLabel in src/services/exportTable.ts). */
const isQuestionnaireTitle = (cell: unknown) => typeof cell === 'string' && cell.startsWith('Bảng hỏi');

const NO_SOURCES: PeopleSources = {
  names: { counter: () => null, officer: () => null, field: () => null },
  questionnaire: () => null,
};

/** The batch's questionnaire versions and whether it carries personal data, as its header says. */
function batchShape(document: ExportDocument): { refs: QuestionnaireRef[]; personal: boolean } {
  const header = document.header as { questionnaires?: QuestionnaireRef[]; batch?: { personalData?: boolean } };
  return {
    refs: (header.questionnaires ?? []).map(({ id, version }) => ({ id, version })),
    personal: header.batch?.personalData === true,
  };
}

/** The summary's cells: a number format and a font, as exceljs's row.font and cell.numFmt set them before. */
const SUMMARY_FORMATS = [undefined, '0.00', SUMMARY_PERCENT_FORMAT] as const;
const SUMMARY_FONTS = [undefined, { bold: true }, { bold: true, size: 12 }] as const;
type SummaryFont = 0 | 1 | 2;

const PEOPLE_HEADER_STYLE: XlsxStyle = { font: { bold: true }, alignment: { wrapText: true, vertical: 'top' } };

/** Every style of the workbook, and the id (index + 1) a cell names it by. */
function workbookStyles(peopleFormats: readonly string[]) {
  const styles: XlsxStyle[] = [];
  const add = (style: XlsxStyle) => styles.push(style);
  for (const numFmt of SUMMARY_FORMATS)
    for (const font of SUMMARY_FONTS)
      if (numFmt || font) add({ ...(numFmt ? { numFmt } : {}), ...(font ? { font } : {}) });
  const summary = (format: 0 | 1 | 2, font: SummaryFont) => (format === 0 && font === 0 ? 0 : format * 3 + font);
  add(PEOPLE_HEADER_STYLE);
  const header = styles.length;
  const formats = new Map<string, number>();
  for (const numFmt of new Set(peopleFormats)) formats.set(numFmt, add({ numFmt }));
  return {
    styles,
    summary,
    header,
    format: (numFmt: string | undefined) => (numFmt ? formats.get(numFmt) : undefined),
  };
}

/**
 * "Tổng hợp" (the summary) then "Phiếu trả lời" (one row per response), written as a
 * stream by src/node/xlsxWriter.ts. The responses sheet is for people
 * (src/node/exportPeople.ts): typed cells, real dates, names beside codes, and no
 * formula guard, which only a CSV needs: text is never a formula in the workbook.
 */
export function xlsxEncoder(
  document: ExportDocument,
  out: Writable,
  failed: OutputFailure,
  created: Date,
  sources: PeopleSources = NO_SOURCES,
): Encoder {
  const { refs, personal } = batchShape(document);
  const people = peopleLayout(refs, personal, sources);
  const ids = workbookStyles(people.columns.flatMap((c) => (c.numFmt ? [c.numFmt] : [])));
  const workbook = createXlsxWorkbook(out, failed, {
    created,
    creator: 'SIPAS Kiosk',
    styles: ids.styles,
    sheets: [
      { name: 'Tổng hợp', widths: [34, ...Array.from({ length: 8 }, () => COLUMN_WIDTH)] },
      {
        name: 'Phiếu trả lời',
        widths: people.columns.map((c) => c.width),
        frozenRows: 1,
        sharedColumns: people.columns.flatMap((c, i) => (c.repeats ? [i] : [])),
      },
    ],
  });
  // The responses' cells take their column's format, blank ones too (a date typed in later reads as a date).
  const columnStyles = people.columns.map((c) => ids.format(c.numFmt) ?? 0);
  let responses: XlsxSheetWriter | null = null;

  return {
    async start() {
      await workbook.start();
      const summary = await workbook.sheet('Tổng hợp');
      // Inside a dimension table (its header row down to the next empty row) the second column is the index in %.
      let inTable = false;
      for (const cells of document.summaryRows) {
        if (cells.length === 0) inTable = false;
        const font: SummaryFont = cells[0] === SUMMARY_TABLE_HEADER ? 1 : isQuestionnaireTitle(cells[0]) ? 2 : 0;
        const styles = cells.map((cell, i) => {
          if (cell === null) return 0;
          const percent = i === 1 && inTable && typeof cell === 'number';
          const decimal = typeof cell === 'number' && !Number.isInteger(cell);
          return ids.summary(percent ? 2 : decimal ? 1 : 0, font);
        });
        summary.row(cells, styles, ids.summary(0, font));
        if (font === 1) inTable = true;
      }
      await summary.end();
      responses = await workbook.sheet('Phiếu trả lời');
      responses.row(
        people.columns.map((c) => c.header),
        people.columns.map(() => ids.header),
        ids.header,
      );
    },
    async write(rows) {
      if (!responses) throw new Error('start() first');
      for (const row of rows) responses.row(people.toCells(row), columnStyles);
      await responses.flush();
    },
    async end() {
      await responses?.end();
      await workbook.end();
      await endOf(out, failed);
    },
  };
}
