import type { Writable } from 'node:stream';
import { createZipWriter, type ZipEntryStream } from './xlsxZip';

/**
 * A lean streaming XLSX writer for the export's workbook: rows go out as XML text
 * as they come, typed cells only (inline strings, numbers, dates as serial numbers
 * with a date format), shared strings only for the few labels a sheet declares,
 * and no per-cell objects. exceljs's
 * streaming writer spent 4× the time of reading the rows on a 1,000,000-response
 * sheet, mostly building and styling a Cell object per value.
 *
 * Text is always a string cell (inline, or shared for the columns that say so),
 * never a formula: "=1+1" typed in a comment is text in the workbook, exactly as
 * typed, and runs nothing.
 */
export type XlsxValue = string | number | Date | null | undefined;

export interface XlsxStyle {
  numFmt?: string;
  font?: { bold?: boolean; size?: number };
  alignment?: { wrapText?: boolean; vertical?: 'top' };
}

export interface XlsxSheet {
  name: string;
  /** Column widths in characters, from column A. */
  widths: readonly number[];
  /** Rows kept in view while scrolling (a frozen header). */
  frozenRows?: number;
  /**
   * Columns whose text is a few labels said again and again (names, kinds): their
   * text goes once into the workbook's shared strings and each cell names it by
   * number, as Excel itself writes text. On a 1,000,000-response sheet that was a
   * quarter of the XML to write, checksum and deflate.
   */
  sharedColumns?: readonly number[];
}

export interface XlsxWorkbookOptions {
  created: Date;
  creator: string;
  sheets: readonly XlsxSheet[];
  /** Every style the cells will use; a cell names one by its index here plus 1 (0 is the default). */
  styles: readonly XlsxStyle[];
  /** Deflate level (see src/node/xlsxZip.ts). */
  level?: number;
}

export interface XlsxSheetWriter {
  /**
   * Adds one row to the pending text. `styles[i]` is the style of cell i, `rowStyle`
   * the row's own (what a blank cell of it shows).
   */
  row(values: readonly XlsxValue[], styles?: readonly number[] | null, rowStyle?: number): void;
  /** Writes the pending rows out; resolves when the output has room for more. */
  flush(): Promise<void>;
  end(): Promise<void>;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

// XML 1.0 cannot carry most control characters (exceljs drops them too); markup characters are escaped,
// and so is a carriage return, which an XML reader would otherwise turn into a plain line feed.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_ESCAPE = /[<>&"'\x00-\x08\x0B-\x1F\x7F]/g;
const ESCAPES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
};
const escapeChar = (c: string) => ESCAPES[c] ?? '';

export function xmlText(text: string): string {
  NEEDS_ESCAPE.lastIndex = 0;
  return NEEDS_ESCAPE.test(text) ? text.replace(NEEDS_ESCAPE, escapeChar) : text;
}

/** A1 column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const MS_PER_DAY = 86_400_000;
/** Days since 1899-12-30, the spreadsheet's serial date (what exceljs writes, and reads back exactly). */
export const excelSerial = (date: Date) => 25569 + date.getTime() / MS_PER_DAY;

/** <t> keeps leading and trailing spaces and line breaks only when told to. */
const PRESERVE = /^\s|\s$/;

function cellXml(ref: string, value: XlsxValue, style: number | undefined, shared?: SharedStrings): string {
  const s = style ? ` s="${style}"` : '';
  if (typeof value === 'string') {
    const index = shared?.indexOf(value);
    if (index !== undefined) return `<c r="${ref}"${s} t="s"><v>${index}</v></c>`;
    const space = PRESERVE.test(value) ? ' xml:space="preserve"' : '';
    return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${xmlText(value)}</t></is></c>`;
  }
  const number = value instanceof Date ? excelSerial(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) return s ? `<c r="${ref}"${s}/>` : '';
  return `<c r="${ref}"${s}><v>${number}</v></c>`;
}

/**
 * The workbook's shared strings: each distinct text once, in the order first met.
 * Bounded: past MAX_SHARED distinct texts a cell's text is written inline, so a
 * column wrongly declared shared cannot hold a whole export in memory.
 */
const MAX_SHARED = 20_000;

class SharedStrings {
  private readonly index = new Map<string, number>();

  /** The text's number in the table, or undefined once the table is full and the text is new. */
  indexOf(text: string): number | undefined {
    let at = this.index.get(text);
    if (at === undefined && this.index.size < MAX_SHARED) {
      at = this.index.size;
      this.index.set(text, at);
    }
    return at;
  }

  xml(): string {
    const items = [...this.index.keys()].map((text) => {
      const space = PRESERVE.test(text) ? ' xml:space="preserve"' : '';
      return `<si><t${space}>${xmlText(text)}</t></si>`;
    });
    return `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`;
  }
}

function stylesXml(styles: readonly XlsxStyle[]): string {
  const formats = [...new Set(styles.flatMap((s) => (s.numFmt ? [s.numFmt] : [])))];
  const formatId = (f: string | undefined) => (f ? 164 + formats.indexOf(f) : 0);
  const fontKey = (s: XlsxStyle) => `${s.font?.bold === true}/${s.font?.size ?? 11}`;
  const fonts = ['false/11', ...new Set(styles.map(fontKey))].filter((f, i, all) => all.indexOf(f) === i);
  const fontXml = (key: string) => {
    const [bold, size] = key.split('/');
    return `<font>${bold === 'true' ? '<b/>' : ''}<sz val="${size}"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`;
  };
  const xf = (s: XlsxStyle) => {
    const numFmtId = formatId(s.numFmt);
    const fontId = fonts.indexOf(fontKey(s));
    const align = s.alignment
      ? `<alignment${s.alignment.vertical ? ` vertical="${s.alignment.vertical}"` : ''}${s.alignment.wrapText ? ' wrapText="1"' : ''}/>`
      : '';
    const applied = `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${align ? ' applyAlignment="1"' : ''}`;
    const attributes = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${applied}`;
    return align ? `<xf ${attributes}>${align}</xf>` : `<xf ${attributes}/>`;
  };
  return (
    `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
    (formats.length
      ? `<numFmts count="${formats.length}">${formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlText(f)}"/>`).join('')}</numFmts>`
      : '') +
    `<fonts count="${fonts.length}">${fonts.map(fontXml).join('')}</fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${styles.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${styles.map(xf).join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
    '</styleSheet>'
  );
}

const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

function staticParts({ created, creator, sheets, styles }: XlsxWorkbookOptions): Array<[string, string]> {
  const sheetPaths = sheets.map((_, i) => `worksheets/sheet${i + 1}.xml`);
  return [
    [
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheetPaths
          .map(
            (p) =>
              `<Override PartName="/xl/${p}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
        '</Types>',
    ],
    [
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">` +
        `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/>` +
        '</Relationships>',
    ],
    [
      'docProps/app.xml',
      `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
        `<Application>${xmlText(creator)}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop></Properties>`,
    ],
    [
      'docProps/core.xml',
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>${xmlText(creator)}</dc:creator><cp:lastModifiedBy>${xmlText(creator)}</cp:lastModifiedBy>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${isoSeconds(created)}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${isoSeconds(created)}</dcterms:modified></cp:coreProperties>`,
    ],
    [
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="12000" windowHeight="24000"/></bookViews><sheets>` +
        sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets><calcPr calcId="171027"/></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">` +
        sheetPaths.map((p, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="${p}"/>`).join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId${sheets.length + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
        '</Relationships>',
    ],
    ['xl/styles.xml', stylesXml(styles)],
  ];
}

function sheetHead(sheet: XlsxSheet): string {
  const frozen = sheet.frozenRows ?? 0;
  const view = frozen
    ? `<sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/></sheetView>`
    : '<sheetView workbookViewId="0"/>';
  const cols = sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheetPr><outlinePr summaryBelow="0" summaryRight="0"/></sheetPr><sheetViews>${view}</sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    '<sheetData>'
  );
}

/**
 * Pending rows are handed to the zip once their text reaches this many characters,
 * so the text held at any moment is bounded whatever the caller's chunk of rows,
 * and no string of a whole chunk (two-byte once it holds Vietnamese) lives on
 * across the wait for the output to drain.
 */
const HAND_OVER_AT = 16_384;

const SHEET_TAIL =
  '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

/**
 * A workbook written straight to `out`: its sheets in order, each ended before the
 * next starts. `failed` rejects once the output fails (exportEncoders' OutputFailure).
 */
export function createXlsxWorkbook(out: Writable, failed: Promise<never>, options: XlsxWorkbookOptions) {
  const zip = createZipWriter(out, failed, { date: options.created, level: options.level ?? 1 });
  const shared = new SharedStrings();
  let next = 0;

  return {
    async start(): Promise<void> {
      for (const [name, text] of staticParts(options)) await zip.file(name, text);
    },

    async sheet(name: string): Promise<XlsxSheetWriter> {
      const index = next;
      const sheet = options.sheets[index];
      if (sheet?.name !== name)
        throw new Error(`sheets are written in order: expected ${sheet?.name ?? 'none'}, got ${name}`);
      next += 1;
      const entry: ZipEntryStream = await zip.stream(`xl/worksheets/sheet${index + 1}.xml`);
      const columns: string[] = [];
      const sharedColumns = new Set(sheet.sharedColumns);
      let pending = sheetHead(sheet);
      let rowNumber = 0;
      const handOver = () => {
        entry.push(pending);
        pending = '';
      };
      const flush = async () => {
        handOver();
        await entry.write('');
      };
      return {
        row(values, styles, rowStyle) {
          rowNumber += 1;
          const r = rowNumber;
          let xml = rowStyle ? `<row r="${r}" s="${rowStyle}" customFormat="1">` : `<row r="${r}">`;
          for (let i = 0; i < values.length; i += 1) {
            const style = styles?.[i];
            const value = values[i];
            if ((value === null || value === undefined) && !style) continue;
            xml += cellXml(
              `${(columns[i] ??= columnName(i))}${r}`,
              value,
              style,
              sharedColumns.has(i) ? shared : undefined,
            );
          }
          pending += `${xml}</row>`;
          if (pending.length >= HAND_OVER_AT) handOver();
        },
        flush,
        async end() {
          pending += SHEET_TAIL;
          await flush();
          await entry.end();
        },
      };
    },

    /** Writes the shared strings and the zip's directory; the caller ends the output. */
    async end(): Promise<void> {
      if (next !== options.sheets.length) throw new Error('every sheet must be written');
      // After the sheets, as Excel places it: only they know which texts are shared.
      await zip.file('xl/sharedStrings.xml', shared.xml());
      await zip.finish();
    },
  };
}
