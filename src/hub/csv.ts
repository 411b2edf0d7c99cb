import { dimensionIds } from '../domain/dimensions';
import type { HubReport } from './report';
import { allUnitsLabel, countLabel, dimensionShort, notRankedReason } from './text';

/**
 * The ranking as CSV for a spreadsheet: UTF-8 with a BOM (Excel otherwise reads
 * Vietnamese as mojibake), RFC 4180 quoting, CRLF. Indices keep a '.' decimal and
 * one decimal place so a program can read them back.
 */
export const BOM = '\uFEFF';

/**
 * Text a spreadsheet could run as a formula (=, +, -, @) or that it strips before
 * looking (tab, CR) gets a leading apostrophe (OWASP "CSV injection"). Unit names
 * come from whoever registered the device, so they are not trusted.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

type Cell = string | number | null;

function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : neutralise(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRecord = (cells: readonly Cell[]): string => `${cells.map(csvCell).join(',')}\r\n`;

const fixed = (value: number | null): Cell => (value === null ? null : Number(value.toFixed(1)));

const COUNT_NAMES = ['responses', 'counted', 'suspect', 'abandoned'] as const;

/**
 * One line per questionnaire version and unit — ranked units first, by rank, then
 * the units not ranked ("Chưa đủ mẫu", saying why) — and, per questionnaire, the
 * all-units line (mean of the ranked units, labelled); last, the registered units
 * without any batch in the period. Figures of different questionnaires are never on one line.
 * A byte stream, written a few hundred lines at a time as the reader pulls.
 */
export function reportCsvStream(report: HubReport, linesPerChunk = 500): ReadableStream<Uint8Array> {
  const records = reportCsvRecords(report);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let chunk = '';
      for (let i = 0; i < linesPerChunk; i += 1) {
        const next = records.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += next.value;
      }
      controller.enqueue(encoder.encode(chunk));
    },
  });
}

/** The BOM with the header, then one record (a CRLF-ended line) at a time. */
function* reportCsvRecords(report: HubReport): Generator<string> {
  const header = [
    'Bộ câu hỏi',
    'Phiên bản',
    'Hạng',
    'Mã đơn vị',
    'Tên đơn vị',
    'Từ ngày',
    'Đến ngày',
    'Chỉ số SIPAS (%)',
    'Số yếu tố có dữ liệu',
    ...dimensionIds.map((id) => `${dimensionShort(id)} (%)`),
    ...COUNT_NAMES.map(countLabel),
    'Số câu trả lời hợp lệ',
    'Số thiết bị',
    'Số ngày-thiết bị có dữ liệu',
    'Xếp hạng',
  ];
  const { from, to } = report.period;
  yield BOM + csvRecord(header);
  for (const section of report.questionnaires) {
    const q = section.questionnaire;
    for (const units of [section.ranked, section.notRanked])
      for (const unit of units)
        yield csvRecord([
          q.id,
          q.version,
          unit.rank,
          unit.unitCode,
          unit.unitName,
          from,
          to,
          fixed(unit.sipas),
          unit.coverage,
          ...dimensionIds.map((id) => fixed(unit.dimensions[id])),
          ...COUNT_NAMES.map((name) => unit.counts[name]),
          unit.answers,
          unit.devices,
          unit.deviceDays,
          unit.notRanked === null
            ? 'Có'
            : notRankedReason(unit.notRanked, unit.coverage, unit.counts.counted, report.minSample),
        ]);
    const all = section.allUnits;
    yield csvRecord([
      q.id,
      q.version,
      null,
      null,
      allUnitsLabel(all.units),
      from,
      to,
      fixed(all.sipas),
      null,
      ...dimensionIds.map((id) => fixed(all.dimensions[id])),
      ...COUNT_NAMES.map(() => null),
      null,
      null,
      null,
      null,
    ]);
  }
  for (const unit of report.silentUnits)
    yield csvRecord([
      null,
      null,
      null,
      unit.unitCode,
      unit.unitName,
      from,
      to,
      ...Array.from({ length: header.length - 8 }, () => null),
      'Chưa có số liệu trong kỳ',
    ]);
}
