import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fail, ok } from './fakeTransport';
import { renderAdmin, signIn } from './adminHarness';

describe('admin: first run and sign-in', () => {
  it('creates the first administrator, then asks to sign in with the new PIN', async () => {
    const { host, user } = renderAdmin({
      setupStatus: () => ok({ hasAdmin: false }),
      createFirstAdmin: ({ code, name }) => ok({ code, name }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Thiết lập lần đầu' });
    const pin = screen.getByLabelText<HTMLInputElement>('Mã PIN');
    expect(pin.type).toBe('password');
    expect(pin.required).toBe(true);

    // A PIN typed twice differently is caught before anything is sent.
    await user.type(screen.getByLabelText('Mã quản trị viên'), 'qtv');
    await user.type(screen.getByLabelText('Họ và tên'), '  Lê Thu Hà ');
    await user.type(pin, '2468');
    await user.type(screen.getByLabelText('Nhập lại mã PIN'), '2469');
    await user.click(screen.getByRole('button', { name: 'Tạo quản trị viên' }));
    expect(screen.getByRole('alert').textContent).toBe('Hai lần nhập mã PIN không khớp nhau.');
    expect(host.inputsTo('createFirstAdmin')).toEqual([]);

    await user.clear(screen.getByLabelText('Nhập lại mã PIN'));
    await user.type(screen.getByLabelText('Nhập lại mã PIN'), '2468');
    await user.click(screen.getByRole('button', { name: 'Tạo quản trị viên' }));

    await screen.findByRole('heading', { level: 1, name: 'Đăng nhập quản trị' });
    expect(host.inputsTo('createFirstAdmin')).toEqual([{ code: 'qtv', name: 'Lê Thu Hà', pin: '2468' }]);
    expect(screen.getByRole('status').textContent).toBe(
      'Đã tạo quản trị viên Lê Thu Hà. Vui lòng đăng nhập bằng mã PIN vừa đặt.',
    );
    // The code just chosen is already filled in.
    expect(screen.getByLabelText<HTMLInputElement>('Mã quản trị viên').value).toBe('qtv');
  });

  it('says the first administrator is created on the kiosk itself when the host refuses a LAN caller', async () => {
    const { user } = renderAdmin({
      setupStatus: () => ok({ hasAdmin: false }),
      createFirstAdmin: () =>
        fail('forbidden', 'the first administrator is created on the kiosk itself, not over the network'),
    });
    await screen.findByRole('heading', { level: 1, name: 'Thiết lập lần đầu' });
    await user.type(screen.getByLabelText('Mã quản trị viên'), 'qtv');
    await user.type(screen.getByLabelText('Họ và tên'), 'Lê Thu Hà');
    await user.type(screen.getByLabelText('Mã PIN'), '2468');
    await user.type(screen.getByLabelText('Nhập lại mã PIN'), '2468');
    await user.click(screen.getByRole('button', { name: 'Tạo quản trị viên' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Chỉ có thể tạo quản trị viên đầu tiên ngay trên máy kiosk, không qua mạng nội bộ (LAN). Hãy mở trang quản trị trên chính máy kiosk.',
    );
    screen.getByRole('heading', { level: 1, name: 'Thiết lập lần đầu' });
  });

  it('refuses a staff PIN and closes the session it opened', async () => {
    const { host, user } = renderAdmin({
      signIn: () =>
        ok({
          token: 'staff-token',
          role: 'staff',
          officer: { code: 'nv01', name: 'Nguyễn Thị Lan' },
          idleTimeoutSeconds: 1800,
        }),
      signOut: () => ok({ signedOut: true as const }),
    });
    await signIn(user, 'nv01', '1111');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Tài khoản này là cán bộ một cửa, không có quyền quản trị. Cán bộ đăng nhập ở trang Cán bộ.',
    );
    expect(host.calls.filter((c) => c.name === 'signOut')).toEqual([
      { name: 'signOut', input: {}, token: 'staff-token' },
    ]);
  });

  it('translates a wrong PIN, then signs in and out', async () => {
    const { host, user } = renderAdmin();
    await signIn(user, 'qtv', '1234');
    expect((await screen.findByRole('alert')).textContent).toBe('Sai cán bộ hoặc mã PIN.');
    await user.clear(screen.getByLabelText('Mã quản trị viên'));
    await signIn(user);
    await screen.findByRole('heading', { level: 1, name: 'Đơn vị & quầy' });
    screen.getByText('Quản trị viên: Lê Thu Hà');
    const nav = screen.getByRole('navigation', { name: 'Các mục quản trị' });
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toBe('Đơn vị & quầy');
    // In a browser there is no kiosk mode to leave.
    expect(screen.queryByRole('button', { name: 'Thoát chế độ kiosk' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Đăng xuất' }));
    await screen.findByRole('heading', { level: 1, name: 'Đăng nhập quản trị' });
    expect(host.calls.filter((c) => c.name === 'signOut').map((c) => c.token)).toEqual(['tok_admin_0123456789']);
  });
});
