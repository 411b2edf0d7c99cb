import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DIMENSION_COUNT, dimensionIds, dimensionName, type DimensionId } from '../domain/dimensions';
import { RESPONSE_COUNT_LABELS, responseCountNames, type ResponseCounts } from '../domain/responseCounts';
import { coverageLabel, questionnaireLabel, sipasLabel } from '../services/exportTable';
import type { PeriodicReport, TargetProgress } from '../services/periodicReport';
import { calendarDate, DATE_FORMAT } from './exportPeople';

/** Percentages stay the numbers people read (75.0 is 75,0 %); the format only adds the sign. */
export const PERCENT_FORMAT = '0.0"%"';
/** A gap in percentage points, with its sign. */
const GAP_FORMAT = '+0.0"%";-0.0"%";0.0"%"';
const MONTH_FORMAT = 'mm/yyyy';

/** A percentage rounded for people; null stays empty. */
const pct = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
const counts = (c: ResponseCounts) => responseCountNames.flatMap((name) => [RESPONSE_COUNT_LABELS.vi[name], c[name]]);
const isDimension = (id: string): id is DimensionId => (dimensionIds as readonly string[]).includes(id);
const dimensionText = (id: string) => (isDimension(id) ? dimensionName(id, 'vi', 'long') : id);

/** Sets a number format on the given 1-based columns of a row (empty cells too, so a typed-in figure reads alike). */
function format(row: ExcelJS.Row, columns: Iterable<number>, numFmt: string) {
  for (const column of columns) row.getCell(column).numFmt = numFmt;
}
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * The quarter/year report in Vietnamese: "Báo cáo SIPAS" (the unit, the period and
 * its counts, then a block per questionnaire version: its SIPAS index with each
 * dimension, then a table per procedure field; no SIPAS pooled across versions) and
 * "Mục tiêu" (the year's targets against the year to date). Cells are typed: real
 * dates, percentages formatted; text needs no formula guard in a typed cell.
 */
export async function writePeriodicReportXlsx(
  report: PeriodicReport,
  targets: TargetProgress,
  folder: string,
): Promise<{ file: string; bytes: number; sha256: string }> {
  const book = new ExcelJS.Workbook();
  book.creator = 'SIPAS Kiosk';
  addReportSheet(book, report);
  addTargetsSheet(book, targets);

  await fs.mkdir(folder, { recursive: true });
  const file = path.join(
    folder,
    `bao-cao-sipas-${report.kind === 'year' ? 'nam' : 'quy'}-${report.from}_${report.to}.xlsx`,
  );
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  const partial = `${file}.partial`;
  await fs.writeFile(partial, bytes, { flush: true });
  await fs.rename(partial, file);
  return { file: path.basename(file), bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function addReportSheet(book: ExcelJS.Workbook, report: PeriodicReport) {
  const sheet = book.addWorksheet('Báo cáo SIPAS');
  const bold = (cells: unknown[]) => {
    const row = sheet.addRow(cells);
    row.font = { bold: true };
    return row;
  };
  const title = report.kind === 'year' ? 'BÁO CÁO CHỈ SỐ HÀI LÒNG (SIPAS) NĂM' : 'BÁO CÁO CHỈ SỐ HÀI LÒNG (SIPAS) QUÝ';
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.addRow(['Đơn vị', report.unit.name, 'Mã', report.unit.code]);
  format(
    sheet.addRow(['Từ ngày', calendarDate(report.from), 'Đến ngày', calendarDate(report.to)]),
    [2, 4],
    DATE_FORMAT,
  );
  sheet.addRow(counts(report.responses));
  if (report.byQuestionnaire.length === 0) sheet.addRow(['Không có phiếu nào trong kỳ.']);
  for (const section of report.byQuestionnaire) {
    sheet.addRow([]);
    sheet.addRow([questionnaireLabel(section.questionnaire)]).font = { bold: true, size: 12 };
    sheet.addRow(counts(section.responses));
    bold(['Yếu tố', 'Chỉ số hài lòng (%)', 'Điểm trung bình', 'Số câu trả lời']);
    const sipas = bold([
      sipasLabel(section.score.coverage),
      pct(section.score.index),
      section.score.mean,
      section.score.answers,
    ]);
    format(sipas, [2], PERCENT_FORMAT);
    format(sipas, [3], '0.00');
    for (const id of dimensionIds) {
      const d = section.score.dimensions.find((s) => s.dimension === id);
      const row = sheet.addRow([
        dimensionName(id, 'vi', 'long'),
        pct(d?.index ?? null),
        d?.mean ?? null,
        d?.answers ?? 0,
      ]);
      format(row, [2], PERCENT_FORMAT);
      format(row, [3], '0.00');
    }
    sheet.addRow([]);
    bold([
      'Lĩnh vực',
      RESPONSE_COUNT_LABELS.vi.counted,
      'Chỉ số SIPAS (%)',
      `Số yếu tố (trên ${DIMENSION_COUNT})`,
      ...dimensionIds.map((d) => dimensionName(d, 'vi', 'long')),
    ]);
    for (const row of section.byField) {
      const added = sheet.addRow([
        row.name || 'Không ghi lĩnh vực',
        row.counted,
        pct(row.index),
        coverageLabel(row.coverage),
        ...dimensionIds.map((d) => pct(row.dimensions[d] ?? null)),
      ]);
      format(added, [3, ...range(5, 4 + dimensionIds.length)], PERCENT_FORMAT);
    }
  }
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 44 : 18));
}

const STATUS: Record<TargetProgress['sipas']['status'], string> = {
  met: 'Đạt',
  at_risk: 'Có nguy cơ không đạt',
  missed: 'Không đạt',
  no_data: 'Chưa có dữ liệu',
};

/** "Mục tiêu": the plan's targets against the year to date, the trend by month, the weakest criteria and fields. */
function addTargetsSheet(book: ExcelJS.Workbook, progress: TargetProgress) {
  const sheet = book.addWorksheet('Mục tiêu');
  const bold = (cells: unknown[]) => (sheet.addRow(cells).font = { bold: true });
  sheet.addRow([`MỤC TIÊU KẾ HOẠCH NĂM ${progress.year}`]).font = { bold: true, size: 14 };
  format(sheet.addRow(['Lũy kế từ đầu năm đến ngày', calendarDate(progress.asOf)]), [2], DATE_FORMAT);
  if (progress.isDefault) sheet.addRow(['Chưa đặt mục tiêu cho năm này: đang dùng mức mặc định của kế hoạch.']);
  sheet.addRow(
    progress.questionnaire
      ? [
          'Bộ câu hỏi',
          `${progress.questionnaire.title} (phiên bản ${progress.questionnaire.version})`,
          'Phiếu được tính',
          progress.counted,
        ]
      : ['Chưa có bộ câu hỏi đang dùng.'],
  );

  const { targets } = progress;
  const rows: Array<[string, TargetProgress['sipas']]> = [
    ['Chỉ số hài lòng SIPAS', progress.sipas],
    ...progress.dimensions.map((d): [string, TargetProgress['sipas']] => [`Yếu tố: ${dimensionText(d.dimension)}`, d]),
    [`Lĩnh vực được đánh giá tốt (${progress.fieldsGood.good}/${progress.fieldsGood.fields})`, progress.fieldsGood],
    [`Đánh giá thấp được xử lý trong ${targets.handleWithinDays} ngày làm việc`, progress.handledOnTime],
    [`Người dân được gọi lại trong ${targets.callBackWithinDays} ngày làm việc`, progress.calledBackOnTime],
  ];
  sheet.addRow([]);
  bold(['Chỉ tiêu', 'Mục tiêu (≥ %)', 'Lũy kế năm (%)', 'Chênh lệch', 'Tháng này (%)', 'Tình trạng']);
  for (const [label, figure] of rows) {
    const row = sheet.addRow([
      label,
      figure.target,
      pct(figure.value),
      pct(figure.gap),
      pct(figure.month),
      STATUS[figure.status],
    ]);
    format(row, [2, 3, 5], PERCENT_FORMAT);
    format(row, [4], GAP_FORMAT);
    if (figure.status === 'at_risk' || figure.status === 'missed') row.getCell(6).font = { bold: true };
  }

  sheet.addRow([]);
  bold(['Diễn biến theo tháng']);
  bold(['Tháng', 'Số phiếu', 'SIPAS (%)', ...dimensionIds.map((id) => `${dimensionName(id, 'vi', 'short')} (%)`)]);
  for (const month of progress.trend) {
    const row = sheet.addRow([
      calendarDate(`${month.month}-01`),
      month.counted,
      pct(month.sipas),
      ...dimensionIds.map((id) => pct(month.dimensions[id] ?? null)),
    ]);
    format(row, [1], MONTH_FORMAT);
    format(row, range(3, 3 + dimensionIds.length), PERCENT_FORMAT);
  }

  sheet.addRow([]);
  bold(['Tiêu chí thấp nhất', 'Chỉ số (%)', 'Số câu trả lời']);
  if (progress.weakestItems.length === 0) sheet.addRow(['Chưa có dữ liệu.']);
  for (const item of progress.weakestItems)
    format(
      sheet.addRow([`${dimensionText(item.dimension)} (${item.item})`, pct(item.index), item.answers]),
      [2],
      PERCENT_FORMAT,
    );

  sheet.addRow([]);
  bold(['Lĩnh vực thấp nhất', 'Chỉ số (%)', 'Số phiếu']);
  if (progress.weakestFields.length === 0) sheet.addRow(['Chưa có dữ liệu.']);
  for (const field of progress.weakestFields)
    format(sheet.addRow([field.name, pct(field.index), field.counted]), [2], PERCENT_FORMAT);

  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 52 : 16));
}
