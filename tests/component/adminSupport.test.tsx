import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../src/contract/operations';
import { fail, ok } from './fakeTransport';
import { openSection } from './adminHarness';

const status: OutputOf<'supportStatus'> = {
  versions: { app: '0.1.0', schema: '14', electron: '45.5.0' },
  recoveries: {
    total: 3,
    relaunches: 1,
    lastAt: '2026-12-01T02:15:00.000Z',
    lastReason: 'unresponsive: the page stopped answering',
  },
  logFiles: true,
};

describe('admin: technical support', () => {
  it('shows the self-repair count, the versions and the latest log lines', async () => {
    await openSection('support', 'Hỗ trợ kỹ thuật', {
      supportStatus: () => ok(status),
      recentLogLines: () => ok({ lines: ['{"message":"kiosk shown"}', '{"message":"reloading the kiosk screen"}'] }),
    });
    expect(await screen.findByText('3 lần (trong đó 1 lần khởi động lại ứng dụng)')).toBeTruthy();
    expect(screen.getByText('unresponsive: the page stopped answering')).toBeTruthy();
    expect(screen.getByText('45.5.0')).toBeTruthy();
    const log = screen.getByLabelText('2 dòng nhật ký gần nhất');
    expect(log.textContent).toBe('{"message":"kiosk shown"}\n{"message":"reloading the kiosk screen"}');
  });

  it('in a browser host: no self-repair count and no log files, said in words', async () => {
    await openSection('support', 'Hỗ trợ kỹ thuật', {
      supportStatus: () => ok({ ...status, recoveries: null, logFiles: false }),
      recentLogLines: () => ok({ lines: [] }),
    });
    expect(await screen.findByText(/Không áp dụng: ứng dụng đang chạy trong trình duyệt/)).toBeTruthy();
    expect(await screen.findByText(/không ghi nhật ký ra tệp/)).toBeTruthy();
  });

  it('saves a support bundle and names the file; a failure is shown as an alert', async () => {
    let attempts = 0;
    const { user } = await openSection('support', 'Hỗ trợ kỹ thuật', {
      supportStatus: () => ok(status),
      recentLogLines: () => ok({ lines: [] }),
      saveSupportBundle: () => {
        attempts += 1;
        return attempts === 1
          ? fail('internal', 'disk full')
          : ok({ fileName: 'sipas-support-20261201T030000Z.json', folder: 'support' as const, bytes: 2048 });
      },
    });
    const card = (await screen.findByRole('heading', { name: 'Gói thông tin hỗ trợ' })).closest('section');
    if (!card) throw new Error('no bundle card');
    await user.click(within(card).getByRole('button', { name: 'Lưu gói thông tin hỗ trợ' }));
    expect(await within(card).findByRole('alert')).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Lưu gói thông tin hỗ trợ' }));
    expect((await within(card).findByRole('status')).textContent).toMatch(
      /^Đã lưu sipas-support-20261201T030000Z\.json \(2 KB\)/,
    );
  });
});
