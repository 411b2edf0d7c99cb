import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { createAuditStore } from '../../db/auditStore';
import { openDatabase } from '../../db/openDatabase';
import { createSettingsStore } from '../../db/settingsStore';
import { createSurveyStore } from '../../db/surveyStore';
import { DATABASE_FILE } from '../../src/app/composeApp';
import { composeExports } from '../../src/app/composeExports';
import { silentLogger } from '../../src/node/logger';
import { CONSENT_VERSION } from '../../src/domain/kioskSettings';
import { csvRecord, neutralise } from '../../src/services/exportTable';
import { seedResponses } from '../bench/seed';
import {
  HEADER,
  HYPERLINK,
  parseCsv,
  PERSONAL,
  sha256,
  sleep,
  TODAY,
  useExportApps,
  uuid,
  VIETNAMESE,
} from '../support/exportApp';
import { frozenClock } from '../support/fakes';
import { independentScore } from '../support/independentScore';
import { startHost } from '../support/runningHost';
import { useTempDirs } from '../support/tempDir';
import { localIso } from '../../src/node/exportPeople';

const tempDir = useTempDirs();
const { seeded, exportApp } = useExportApps(tempDir);

describe('survey batch export', () => {
  it('CSV: BOM, CRLF, RFC 4180 quoting, one column per item, KYK, neutralised formulas, no personal data', async () => {
    const { exportBatch, fileOf, at } = await seeded();
    const status = await exportBatch({ period: TODAY, format: 'csv' });
    expect(status).toMatchObject({
      state: 'done',
      done: 3,
      total: 3,
      batch: { responses: 3, personalData: false, from: '2026-11-30', to: '2026-11-30' },
    });
    const bytes = fs.readFileSync(fileOf(status));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n').every((line) => !line.includes('\n') || line.includes('"'))).toBe(true);
    const rows = parseCsv(text);
    expect(rows).toEqual([
      HEADER,
      // Times for machines: ISO 8601 with the +07:00 offset (issue 13).
      [
        uuid(2),
        '2026-11-30',
        localIso(at(1)),
        'test-mixed',
        '2',
        'vi',
        'completed',
        '',
        'Q1',
        'nv01',
        'ho-tich',
        '5',
        '3',
        'KYK',
        '',
        VIETNAMESE,
      ],
      [
        uuid(3),
        '2026-11-30',
        localIso(at(2)),
        'test-mixed',
        '2',
        'en',
        'completed',
        '',
        '',
        '',
        '',
        '1',
        '1',
        '',
        'feedback:no-answer',
        `'${HYPERLINK}`,
      ],
      [
        uuid(4),
        '2026-11-30',
        localIso(at(3)),
        'test-mixed',
        '2',
        'vi',
        'abandoned',
        '',
        '',
        '',
        '',
        '3',
        '',
        '',
        '',
        "'-2 điểm vì chờ lâu",
      ],
    ]);
    expect(text).not.toContain('0912345678');
    expect(text).not.toContain(CONSENT_VERSION);
  });

  it('XLSX: a summary sheet scored from the batch and a responses sheet, cell by cell, numbers as numbers', async () => {
    const { exportBatch, fileOf, at } = await seeded();
    const status = await exportBatch({ period: TODAY, format: 'xlsx' });
    expect(status.state).toBe('done');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(fileOf(status));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Phiếu trả lời']);
    expect(workbook.created?.toISOString()).toBe(status.batch.createdAt.replace(/\.\d{3}Z$/, '.000Z'));

    // The responses sheet is for people (issue 13; cell by cell in tests/integration/officeExports.test.ts).
    const sheet = workbook.getWorksheet('Phiếu trả lời')!;
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(sheet.rowCount).toBe(4);
    const scores = (r: number) => values(r).slice(13, 16);
    expect([2, 3, 4].map(scores)).toEqual([
      [5, 3, 'Không ý kiến'],
      [1, 1, undefined],
      [3, undefined, undefined],
    ]);
    expect([2, 3, 4].map((r) => values(r).at(-1))).toEqual([VIETNAMESE, HYPERLINK, '-2 điểm vì chờ lâu']);
    expect((values(2)[2] as Date).toISOString()).toBe(new Date(Date.parse(at(1)) + 7 * 3_600_000).toISOString());

    // The summary, against the formulas computed a second way over the counted responses (2 and 3).
    const summary = workbook.getWorksheet('Tổng hợp')!;
    const byLabel = new Map<string, unknown[]>();
    summary.eachRow((row) => {
      const [, label, ...rest] = row.values as unknown[];
      if (typeof label === 'string') byLabel.set(label, rest);
    });
    const expected = independentScore([
      [
        { item: 'access', points: 5, score: 5 },
        { item: 'officer.1', points: 3, score: 3 },
        { item: 'feedback', points: 5, score: null },
      ],
      [
        { item: 'access', points: 5, score: 1 },
        { item: 'officer.1', points: 3, score: 1 },
      ],
    ]);
    // The one set of count names (src/domain/responseCounts.ts).
    expect(byLabel.get('Số phiếu')).toEqual([3]);
    expect(byLabel.get('Phiếu hợp lệ')).toEqual([2]);
    expect(byLabel.get('Phiếu nghi vấn')).toEqual([0]);
    expect(byLabel.get('Phiếu bỏ dở')).toEqual([1]);
    expect(byLabel.has('Bảng hỏi: Phiếu thử (test-mixed, phiên bản 2)')).toBe(true);
    // Only "no opinion" on feedback and no result item: a SIPAS over two dimensions, which says so.
    const sipas = byLabel.get('Chỉ số SIPAS (2/5 yếu tố)')!;
    expect(sipas[0]).toBeCloseTo(expected.index!, 9);
    expect(sipas[1]).toBeCloseTo(expected.mean!, 9);
    expect(sipas.slice(2)).toEqual([4, 1, 1, 0, 0, 2]); // answers, then points 1..5 (3-point 1 and 3 map to 2 and 5)
    // The dimensions' names come from src/domain/dimensions.ts, not from the questionnaire.
    expect(byLabel.get('Tiếp cận dịch vụ hành chính công')?.slice(0, 3)).toEqual([
      expected.dimensions.get('access')!.index,
      expected.dimensions.get('access')!.mean,
      2,
    ]);
    expect(byLabel.get('Công chức trực tiếp giải quyết công việc')?.slice(0, 3)).toEqual([
      expected.dimensions.get('officer')!.index,
      expected.dimensions.get('officer')!.mean,
      2,
    ]);
    expect(byLabel.get('Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị')?.[2]).toBe(0); // only "no opinion" answers: nothing to score
  });

  it('JSON: schema-versioned, one response per line, and it parses as one document', async () => {
    const { exportBatch, fileOf } = await seeded();
    const status = await exportBatch({ period: TODAY, format: 'json' });
    const text = fs.readFileSync(fileOf(status), 'utf8');
    const lines = text.split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^\{"schema":"sipas\.export\.v1",.*"responses":\[$/);
    expect(lines.slice(4)).toEqual([']}', '']);
    const document = JSON.parse(text);
    expect(document.batch).toEqual({
      id: status.batch.id,
      createdAt: status.batch.createdAt,
      createdBy: 'qtv',
      from: '2026-11-30',
      to: '2026-11-30',
      responses: 3,
      personalData: false,
    });
    expect(document.responses.map((r: any) => r.id)).toEqual([uuid(2), uuid(3), uuid(4)]);
    expect(JSON.parse(lines[2]!.replace(/,$/, ''))).toMatchObject({
      id: uuid(3),
      comment: HYPERLINK,
      reasons: [{ dimension: 'feedback', reason: 'no-answer' }],
    });
    expect(document.responses[0].answers).toEqual([
      { item: 'access', points: 5, score: 5 },
      { item: 'feedback', points: 5, score: null },
      { item: 'officer.1', points: 3, score: 3 },
    ]);
    expect(document.responses[0]).not.toHaveProperty('personal');
  });

  it('the summary scores each questionnaire version on its own, never pooled (XLSX and JSON)', async () => {
    const { exportBatch, fileOf, call, signIn, submit, clock } = await exportApp();
    const quick = {
      schema: 'sipas.questionnaire.v1',
      id: 'test-quick',
      version: 1,
      title: { vi: 'Phiếu nhanh', en: 'Quick form' },
      dimensions: [
        {
          id: 'access',
          title: { vi: 'Tiếp cận', en: 'Access' },
          items: [{ id: 'access', text: { vi: 'Nơi tiếp đón?', en: 'Reception?' } }],
        },
      ],
    };
    await call('importQuestionnaire', { definition: quick }, await signIn());
    clock.set('2026-11-30T02:00:00.000Z');
    // Nine quick-form answers of 2, one response to the other form with every rating at the top.
    for (let n = 1; n <= 9; n += 1) {
      clock.advance(5 * 60_000);
      await call('submitResponse', {
        id: uuid(n),
        questionnaire: { id: 'test-quick', version: 1 },
        language: 'vi',
        durationMs: 30_000,
        status: 'completed',
        answers: [{ item: 'access', score: 2 }],
      });
    }
    await submit(10, [
      ['access', 5],
      ['officer.1', 3],
      ['feedback', 5],
    ]);

    const json = JSON.parse(fs.readFileSync(fileOf(await exportBatch({ period: TODAY, format: 'json' })), 'utf8'));
    expect(json.summary.responses).toEqual({ responses: 10, counted: 10, suspect: 0, abandoned: 0 });
    expect(json.summary).not.toHaveProperty('score');
    const sections = json.summary.byQuestionnaire.map((s: any) => [
      s.questionnaire.id,
      s.responses.counted,
      s.score.index,
      s.score.coverage,
    ]);
    expect(sections).toEqual([
      ['test-mixed', 1, 100, 3],
      ['test-quick', 9, 0, 1], // 0 %: nine of nine dissatisfied, never 83.3 % pooled with the other form
    ]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(fileOf(await exportBatch({ period: TODAY, format: 'xlsx' })));
    const rows: unknown[][] = [];
    workbook.getWorksheet('Tổng hợp')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const at = (label: string) => rows.findIndex((r) => r[0] === label);
    const mixed = at('Bảng hỏi: Phiếu thử (test-mixed, phiên bản 2)');
    const quickAt = at('Bảng hỏi: Phiếu nhanh (test-quick, phiên bản 1)');
    expect(mixed).toBeGreaterThan(0);
    expect(quickAt).toBeGreaterThan(mixed);
    expect(rows[mixed + 3]!.slice(0, 2)).toEqual(['Chỉ số SIPAS (3/5 yếu tố)', 100]);
    expect(rows[quickAt + 1]).toEqual([
      'Phiếu của bảng hỏi này',
      'Số phiếu',
      9,
      'Phiếu hợp lệ',
      9,
      'Phiếu nghi vấn',
      0,
      'Phiếu bỏ dở',
      0,
    ]);
    expect(rows[quickAt + 3]!.slice(0, 2)).toEqual(['Chỉ số SIPAS (1/5 yếu tố)', 0]);
    expect(rows[quickAt + 4]!.slice(0, 4)).toEqual(['Tiếp cận dịch vụ hành chính công', 0, 2, 9]);
  });

  it('personal data only when asked, and the choice is in the audit log', async () => {
    const { exportBatch, fileOf, call, signIn, app } = await seeded();
    const plain = await exportBatch({ period: TODAY, format: 'csv' });
    const personal = await exportBatch({ period: TODAY, format: 'csv', includePersonalData: true });
    expect(personal.batch.personalData).toBe(true);
    const db = new Database(app.databaseFile, { readonly: true });
    const { case_code_hash: hash, consent_at: consentAt } = db
      .prepare(
        'SELECT case_code_hash, consent_at FROM responses r JOIN response_personal p ON p.response_id = r.id WHERE r.id = ?',
      )
      .get(uuid(2)) as any;
    db.close();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const rows = parseCsv(fs.readFileSync(fileOf(personal), 'utf8').slice(1));
    expect(rows[0]).toEqual([...HEADER, ...PERSONAL]);
    expect(rows[1]!.slice(-4)).toEqual(['0912345678', CONSENT_VERSION, localIso(consentAt), hash]);
    expect(rows[2]!.slice(-4)).toEqual(['', '', '', '']);
    expect(fs.readFileSync(fileOf(plain), 'utf8')).not.toContain(hash);

    const audit = (await call('auditLog', {}, await signIn())).filter((e: any) => e.action === 'export.batch');
    expect(audit.map((e: any) => [e.officer, e.target, e.after.personalData])).toEqual([
      ['qtv', personal.batch.id, true],
      ['qtv', plain.batch.id, false],
    ]);
  });

  it('a manifest beside each file holds its SHA-256; a re-export writes the same bytes', async () => {
    const { exportBatch, reexport, fileOf, call, signIn, dataDir } = await seeded();
    for (const format of ['csv', 'json', 'xlsx']) {
      const status = await exportBatch({ period: TODAY, format });
      const file = fileOf(status);
      const manifest = JSON.parse(fs.readFileSync(`${file}.manifest.json`, 'utf8'));
      expect(manifest).toMatchObject({
        batchId: status.batch.id,
        format,
        period: { from: '2026-11-30', to: '2026-11-30' },
        responses: 3,
        personalData: false,
        createdBy: 'qtv',
        createdAt: status.batch.createdAt,
        exportSchema: 'sipas.export.v1',
        appVersion: expect.any(String),
        databaseSchemaVersion: expect.any(Number),
      });
      expect(manifest.sha256).toBe(sha256(file));
      expect(status.batch.sha256).toBe(manifest.sha256);
      const before = fs.readFileSync(file);
      fs.rmSync(file);
      // zip entries carry a time to two seconds: the system clock is moved past it (not waited for), so only pinned dates can match.
      if (format === 'xlsx') vi.setSystemTime(Date.now() + 2_100);
      const again = await reexport(status.batch.id).finally(() => vi.useRealTimers());
      expect(again).toMatchObject({ state: 'done', identical: true, batch: { id: status.batch.id } });
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    }
    expect((await call('listExportBatches', {}, await signIn())).map((b: any) => b.format)).toEqual([
      'xlsx',
      'json',
      'csv',
    ]);
    expect(fs.readdirSync(path.join(dataDir, 'exports')).filter((f) => f.endsWith('.partial'))).toEqual([]);
  }, 30_000);

  it('a re-export after retention erased comments is written, and says it is not identical', async () => {
    const { exportBatch, reexport, fileOf, app } = await seeded();
    const status = await exportBatch({ period: TODAY, format: 'csv' });
    const db = new Database(app.databaseFile);
    db.prepare('UPDATE response_personal SET comment = NULL').run();
    db.close();
    const again = await reexport(status.batch.id);
    expect(again).toMatchObject({ state: 'done', identical: false });
    expect(fs.readFileSync(fileOf(status), 'utf8')).not.toContain('HYPERLINK');
    const manifest = JSON.parse(fs.readFileSync(`${fileOf(status)}.manifest.json`, 'utf8'));
    expect(manifest).toMatchObject({ sha256: sha256(fileOf(status)), recordedSha256: status.batch.sha256 });
  });

  it('since the last batch: only what arrived after it', async () => {
    const { exportBatch, submit, fileOf, raw, signIn } = await seeded();
    const first = await exportBatch({ period: { sinceLast: true }, format: 'json' });
    expect(first.batch).toMatchObject({ responses: 4, from: '2026-11-29', to: '2026-11-30' });
    const none = await raw('startExport', { period: { sinceLast: true }, format: 'json' }, await signIn());
    expect(none).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await submit(5, [
      ['access', 2],
      ['officer.1', 2],
    ]);
    await submit(6, [
      ['access', 4],
      ['officer.1', 3],
    ]);
    const second = await exportBatch({ period: { sinceLast: true }, format: 'json' });
    const ids = JSON.parse(fs.readFileSync(fileOf(second), 'utf8')).responses.map((r: any) => r.id);
    expect(ids).toEqual([uuid(5), uuid(6)]);
  });

  it('a cancelled export leaves no file, no manifest and no batch', async () => {
    const { call, signIn, dataDir } = await seeded();
    const admin = await signIn();
    const { jobId } = await call('startExport', { period: TODAY, format: 'xlsx' }, admin);
    expect((await call('cancelExport', { jobId }, admin)).state).not.toBe('failed');
    let status;
    do {
      await sleep(5);
      status = await call('exportStatus', { jobId }, admin);
    } while (status.state === 'running');
    expect(status.state).toBe('cancelled');
    expect(fs.readdirSync(path.join(dataDir, 'exports'))).toEqual([]);
    expect(await call('listExportBatches', {}, admin)).toEqual([]);
  });
});

describe('cells a spreadsheet could run', () => {
  it('text starting with = + - @ tab or CR gets an apostrophe; other text and numbers do not', () => {
    for (const text of ['=1+1', '+84912345678', '-2+3', '@SUM(A1)', '\tx', '\r=1'])
      expect(neutralise(text)).toBe(`'${text}`);
    for (const text of ['Cán bộ tận tình', "'=already", ' =spaced', '2026-11-30']) expect(neutralise(text)).toBe(text);
    expect(csvRecord(['a,b', 'say "hi"', 'line\nbreak', 5, null, ''])).toBe('"a,b","say ""hi""","line\nbreak",5,,\r\n');
  });
});

describe('exports over a large database', () => {
  async function bigExports(count: number, dir: string) {
    const file = path.join(tempDir(), DATABASE_FILE);
    seedResponses(file, count);
    const db = openDatabase(file);
    const survey = createSurveyStore(db, createSettingsStore(db));
    const service = composeExports({
      db,
      dir,
      questionnaire: (ref) => survey.questionnaire(ref),
      audit: createAuditStore(db),
      clock: frozenClock(),
      logger: silentLogger,
    });
    return { db, service };
  }

  it('cancelled mid-stream: the partial file is removed and nothing is recorded', async () => {
    const dir = tempDir();
    const { db, service } = await bigExports(20_000, dir);
    let seen = 0;
    const { jobId } = service.start(
      { period: { sinceLast: true }, format: 'xlsx', includePersonalData: false },
      { officer: 'qtv' },
      {
        onProgress: (done) => {
          seen = done;
          if (done >= 3_000) service.cancel({ jobId });
        },
      },
    );
    expect(fs.readdirSync(dir)).toEqual([]);
    const status = await service.settled(jobId);
    expect(status).toMatchObject({ state: 'cancelled', done: 3_000, total: 20_000 });
    expect(seen).toBe(3_000);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(service.list()).toEqual([]);
    db.close();
  });

  it('a failed export says so, leaves no file and records nothing', async () => {
    const blocked = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(blocked, '');
    const { db, service } = await bigExports(100, blocked);
    const status = await service.settled(
      service.start({ period: TODAY, format: 'csv', includePersonalData: false }, { officer: 'qtv' }).jobId,
    );
    expect(status).toMatchObject({ state: 'failed', error: 'the export failed; the details are in the log' });
    expect(service.list()).toEqual([]);
    db.close();
  });
});

describe('export input and roles over HTTP', () => {
  it('answers 400 naming the field, and 403 to staff', async () => {
    const running = await startHost(tempDir());
    try {
      const auth = { authorization: `Bearer ${await running.signIn('qtv', '9999')}` };
      const reversed = await running.post(
        'startExport',
        { period: { from: '2026-03-31', to: '2026-01-01' }, format: 'csv' },
        auth,
      );
      expect(reversed).toMatchObject({
        status: 400,
        body: { ok: false, error: { code: 'bad_input', message: expect.stringContaining('period.to') } },
      });
      const unknown = await running.post(
        'startExport',
        { period: { from: '2026-01-01', to: '2026-03-31' }, format: 'pdf' },
        auth,
      );
      expect(unknown).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/^format: /) } } });
      const staff = { authorization: `Bearer ${await running.signIn('nv01', '1111')}` };
      expect((await running.post('listExportBatches', {}, staff)).status).toBe(403);
    } finally {
      await running.stop();
    }
  });
});

describe('npm run cli -- export', () => {
  it('writes the batch to --out, prints progress and the manifest path, and records cli:<user>', async () => {
    const { dataDir, app } = await seeded();
    app.close();
    const out = path.join(tempDir(), 'quy-4.xlsx');
    const run = (args: string[]) =>
      spawnSync(
        process.execPath,
        ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts', 'export', '--data', dataDir, ...args],
        { encoding: 'utf8' },
      );
    const result = run(['--from', '2026-11-01', '--to', '2026-11-30', '--format', 'xlsx', '--out', out]);
    expect(result.stderr).toMatch(/export: 4 \/ 4 responses \(100%\)/);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(`${out}.manifest.json`);
    const manifest = JSON.parse(fs.readFileSync(`${out}.manifest.json`, 'utf8'));
    expect(manifest).toMatchObject({
      responses: 4,
      format: 'xlsx',
      personalData: false,
      createdBy: `cli:${os.userInfo().username}`,
      sha256: sha256(out),
    });

    const bad = run(['--from', '2026-12-01', '--to', '2026-11-01', '--format', 'csv']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('period.to');
  }, 60_000);
});
