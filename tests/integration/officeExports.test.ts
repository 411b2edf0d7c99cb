import { createHash } from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { HYPERLINK, parseCsv, sha256, TODAY, useExportApps, uuid, VIETNAMESE } from '../support/exportApp';
import { useTempDirs } from '../support/tempDir';

const tempDir = useTempDirs();
const { seeded } = useExportApps(tempDir);

describe('papers people can read', () => {
  it('XLSX: Vietnamese headers, names beside codes, typed local dates, no formula guard, frozen header, widths', async () => {
    const { exportBatch, fileOf } = await seeded();
    const status = await exportBatch({ period: TODAY, format: 'xlsx', includePersonalData: true });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(fileOf(status));
    const sheet = workbook.getWorksheet('Phiếu trả lời')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 13)).toEqual([
      'Mã phiếu',
      'Ngày',
      'Thời điểm gửi',
      'Bộ câu hỏi',
      'Ngôn ngữ',
      'Loại phiếu',
      'Dấu hiệu nghi vấn',
      'Mã quầy',
      'Tên quầy',
      'Mã cán bộ',
      'Tên cán bộ',
      'Mã lĩnh vực',
      'Tên lĩnh vực',
    ]);
    expect(header).toContain('Nơi tiếp đón? (access)');
    expect(header).toContain('Thái độ công chức? (officer.1, thang 3)');
    expect(header).toContain('Góp ý');
    expect(header).toContain('Số điện thoại');
    expect(header.some((h) => typeof h === 'string' && /^(response_id|item:|submitted_at)/.test(h))).toBe(false);

    const column = (name: string) => header.indexOf(name) + 1;
    const row2 = sheet.getRow(2);
    expect(row2.getCell(column('Mã phiếu')).value).toBe(uuid(2));
    // Names beside codes.
    expect(row2.getCell(column('Mã cán bộ')).value).toBe('nv01');
    expect(row2.getCell(column('Tên cán bộ')).value).toEqual(expect.stringMatching(/\p{L}+ \p{L}+/u));
    expect(row2.getCell(column('Mã lĩnh vực')).value).toBe('ho-tich');
    expect(row2.getCell(column('Loại phiếu')).value).toBe('Phiếu hợp lệ');
    expect(row2.getCell(column('Ngôn ngữ')).value).toBe('Tiếng Việt');
    expect(row2.getCell(column('Xử lý góp ý? (feedback)')).value).toBe('Không ý kiến');

    // Dates are date cells, on the Vietnamese wall clock: submitted 02:05 UTC is 09:05 local.
    const submitted = row2.getCell(column('Thời điểm gửi'));
    expect(submitted.type).toBe(ExcelJS.ValueType.Date);
    expect(submitted.numFmt).toBe('dd/mm/yyyy hh:mm');
    expect((submitted.value as Date).toISOString()).toBe('2026-11-30T09:05:00.000Z');
    const day = row2.getCell(column('Ngày'));
    expect(day.type).toBe(ExcelJS.ValueType.Date);
    expect(day.numFmt).toBe('dd/mm/yyyy');
    expect((day.value as Date).toISOString()).toBe('2026-11-30T00:00:00.000Z');

    // Typed cells need no guard: the comment reads exactly as typed.
    const comments = [2, 3, 4].map((r) => sheet.getRow(r).getCell(column('Góp ý')).value);
    expect(comments).toEqual([VIETNAMESE, HYPERLINK, '-2 điểm vì chờ lâu']);
    expect(comments.some((c) => typeof c === 'string' && c.startsWith("'"))).toBe(false);
    expect(sheet.getRow(3).getCell(column('Lý do chưa hài lòng')).value).toBe('Góp ý không được trả lời');
    expect(sheet.getRow(4).getCell(column('Loại phiếu')).value).toBe('Phiếu bỏ dở');

    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(column('Góp ý')).width).toBe(50);
    expect(sheet.getColumn(column('Mã phiếu')).width).toBe(38);
  }, 30_000);

  it('CSV stays for machines: stable keys, ISO times with +07:00, the formula guard kept', async () => {
    const { exportBatch, fileOf } = await seeded();
    const status = await exportBatch({ period: TODAY, format: 'csv' });
    const rows = parseCsv(fs.readFileSync(fileOf(status), 'utf8').slice(1));
    expect(rows[0]?.slice(0, 3)).toEqual(['response_id', 'local_day', 'submitted_at']);
    expect(rows[1]?.[2]).toBe('2026-11-30T09:05:00.000+07:00');
    expect(rows[2]?.at(-1)).toBe(`'${HYPERLINK}`);
    expect(status.batch.sha256).toBe(sha256(fileOf(status)));
  }, 30_000);

  it('downloads an export, its manifest and a backup in chunks with the SHA-256 to check; audited; admins only', async () => {
    const { exportBatch, call, raw, signIn } = await seeded();
    const status = await exportBatch({ period: TODAY, format: 'xlsx' });
    const admin = await signIn();
    const read = async (kind: string, name: string) => {
      const parts: Buffer[] = [];
      let offset: number | null = 0;
      let sha = '';
      while (offset !== null) {
        const chunk: { chunk: string; next: number | null; sha256: string } = await call(
          'downloadFile',
          { kind, name, offset },
          admin,
        );
        parts.push(Buffer.from(chunk.chunk, 'base64'));
        sha = chunk.sha256;
        offset = chunk.next;
      }
      return { bytes: Buffer.concat(parts), sha };
    };
    const file = await read('export', status.batch.id);
    expect(file.sha).toBe(status.batch.sha256);
    expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(status.batch.sha256);
    const manifest = JSON.parse((await read('exportManifest', status.batch.id)).bytes.toString('utf8'));
    expect(manifest).toMatchObject({ batchId: status.batch.id, sha256: status.batch.sha256 });

    const backup = await call('createBackup', {}, admin);
    const copy = await read('backup', backup.name);
    expect(copy.bytes.length).toBe(backup.bytes);
    expect(createHash('sha256').update(copy.bytes).digest('hex')).toBe(copy.sha);

    expect(await raw('downloadFile', { kind: 'backup', name: '../sipas.sqlite3' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'bad_input' },
    });
    expect(await raw('downloadFile', { kind: 'export', name: 'nope' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const staff = (await call('signIn', { officer: 'nv01', pin: '1111' })).token;
    expect(await raw('downloadFile', { kind: 'export', name: status.batch.id }, staff)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const audit = await call('auditLog', { limit: 10 }, admin);
    expect(audit.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['export.download', 'backup.download']),
    );
  }, 60_000);
});
