import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { neutralise } from '../services/exportTable';
import type { PeriodicReport } from '../services/periodicReport';

const DIMENSION_NAMES: Record<string, string> = {
  access: 'Tiếp cận dịch vụ hành chính công',
  procedure: 'Thủ tục hành chính',
  officer: 'Công chức trực tiếp giải quyết công việc',
  result: 'Kết quả giải quyết thủ tục hành chính',
  feedback: 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
};
const DIMENSIONS = Object.keys(DIMENSION_NAMES);

/** A percentage rounded for people; null stays empty. */
const pct = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
const text = (value: string) => neutralise(value);

/**
 * The quarter/year report as one Vietnamese sheet: the unit and period, the SIPAS
 * index with each dimension (index, mean, answers), then a table per procedure field.
 * Names typed by the administrator are neutralised against formula injection.
 */
export async function writePeriodicReportXlsx(report: PeriodicReport, folder: string): Promise<{ file: string; bytes: number; sha256: string }> {
  const book = new ExcelJS.Workbook();
  book.creator = 'SIPAS Kiosk';
  const sheet = book.addWorksheet('Báo cáo SIPAS');
  const title = report.kind === 'year' ? 'BÁO CÁO CHỈ SỐ HÀI LÒNG (SIPAS) NĂM' : 'BÁO CÁO CHỈ SỐ HÀI LÒNG (SIPAS) QUÝ';
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.addRow(['Đơn vị', text(report.unit.name), 'Mã', text(report.unit.code)]);
  sheet.addRow(['Từ ngày', report.from, 'Đến ngày', report.to]);
  sheet.addRow(['Số phiếu được tính', report.responses.counted, 'Phiếu nghi vấn', report.responses.suspect, 'Phiếu bỏ dở', report.responses.abandoned]);
  sheet.addRow([]);
  sheet.addRow(['Yếu tố', 'Chỉ số hài lòng (%)', 'Điểm trung bình', 'Số câu trả lời']).font = { bold: true };
  sheet.addRow(['Chỉ số SIPAS', pct(report.score.index), report.score.mean, report.score.answers]).font = { bold: true };
  for (const d of report.score.dimensions) sheet.addRow([DIMENSION_NAMES[d.dimension] ?? d.dimension, pct(d.index), d.mean, d.answers]);
  sheet.addRow([]);
  sheet.addRow(['Lĩnh vực', 'Số phiếu', 'Chỉ số SIPAS (%)', ...DIMENSIONS.map((d) => DIMENSION_NAMES[d])]).font = { bold: true };
  for (const row of report.byField) {
    sheet.addRow([text(row.name || 'Không ghi lĩnh vực'), row.responses, pct(row.index), ...DIMENSIONS.map((d) => pct(row.dimensions[d as keyof typeof row.dimensions] ?? null))]);
  }
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 44 : 18));

  await fs.mkdir(folder, { recursive: true });
  const file = path.join(folder, `bao-cao-sipas-${report.kind === 'year' ? 'nam' : 'quy'}-${report.from}_${report.to}.xlsx`);
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  const partial = `${file}.partial`;
  await fs.writeFile(partial, bytes, { flush: true });
  await fs.rename(partial, file);
  return { file: path.basename(file), bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}
