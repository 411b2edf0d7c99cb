import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutputOf } from '../../src/contract/operations';
import { auditCsv } from '../../renderer/admin/audit/auditCsv';
import { csvCell } from '../../renderer/admin/audit/csv';
import { ok } from './fakeTransport';
import { openSection } from './adminHarness';

type Entry = OutputOf<'auditLog'>[number];

const entries: Entry[] = [
  {
    id: 2,
    at: '2026-11-30T08:00:00.000Z',
    officer: 'qtv',
    action: 'counter.save',
    target: '=HYPERLINK("http://evil.example","bấm")',
    before: null,
    after: { code: 'Q3', name: 'Quầy 3, "mới"' },
  },
  {
    id: 1,
    at: '2026-11-30T07:00:00.000Z',
    officer: 'qtv',
    action: 'officer.pin_reset',
    target: 'nv01',
    before: null,
    after: { pin: 'changed' },
  },
];

afterEach(() => vi.restoreAllMocks());

describe('admin: audit log', () => {
  it('quotes every cell and defuses spreadsheet formulas', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'a"b', 'ok', null].map(csvCell)).toEqual([
      `"'=1+1"`,
      `"'+1"`,
      `"'-1"`,
      `"'@SUM(A1)"`,
      `"'\tx"`,
      `"'\rx"`,
      '"a""b"',
      '"ok"',
      '""',
    ]);
  });

  it('exports the rows shown as a UTF-8 CSV with a BOM through a download link', async () => {
    const blobs: Blob[] = [];
    // jsdom has no object URLs and no downloads: catch the Blob and the click.
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => (blobs.push(blob), 'blob:audit'),
      revokeObjectURL: () => undefined,
    });
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    const { user } = await openSection('audit', 'Nhật ký', {
      auditLog: () => ok(entries),
      recentSignIns: () => ok([{ officer: 'qtv', at: '2026-11-30T06:59:00.000Z', outcome: 'wrong_pin' }]),
    });
    await screen.findByRole('cell', { name: entries[0]!.target! });
    screen.getByRole('cell', { name: 'Sai mã PIN' });

    await user.click(screen.getByRole('button', { name: 'Xuất CSV' }));
    await screen.findByText('Đã tạo tệp CSV gồm 2 dòng đang hiển thị.');
    expect(clicks).toHaveLength(1);
    expect(clicks[0]!.download).toMatch(/^sipas-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(clicks[0]!.href).toBe('blob:audit');

    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(blobs[0]!.type).toBe('text/csv;charset=utf-8');
    expect(text).toBe(
      '\uFEFF"Số thứ tự","Thời điểm","Người thực hiện","Thao tác","Đối tượng","Trước","Sau"\r\n' +
        `"2","2026-11-30T08:00:00.000Z","qtv","counter.save","'=HYPERLINK(""http://evil.example"",""bấm"")","","{""code"":""Q3"",""name"":""Quầy 3, \\""mới\\""""}"\r\n` +
        `"1","2026-11-30T07:00:00.000Z","qtv","officer.pin_reset","nv01","","{""pin"":""changed""}"\r\n`,
    );
    expect(text).toBe(
      auditCsv(entries, ['Số thứ tự', 'Thời điểm', 'Người thực hiện', 'Thao tác', 'Đối tượng', 'Trước', 'Sau']),
    );
  });

  it('pages back through older entries', async () => {
    const page = Array.from({ length: 100 }, (_, i): Entry => ({
      id: 200 - i,
      at: '2026-11-30T08:00:00.000Z',
      officer: 'qtv',
      action: 'counter.save',
      target: `Q${200 - i}`,
      before: null,
      after: null,
    }));
    const { host, user } = await openSection('audit', 'Nhật ký', {
      auditLog: ({ before }) => ok(before ? entries : page),
      recentSignIns: () => ok([]),
    });
    await user.click(await screen.findByRole('button', { name: 'Xem thêm' }));
    await screen.findByRole('cell', { name: 'nv01' });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Xem thêm' })).toBeNull());
    expect(host.inputsTo('auditLog')).toEqual([{ limit: 100 }, { before: 101, limit: 100 }]);
  });
});
