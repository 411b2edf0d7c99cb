import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { composeApp, type App } from '../../src/app/composeApp';
import { silentLogger } from '../../src/node/logger';
import { localDayOf } from '../../src/domain/localDay';
import { TODAY, useExportApps } from '../support/exportApp';
import { useTempDirs } from '../support/tempDir';

const tempDir = useTempDirs();
const apps: App[] = [];
afterEach(() => apps.splice(0).forEach((a) => a.close()));
const { seeded } = useExportApps(tempDir);

const PERCENT = '0.0"%"';

async function start() {
  const app = await composeApp({ dataDir: tempDir(), logger: silentLogger, demo: true });
  apps.push(app);
  const call = async (name: string, input: unknown, token?: string) => {
    const envelope = await app.dispatch(name, input, { local: true, token: token ?? null });
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.value as any;
  };
  return { app, call };
}

/** Every row of a sheet as its values from column A, with the row itself. */
function rowsOf(sheet: ExcelJS.Worksheet) {
  const rows: Array<{ values: unknown[]; row: ExcelJS.Row }> = [];
  sheet.eachRow((row) => rows.push({ values: (row.values as unknown[]).slice(1), row }));
  return rows;
}
const rowLabelled = (sheet: ExcelJS.Worksheet, label: string | RegExp) => {
  const found = rowsOf(sheet).find(({ values }) =>
    typeof label === 'string' ? values[0] === label : typeof values[0] === 'string' && label.test(values[0]),
  );
  if (!found) throw new Error(`no row ${String(label)}`);
  return found;
};

describe('the periodic report XLSX for people', () => {
  it('has the year\u2019s targets in a "Mục tiêu" sheet, real dates and percent-formatted cells', async () => {
    const { app, call } = await start();
    const token = (await call('signIn', { officer: 'qtv', pin: '9999' })).token as string;
    const today = localDayOf(Date.now());
    const year = Number(today.slice(0, 4));
    // Four dissatisfied citizens and one satisfied: 20 % against a target of 85 %.
    for (let n = 0; n < 5; n += 1) {
      await call('submitResponse', {
        id: `00000000-0000-4000-8000-0000000002${String(n).padStart(2, '0')}`,
        questionnaire: { id: 'sipas-quick', version: 1 },
        language: 'vi',
        durationMs: 30_000 + n * 1000,
        status: 'completed',
        // Low answers differ from one response to the next, or the misuse filter would flag them as repeats.
        answers:
          n === 0
            ? ['access', 'procedure', 'officer'].map((item) => ({ item, score: 5 }))
            : [
                { item: 'access', score: 1 },
                { item: 'procedure', score: 1 + (n % 2) },
                { item: 'officer', score: n > 2 ? 2 : 1 },
              ],
        context: { field: 'ho-tich' },
      });
    }
    const targets = {
      year,
      sipas: 85,
      dimensions: { access: 80, procedure: 80, officer: 80, result: 80, feedback: 80 },
      fieldsGoodShare: 80,
      handleWithinDays: 10,
      callBackWithinDays: 3,
      alertMinResponses: 5,
    };
    await call('saveTargets', targets, token);
    const progress = await call('targetProgress', { year }, token);
    expect(progress.questionnaire).toMatchObject({ id: 'sipas-quick', version: 1 });
    expect(progress.counted).toBe(5);

    const written = await call('exportPeriodicReport', { kind: 'quarter', of: today }, token);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(app.dataDir, 'exports', written.file));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Báo cáo SIPAS', 'Mục tiêu']);

    const goals = book.getWorksheet('Mục tiêu')!;
    expect(goals.getCell('A1').value).toBe(`MỤC TIÊU KẾ HOẠCH NĂM ${year}`);
    const asOf = rowLabelled(goals, 'Lũy kế từ đầu năm đến ngày').row.getCell(2);
    expect(asOf.value).toEqual(new Date(`${today}T00:00:00.000Z`));
    expect(asOf.numFmt).toBe('dd/mm/yyyy');
    // Year to date against the target, the gap in points, this month, the status in words.
    const sipas = rowLabelled(goals, 'Chỉ số hài lòng SIPAS');
    expect(sipas.values).toEqual(['Chỉ số hài lòng SIPAS', 85, 20, -65, 20, 'Có nguy cơ không đạt']);
    expect([2, 3, 5].map((c) => sipas.row.getCell(c).numFmt)).toEqual([PERCENT, PERCENT, PERCENT]);
    expect(sipas.row.getCell(4).numFmt).toBe('+0.0"%";-0.0"%";0.0"%"');
    expect(rowLabelled(goals, 'Yếu tố: Tiếp cận dịch vụ hành chính công').values.slice(1, 3)).toEqual([80, 20]);
    expect(rowLabelled(goals, /^Đánh giá thấp được xử lý trong 10 ngày làm việc/).values[1]).toBe(100);
    expect(rowLabelled(goals, 'Hộ tịch').values).toEqual(['Hộ tịch', 20, 5]);

    const report = book.getWorksheet('Báo cáo SIPAS')!;
    const from = rowLabelled(report, 'Từ ngày').row;
    expect(from.getCell(2).value).toBeInstanceOf(Date);
    expect(from.getCell(2).numFmt).toBe('dd/mm/yyyy');
    const reportSipas = rowLabelled(report, 'Chỉ số SIPAS (3/5 yếu tố)');
    expect(reportSipas.values[1]).toBe(20);
    expect(reportSipas.row.getCell(2).numFmt).toBe(PERCENT);
  }, 30_000);

  it('the export\u2019s summary sheet: indices formatted as percentages, each questionnaire\u2019s title in bold', async () => {
    const { exportBatch, fileOf } = await seeded();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(fileOf(await exportBatch({ period: TODAY, format: 'xlsx' })));
    const summary = book.getWorksheet('Tổng hợp')!;
    const title = rowLabelled(summary, /^Bảng hỏi/).row;
    expect(title.getCell(1).font?.bold).toBe(true);
    const header = rowLabelled(summary, 'Yếu tố');
    expect(header.values[1]).toBe('Chỉ số hài lòng (%)');
    const sipas = rowLabelled(summary, /^Chỉ số SIPAS/);
    expect(typeof sipas.values[1]).toBe('number');
    expect(sipas.row.getCell(2).numFmt).toBe(PERCENT);
    // The counts above the table stay plain numbers.
    expect(rowLabelled(summary, 'Số phiếu').row.getCell(2).numFmt).not.toBe(PERCENT);
  }, 30_000);
});
