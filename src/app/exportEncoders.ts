import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvRecord, SUMMARY_TABLE_HEADER } from '../services/exportTable';
import type { Cell, ExportDocument, ExportRow } from '../services/exportPorts';
import type { QuestionnaireRef } from '../services/ports';
import { localIso, peopleLayout, type PeopleSources } from './exportPeople';

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
  /** readable-stream 3 (archiver's) has no writableNeedDrain getter. */
  _writableState?: { needDrain?: boolean };
  once(event: 'drain', listener: () => void): unknown;
}

const needsDrain = (stream: Drainable) => stream.writableNeedDrain ?? stream._writableState?.needDrain ?? false;

async function drain(stream: Drainable, failed: OutputFailure): Promise<void> {
  if (!needsDrain(stream)) return;
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

interface ZipLike {
  append(source: unknown, data: Record<string, unknown>): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

const zipOf = (writer: ExcelJS.stream.xlsx.WorkbookWriter) => (writer as unknown as { zip: ZipLike }).zip;

/**
 * exceljs stamps every zip entry with the time it was added, so two writes of the
 * same workbook differ. The first entries are added inside its constructor, so the
 * pin goes in the first method the constructor calls: every entry then carries the
 * workbook's own date (the batch's created_at).
 */
class PinnedDateWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  override addThemes(): Promise<void> {
    const zip = zipOf(this);
    const append = zip.append.bind(zip);
    const date = this.created;
    zip.append = (source, data) => append(source, { ...data, date });
    return super.addThemes();
  }
}

type SheetWriter = ExcelJS.Worksheet & { commit(): void };

/**
 * exceljs pushes committed rows into the zip entry's stream without looking at
 * what write() answers, so nothing would ever slow it down: every committed row
 * would pile up in memory ahead of the deflater. Waiting for that stream to drain
 * (exceljs keeps it in `stream.pipes`) is what keeps memory flat.
 */
async function drained(sheet: SheetWriter, failed: OutputFailure): Promise<void> {
  const pipes = (sheet as unknown as { stream?: { pipes?: Drainable[] } }).stream?.pipes ?? [];
  for (const pipe of pipes) await drain(pipe, failed);
}

const COLUMN_WIDTH = 14;

/** The summary keeps the index as the number people read (75.0 for 75,0 %); the format adds the sign. */
const SUMMARY_PERCENT_FORMAT = '0.0"%"';

/** A version's title row, "Bảng hỏi: Phiếu nhanh (…)" (questionnaireLabel in src/services/exportTable.ts). */
const isQuestionnaireTitle = (cell: unknown) => typeof cell === 'string' && cell.startsWith('Bảng hỏi');

const NO_SOURCES: PeopleSources = { names: { counter: () => null, officer: () => null, field: () => null }, questionnaire: () => null };

/** The batch's questionnaire versions and whether it carries personal data, as its header says. */
function batchShape(document: ExportDocument): { refs: QuestionnaireRef[]; personal: boolean } {
  const header = document.header as { questionnaires?: QuestionnaireRef[]; batch?: { personalData?: boolean } };
  return {
    refs: (header.questionnaires ?? []).map(({ id, version }) => ({ id, version })),
    personal: header.batch?.personalData === true,
  };
}

/**
 * "Tổng hợp" (the summary) then "Phiếu trả lời" (one row per response), written as a
 * stream. The responses sheet is for people (src/app/exportPeople.ts): typed cells,
 * real dates, names beside codes, and no formula guard, which only a CSV needs.
 */
export function xlsxEncoder(document: ExportDocument, out: Writable, outputFailed: OutputFailure, created: Date, sources: PeopleSources = NO_SOURCES): Encoder {
  // exceljs reads created/modified from its options (its typings omit them); core.xml carries them.
  const options: Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions> & { created: Date; modified: Date } = {
    stream: out, useStyles: true, useSharedStrings: false, created, modified: created,
  };
  const workbook = new PinnedDateWorkbookWriter(options);
  workbook.creator = 'SIPAS Kiosk';
  workbook.lastModifiedBy = 'SIPAS Kiosk';
  const zipFailed = new Promise<never>((_resolve, reject) => zipOf(workbook).on('error', reject));
  const failed = Promise.race([zipFailed, outputFailed]);
  failed.catch(() => {}); // raced wherever it matters
  let responses: SheetWriter | null = null;
  const { refs, personal } = batchShape(document);
  const people = peopleLayout(refs, personal, sources);

  return {
    async start() {
      const summary = workbook.addWorksheet('Tổng hợp') as SheetWriter;
      summary.columns = [{ width: 34 }, ...Array.from({ length: 8 }, () => ({ width: COLUMN_WIDTH }))];
      // Inside a dimension table (its header row down to the next empty row) the second column is the index in %.
      let inTable = false;
      for (const cells of document.summaryRows) {
        const row = summary.addRow(cells.map((c) => c ?? undefined));
        if (cells.length === 0) inTable = false;
        row.eachCell((cell) => {
          if (typeof cell.value === 'number' && !Number.isInteger(cell.value)) cell.numFmt = '0.00';
        });
        if (inTable && typeof cells[1] === 'number') row.getCell(2).numFmt = SUMMARY_PERCENT_FORMAT;
        if (cells[0] === SUMMARY_TABLE_HEADER) {
          row.font = { bold: true };
          inTable = true;
        }
        if (isQuestionnaireTitle(cells[0])) row.font = { bold: true, size: 12 };
        row.commit();
      }
      summary.commit();
      responses = workbook.addWorksheet('Phiếu trả lời', { views: [{ state: 'frozen', ySplit: 1 }] }) as SheetWriter;
      // Column styles go on each cell: exceljs's streaming writer keeps a column's numFmt out of its cells.
      responses.columns = people.columns.map((c) => ({ width: c.width }));
      const header = responses.addRow(people.columns.map((c) => c.header));
      header.font = { bold: true };
      header.alignment = { wrapText: true, vertical: 'top' };
      header.commit();
    },
    async write(rows) {
      if (!responses) throw new Error('start() first');
      for (const row of rows) {
        const added = responses.addRow(people.toCells(row).map((c) => c ?? undefined));
        people.columns.forEach((column, i) => {
          if (column.numFmt) added.getCell(i + 1).numFmt = column.numFmt;
        });
        added.commit();
      }
      await drained(responses, failed);
    },
    async end() {
      responses?.commit();
      await Promise.race([workbook.commit(), failed]);
    },
  };
}
