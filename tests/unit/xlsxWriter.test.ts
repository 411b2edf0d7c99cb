import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { columnName, createXlsxWorkbook, type XlsxStyle } from '../../src/node/xlsxWriter';
import { createZipWriter } from '../../src/node/xlsxZip';

/** Collects what is written to a stream, and a failure promise that never settles (the output never fails here). */
function memoryOutput() {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => out.on('end', () => resolve(Buffer.concat(chunks))));
  return { out, done, failed: new Promise<never>(() => {}) };
}

const created = new Date('2026-12-01T19:26:30.123Z');
const STYLES: XlsxStyle[] = [
  { numFmt: 'dd/mm/yyyy hh:mm' },
  { font: { bold: true, size: 12 } },
  { numFmt: '0.0"%"', font: { bold: true } },
];

async function workbookOf(
  rows: Array<{ values: Array<string | number | Date | null>; styles?: number[]; rowStyle?: number }>,
  { flushEveryRow = false, sharedColumns = [] as number[] } = {},
) {
  const { out, done, failed } = memoryOutput();
  const book = createXlsxWorkbook(out, failed, {
    created,
    creator: 'SIPAS Kiosk',
    styles: STYLES,
    sheets: [
      { name: 'Tổng hợp', widths: [34, 14] },
      { name: 'Phiếu trả lời', widths: [38, 17, 50], frozenRows: 1, sharedColumns },
    ],
  });
  await book.start();
  const first = await book.sheet('Tổng hợp');
  first.row(['Chỉ số SIPAS', 75.5], [2, 3], 2);
  await first.end();
  const second = await book.sheet('Phiếu trả lời');
  for (const row of rows) {
    second.row(row.values, row.styles, row.rowStyle);
    if (flushEveryRow) await second.flush();
  }
  await second.flush();
  await second.end();
  await book.end();
  out.end();
  const bytes = await done;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return { bytes, workbook };
}

describe('the lean XLSX writer', () => {
  it('names columns like a spreadsheet', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('writes typed cells exceljs reads back: text as typed (never a formula), numbers, dates with their format', async () => {
    const at = new Date('2026-11-30T09:05:00.000Z');
    const { workbook } = await workbookOf([
      { values: ['Mã phiếu', 'Thời điểm gửi', 'Góp ý'] },
      { values: ['=HYPERLINK("http://x","bấm")', at, ' <b>&"quoted"\' '], styles: [0, 1, 0] },
      { values: ['+1', null, '-2 điểm\u0007 vì chờ lâu\r\nhai dòng'], styles: [0, 1, 0] },
      { values: ['@SUM(A1)', 42, null] },
    ]);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Phiếu trả lời']);
    expect(workbook.created?.toISOString()).toBe('2026-12-01T19:26:30.000Z');
    const sheet = workbook.getWorksheet('Phiếu trả lời')!;
    expect(sheet.rowCount).toBe(4);
    const cell = (r: number, c: number) => sheet.getRow(r).getCell(c);
    for (const [r, text] of [
      [2, '=HYPERLINK("http://x","bấm")'],
      [3, '+1'],
      [4, '@SUM(A1)'],
    ] as const) {
      expect(cell(r, 1).type).toBe(ExcelJS.ValueType.String);
      expect(cell(r, 1).value).toBe(text);
      expect(cell(r, 1).formula).toBeUndefined();
    }
    expect(cell(2, 3).value).toBe(' <b>&"quoted"\' ');
    // XML cannot carry the bell character; line breaks stay.
    expect(cell(3, 3).value).toBe('-2 điểm vì chờ lâu\r\nhai dòng');
    expect(cell(2, 2).type).toBe(ExcelJS.ValueType.Date);
    expect((cell(2, 2).value as Date).toISOString()).toBe(at.toISOString());
    expect(cell(2, 2).numFmt).toBe('dd/mm/yyyy hh:mm');
    // A blank cell keeps its column's format.
    expect(cell(3, 2).value).toBeNull();
    expect(cell(3, 2).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(cell(4, 2).value).toBe(42);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(3).width).toBe(50);

    const summary = workbook.getWorksheet('Tổng hợp')!.getRow(1);
    expect(summary.getCell(1).font).toMatchObject({ bold: true, size: 12 });
    expect(summary.getCell(2).value).toBe(75.5);
    expect(summary.getCell(2).numFmt).toBe('0.0"%"');
    expect(summary.getCell(2).font?.bold).toBe(true);
  });

  it('writes the same bytes for the same rows and date', async () => {
    const rows = [{ values: ['a', 1, new Date('2026-01-02T03:04:05Z')] }];
    const [one, two] = [await workbookOf(rows), await workbookOf(rows)];
    expect(one.bytes.equals(two.bytes)).toBe(true);
  });

  it('hands long runs of rows to the zip in pieces: every row read back in order, the same bytes however it was flushed', async () => {
    // About 300,000 characters between two flushes: many times the writer's hand-over bound.
    const rows = Array.from({ length: 3_000 }, (_, i) => ({
      values: [`phiếu ${i}`, i, `Cán bộ tận tình, hướng dẫn rõ ràng — lần ${i} <&>`],
    }));
    const { bytes, workbook } = await workbookOf(rows);
    const sheet = workbook.getWorksheet('Phiếu trả lời')!;
    expect(sheet.rowCount).toBe(rows.length);
    for (const i of [0, 1, 1_234, 2_999]) expect(sheet.getRow(i + 1).values).toEqual([undefined, ...rows[i]!.values]);

    const { bytes: flushedEveryRow } = await workbookOf(rows, { flushEveryRow: true });
    expect(flushedEveryRow.equals(bytes)).toBe(true);
  });

  it('writes the text of shared columns once, as shared strings, and reads back the same cells', async () => {
    const labels = ['Phiếu hợp lệ', ' Phiếu nghi vấn <&> ', '=1+1'];
    const rows = Array.from({ length: 300 }, (_, i) => ({ values: [`phiếu ${i}`, i, labels[i % 3]!] }));
    const inline = await workbookOf(rows);
    const shared = await workbookOf(rows, { sharedColumns: [2] });
    for (const { workbook } of [inline, shared]) {
      const sheet = workbook.getWorksheet('Phiếu trả lời')!;
      for (const i of [0, 1, 2, 299]) expect(sheet.getRow(i + 1).values).toEqual([undefined, ...rows[i]!.values]);
      expect(sheet.getRow(3).getCell(3).formula).toBeUndefined();
    }
    const zip = await JSZip.loadAsync(shared.bytes);
    const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(sst.match(/<si>/g)).toHaveLength(3);
    expect(sst).toContain('<t xml:space="preserve"> Phiếu nghi vấn &lt;&amp;&gt; </t>');
    const sheetXml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    expect(sheetXml).not.toContain('Phiếu hợp lệ');
    expect(sheetXml).toContain('<c r="A1" t="inlineStr">'); // the other columns stay inline
    expect(shared.bytes.length).toBeLessThan(inline.bytes.length);
  });

  it('keeps the shared strings bounded: past 20,000 distinct texts, new ones are written inline', async () => {
    const rows = Array.from({ length: 20_010 }, (_, i) => ({ values: ['x', i, `nhãn ${i}`] }));
    const { bytes, workbook } = await workbookOf(rows, { sharedColumns: [2] });
    const zip = await JSZip.loadAsync(bytes);
    const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(sst.match(/<si>/g)).toHaveLength(20_000);
    const sheet = workbook.getWorksheet('Phiếu trả lời')!;
    for (const i of [0, 19_999, 20_000, 20_009]) expect(sheet.getRow(i + 1).getCell(3).value).toBe(`nhãn ${i}`);
  });

  it('sheets are written in their declared order', async () => {
    const { out, failed } = memoryOutput();
    const book = createXlsxWorkbook(out, failed, {
      created,
      creator: 'x',
      styles: [],
      sheets: [
        { name: 'A', widths: [] },
        { name: 'B', widths: [] },
      ],
    });
    await book.start();
    await expect(book.sheet('B')).rejects.toThrow(/in order/);
  });
});

describe('the zip container', () => {
  async function archive(zip64From?: number) {
    const { out, done, failed } = memoryOutput();
    const zip = createZipWriter(out, failed, {
      date: created,
      level: 1,
      ...(zip64From === undefined ? {} : { zip64From }),
    });
    await zip.file('small.txt', 'xin chào');
    const big = await zip.stream('dir/big.xml');
    const parts = Array.from({ length: 200 }, (_, i) => `<row r="${i}">${'dữ liệu '.repeat(i)}</row>`);
    for (const part of parts) await big.write(part);
    await big.end();
    await zip.file('after.txt', 'sau');
    await zip.finish();
    out.end();
    return { bytes: await done, big: parts.join('') };
  }

  for (const [label, zip64From] of [
    ['classic', undefined],
    ['ZIP64 (sizes and offsets past the limit)', 16],
  ] as const) {
    it(`${label}: every entry reads back with a matching CRC-32`, async () => {
      const { bytes, big } = await archive(zip64From);
      const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
      expect(Object.keys(zip.files)).toEqual(['small.txt', 'dir/big.xml', 'after.txt']);
      expect(await zip.file('small.txt')!.async('string')).toBe('xin chào');
      expect(await zip.file('dir/big.xml')!.async('string')).toBe(big);
      expect(await zip.file('after.txt')!.async('string')).toBe('sau');
      expect(zip.file('small.txt')!.date.toISOString()).toBe('2026-12-01T19:26:30.000Z');
      // The ZIP64 end records are there only when needed.
      expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(zip64From !== undefined);
    });
  }
});
