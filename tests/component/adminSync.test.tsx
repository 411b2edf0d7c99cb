import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../src/contract/operations';
import { fail, ok } from './fakeTransport';
import { openSection } from './adminHarness';

type Status = OutputOf<'syncStatus'>;

const configured: Status = {
  upstreamUrl: 'https://hub.quangnam.example/sipas',
  deviceId: 'dev-7f3a',
  configured: true,
  hasToken: true,
  hasSecret: true,
  lastSuccessAt: '2026-11-29T17:05:00.000Z',
  pending: 2,
  parked: [
    {
      batchId: 'DH-2026-11-27-r1',
      date: '2026-11-27',
      revision: 1,
      error: 'signature does not match: check the device secret',
    },
  ],
  lastError: 'HTTP 401',
  lastErrorAt: '2026-11-30T01:00:00.000Z',
  nextAttemptAt: null,
};

describe('admin: sync', () => {
  it('shows the status and the collector’s message for each refused batch', async () => {
    await openSection('sync', 'Đồng bộ', { syncStatus: () => ok(configured) });
    await screen.findByText('https://hub.quangnam.example/sipas', { selector: 'dd code' });
    const parked = screen.getByRole('table', { name: 'Lô bị máy chủ từ chối' });
    expect(
      within(parked)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', 'DH-2026-11-27-r1', 'signature does not match: check the device secret']);
  });

  it('never pre-fills the token or the secret, and sends only what was typed', async () => {
    let status = configured;
    const { host, user } = await openSection('sync', 'Đồng bộ', {
      syncStatus: () => ok(status),
      configureSync: (input) => {
        if (!input.upstreamUrl.startsWith('https://'))
          return fail('bad_input', 'upstreamUrl: must start with https://');
        status = { ...status, upstreamUrl: input.upstreamUrl, parked: [] };
        return ok(status);
      },
    });
    const form = await screen.findByRole('form', { name: 'Cấu hình đồng bộ' });
    const url = within(form).getByLabelText<HTMLInputElement>('Địa chỉ máy chủ tổng hợp');
    const token = within(form).getByLabelText<HTMLInputElement>('Mã truy cập thiết bị');
    const secret = within(form).getByLabelText<HTMLInputElement>('Khoá bí mật thiết bị');
    expect(url.value).toBe(configured.upstreamUrl);
    expect(token.value).toBe('');
    expect(secret.value).toBe('');
    expect(secret.type).toBe('password');
    expect(secret.autocomplete).toBe('new-password');
    within(form).getAllByText('Đã lưu (không hiển thị). Để trống để giữ nguyên; nhập giá trị mới để thay.');

    await user.clear(url);
    await user.type(url, 'http://hub.example');
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('upstreamUrl: must start with https://');

    // Only the address changes: token and secret are left out, so the stored ones are kept.
    await user.clear(url);
    await user.type(url, 'https://hub.danang.example');
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(within(form).getByRole('status').textContent).toBe('Đã lưu cấu hình đồng bộ.'));

    // A new secret is sent once and the field is emptied again.
    await user.type(secret, 'a-new-secret-of-32-characters-xx');
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(secret.value).toBe(''));

    expect(host.inputsTo('configureSync')).toEqual([
      { upstreamUrl: 'http://hub.example' },
      { upstreamUrl: 'https://hub.danang.example' },
      { upstreamUrl: 'https://hub.danang.example', deviceSecret: 'a-new-secret-of-32-characters-xx' },
    ]);
    expect(screen.queryByRole('table', { name: 'Lô bị máy chủ từ chối' })).toBeNull();
  });

  it('tests the connection and syncs now', async () => {
    const { user } = await openSection('sync', 'Đồng bộ', {
      syncStatus: () => ok(configured),
      testSyncConnection: () =>
        ok({ reachable: true, credentialsAccepted: false, status: 401, message: 'unknown device token' }),
      syncNow: () =>
        ok({
          outcome: 'done',
          built: 1,
          sent: 3,
          superseded: 0,
          parked: 0,
          pending: 0,
          error: null,
          nextAttemptAt: null,
        }),
    });
    await user.click(await screen.findByRole('button', { name: 'Kiểm tra kết nối' }));
    await screen.findByText(
      'Kết nối được với máy chủ tổng hợp. Máy chủ không chấp nhận mã truy cập hoặc khoá bí mật. (Mã trả về HTTP 401.) unknown device token',
    );
    await user.click(screen.getByRole('button', { name: 'Đồng bộ ngay' }));
    await screen.findByText('Đã gửi xong, không còn lô nào chờ. Lô mới: 1, đã gửi: 3, bị từ chối: 0, còn chờ: 0.');
  });
});
