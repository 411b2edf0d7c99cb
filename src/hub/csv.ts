import { dimensionIds } from '../domain/dimensions';
import type { HubReport } from './report';
import { DIMENSION_SHORT } from './text';

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

export function reportCsv(report: HubReport): string {
  const header = [
    'Hạng', 'Mã đơn vị', 'Tên đơn vị', 'Từ ngày', 'Đến ngày', 'Chỉ số SIPAS (%)',
    ...dimensionIds.map((id) => `${DIMENSION_SHORT[id]} (%)`),
    'Số phiếu', 'Số phiếu loại', 'Số câu trả lời hợp lệ', 'Số thiết bị', 'Số ngày-thiết bị có dữ liệu',
  ];
  const lines = report.units.map((unit) =>
    csvRecord([
      unit.rank, unit.unitCode, unit.unitName, report.period.from, report.period.to, fixed(unit.sipas),
      ...dimensionIds.map((id) => fixed(unit.dimensions[id])),
      unit.responses, unit.excluded, unit.answers, unit.devices, unit.deviceDays,
    ]),
  );
  return BOM + csvRecord(header) + lines.join('');
}
