import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../src/contract/operations';
import { ok } from './fakeTransport';
import { openSection, TOKEN } from './adminHarness';

type Backup = OutputOf<'listBackups'>[number];

const daily: Backup = {
  name: 'sipas-2026-11-29.sqlite3',
  day: '2026-11-29',
  bytes: 2_411_724,
  createdAt: '2026-11-28T17:00:05.000Z',
  kind: 'auto',
};
const manual: Backup = {
  name: 'manual-2026-11-30-153012.sqlite3',
  day: '2026-11-30',
  bytes: 2_500_000,
  createdAt: '2026-11-30T08:30:12.000Z',
  kind: 'manual',
};
const retention: OutputOf<'getRetention'> = { months: 12, cutoffDay: '2025-11-30', lastPurge: null };

function backupHost() {
  let backups = [daily];
  return {
    listBackups: () => ok(backups),
    createBackup: () => {
      backups = [manual, ...backups];
      return ok(manual);
    },
    restoreBackup: ({ name }: { name: string }) => {
      return ok({
        restored: backups.find((b) => b.name === name)!,
        replacedFile: 'replaced/sipas.sqlite3',
        preRestoreBackup: null,
        schemaVersion: 7,
        signedOut: true as const,
      });
    },
    systemAlerts: () => ok([]),
    getRetention: () => ok(retention),
    updateRetention: ({ months }: { months: number }) => ok({ ...retention, months }),
  };
}

describe('admin: backups', () => {
  it('creates a backup and lists it', async () => {
    const { host, user } = await openSection('backups', 'Sao lưu', backupHost());
    await screen.findByRole('rowheader', { name: daily.name });
    await user.click(screen.getByRole('button', { name: 'Sao lưu ngay' }));
    await screen.findByText(`Đã tạo bản sao lưu ${manual.name}.`);
    const row = await screen.findByRole('row', { name: new RegExp(manual.name) });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['30/11/2026', '30/11/2026 15:30:12', '2,4 MB', 'Tạo thủ công', 'Khôi phục Tải về']);
    expect(host.inputsTo('createBackup')).toEqual([{}]);
  });

  it('asks before restoring; Cancel sends nothing, Restore signs everyone out', async () => {
    const { host, user } = await openSection('backups', 'Sao lưu', backupHost());
    await user.click(await screen.findByRole('button', { name: `Khôi phục ${daily.name}` }));
    const dialog = screen.getByRole('alertdialog', { name: 'Khôi phục bản sao lưu?' });
    // The safe choice has the focus.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Huỷ' }));
    await user.click(within(dialog).getByRole('button', { name: 'Huỷ' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(host.inputsTo('restoreBackup')).toEqual([]);

    await user.click(screen.getByRole('button', { name: `Khôi phục ${daily.name}` }));
    const again = screen.getByRole('alertdialog', { name: 'Khôi phục bản sao lưu?' });
    expect(again.textContent).toContain(daily.name);
    expect(again.textContent).toContain('mọi người (kể cả bạn) phải đăng nhập lại');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();

    await user.click(screen.getByRole('button', { name: `Khôi phục ${daily.name}` }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Khôi phục' }));
    await screen.findByRole('heading', { level: 1, name: 'Đăng nhập quản trị' });
    expect(screen.getByRole('status').textContent).toBe(
      `Đã khôi phục bản sao lưu ${daily.name}. Mọi phiên làm việc đã kết thúc; vui lòng đăng nhập lại.`,
    );
    expect(host.calls.filter((c) => c.name === 'restoreBackup')).toEqual([
      { name: 'restoreBackup', input: { name: daily.name }, token: TOKEN },
    ]);
  });

  it('asks before shortening the retention, which erases data at once', async () => {
    const { host, user } = await openSection('backups', 'Sao lưu', backupHost());
    const months = await screen.findByLabelText<HTMLInputElement>('Thời hạn lưu (tháng)');
    expect(months.value).toBe('12');
    await user.clear(months);
    await user.type(months, '6');
    const form = screen.getByRole('form', { name: 'Thời hạn lưu dữ liệu cá nhân' });
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    await user.click(
      within(screen.getByRole('alertdialog', { name: 'Rút ngắn thời hạn lưu?' })).getByRole('button', {
        name: 'Lưu và xoá dữ liệu cũ',
      }),
    );
    await waitFor(() =>
      expect(within(form).getByRole('status').textContent).toBe('Đã lưu: dữ liệu cá nhân được giữ 6 tháng.'),
    );
    expect(host.inputsTo('updateRetention')).toEqual([{ months: 6 }]);
  });

  it('shows system alerts until they are marked as read', async () => {
    let alerts: OutputOf<'systemAlerts'> = [
      {
        id: 'backup_failed-1',
        kind: 'backup_failed',
        at: '2026-11-30T17:00:00.000Z',
        count: 3,
        message: 'ENOSPC: no space left on device',
        detail: {},
      },
    ];
    const { host, user } = await openSection('backups', 'Sao lưu', {
      ...backupHost(),
      systemAlerts: () => ok(alerts),
      acknowledgeAlert: ({ id }) => {
        alerts = alerts.filter((a) => a.id !== id);
        return ok({ acknowledged: true as const });
      },
    });
    await screen.findByRole('heading', { level: 3, name: 'Sao lưu tự động không thành công' });
    screen.getByText('Lần gần nhất: 01/12/2026 00:00:00 (xảy ra 3 lần).');
    screen.getByText('ENOSPC: no space left on device');
    await user.click(screen.getByRole('button', { name: 'Đã đọc: Sao lưu tự động không thành công' }));
    await screen.findByText('Không có cảnh báo nào.');
    expect(host.inputsTo('acknowledgeAlert')).toEqual([{ id: 'backup_failed-1' }]);
  });
});
