import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fail, ok } from './fakeTransport';
import { openSection, renderAdmin, signIn, TOKEN } from './adminHarness';

describe('admin: the signed-in shell', () => {
  it('offers leaving kiosk mode only in the desktop shell, after asking', async () => {
    const { host, user } = await openSection('unit', 'Đơn vị & quầy', {
      shellCapabilities: () => ok({ exitKiosk: true, savePdf: true }),
      exitKiosk: () => ok({ exiting: true as const }),
    });
    await user.click(await screen.findByRole('button', { name: 'Thoát chế độ kiosk' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Thoát chế độ kiosk?' });
    await user.click(within(dialog).getByRole('button', { name: 'Thoát' }));
    // The app is closing: the dialog stays, busy, instead of offering the button again.
    await waitFor(() =>
      expect(within(dialog).getByRole('button', { name: 'Đang thoát…' })).toHaveProperty('disabled', true),
    );
    expect(host.calls.filter((c) => c.name === 'exitKiosk')).toEqual([{ name: 'exitKiosk', input: {}, token: TOKEN }]);
  });

  it('goes back to sign-in when the host says the session has ended', async () => {
    const { user } = renderAdmin({ getUnitSetup: () => fail('unauthenticated', 'sign in first') });
    await signIn(user);
    await screen.findByRole('heading', { level: 1, name: 'Đăng nhập quản trị' });
    screen.getByText('Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.');
  });

  it('signs out by itself after the idle time without a touch or key', async () => {
    const { host, user } = renderAdmin({
      signIn: () =>
        ok({ token: TOKEN, role: 'admin', officer: { code: 'qtv', name: 'Lê Thu Hà' }, idleTimeoutSeconds: 1 }),
    });
    await signIn(user);
    await screen.findByRole('heading', { level: 1, name: 'Đơn vị & quầy' });
    await screen.findByRole('heading', { level: 1, name: 'Đăng nhập quản trị' }, { timeout: 3000 });
    screen.getByText('Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.');
    expect(host.calls.filter((c) => c.name === 'signOut').map((c) => c.token)).toEqual([TOKEN]);
  });

  it('moves between sections through the nav and keeps one h1', async () => {
    const { user } = await openSection('unit', 'Đơn vị & quầy', { listQuestionnaires: () => ok([]) });
    await user.click(screen.getByRole('link', { name: 'Phiếu khảo sát' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Phiếu khảo sát' });
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    // The new section's heading takes the focus, so a screen reader announces it.
    expect(document.activeElement).toBe(heading);
    expect(screen.getByRole('link', { name: 'Phiếu khảo sát' }).getAttribute('aria-current')).toBe('page');
  });
});
