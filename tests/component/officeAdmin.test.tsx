import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import officeEn from '../../assets/locales/office.en.json';
import officeVi from '../../assets/locales/office.vi.json';
import type { OutputOf } from '../../src/contract/operations';
import { formatDateTime, formatDay, formatLongDay, formatTime } from '../../renderer/format/dates';
import { ok } from './fakeTransport';
import { openSection } from './adminHarness';

type Entry = OutputOf<'auditLog'>[number];

const keysOf = (tree: object, prefix = ''): string[] =>
  Object.entries(tree)
    .flatMap(([key, value]) =>
      typeof value === 'object' && value !== null ? keysOf(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
    )
    .sort();

describe('one date format and readable admin screens', () => {
  it('writes dd/MM/yyyy and 24-hour time on the Vietnamese clock, in both languages', () => {
    // 19:26 UTC on 01/12 is 02:26 on 02/12 in Vietnam.
    expect(formatDateTime('2026-12-01T19:26:00.000Z')).toBe('02/12/2026 02:26');
    expect(formatDateTime('2026-12-01T19:26:05.000Z', { seconds: true })).toBe('02/12/2026 02:26:05');
    expect(formatTime('2026-12-01T08:05:09.000Z')).toBe('15:05:09');
    expect(formatDay('2026-12-02')).toBe('02/12/2026');
    expect(formatLongDay('2026-12-02', 'vi')).toBe('Thứ Tư, 02/12/2026');
    expect(formatLongDay('2026-12-02', 'en')).toBe('Wednesday, 02/12/2026');
  });

  it('has the same office keys in Vietnamese and English', () => {
    expect(keysOf(officeEn)).toEqual(keysOf(officeVi));
  });

  it('shows the audit log as who, when, what in words, and a small before/after table', async () => {
    const entries: Entry[] = [
      {
        id: 3,
        at: '2026-12-01T19:26:00.000Z',
        officer: 'nv01',
        action: 'feedback.resolve',
        target: 'r-1',
        before: { status: 'in_progress', note: null },
        after: { status: 'resolved', note: 'Đã xin lỗi' },
      },
      {
        id: 2,
        at: '2026-11-30T08:00:00.000Z',
        officer: 'qtv',
        action: 'targets.save',
        target: '2026',
        before: null,
        after: { sipas: 85 },
      },
    ];
    await openSection('audit', 'Nhật ký', { auditLog: () => ok(entries), recentSignIns: () => ok([]) });
    const resolved = (await screen.findByRole('cell', { name: 'Đánh dấu góp ý đã xử lý' })).closest('tr')!;
    const row = within(resolved);
    row.getByRole('rowheader', { name: '02/12/2026 02:26:00' });
    row.getByRole('cell', { name: 'Nguyễn Thị Lan (nv01)' });
    const changes = within(row.getByRole('table'));
    expect(changes.getAllByRole('row').map((r) => r.textContent)).toEqual([
      'MụcTrướcSau',
      'statusin_progressresolved',
      'note(trống)Đã xin lỗi',
    ]);
    screen.getByRole('cell', { name: 'Lưu mục tiêu kế hoạch' });
    await waitFor(() => expect(screen.queryByText('feedback.resolve')).toBeNull());
  });
});
