import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiProvider } from '../../renderer/api/ApiContext';
import { App } from '../../renderer/App';
import { routeOf } from '../../renderer/router';
import { fakeHost, ok } from './fakeTransport';
import { setup } from './fixtures';

function renderApp(hash: string) {
  window.location.hash = hash;
  const host = fakeHost({
    getKioskSetup: () => ok(setup),
    getArmedContext: () => ok(null),
    listOfficers: () => ok([]),
  });
  render(
    <ApiProvider client={host.client}>
      <App />
    </ApiProvider>,
  );
}

describe('routes', () => {
  it('reads the route from the hash, the kiosk by default', () => {
    expect(routeOf('')).toBe('kiosk');
    expect(routeOf('#/staff')).toBe('staff');
    expect(routeOf('#/admin?x=1')).toBe('admin');
    expect(routeOf('#/nowhere')).toBe('kiosk');
  });

  it('opens the kiosk by default', async () => {
    renderApp('');
    await screen.findByRole('button', { name: 'Đánh giá mức độ hài lòng' });
  });

  it('loads the staff sign-in on #/staff', async () => {
    renderApp('#/staff');
    await screen.findByRole('heading', { level: 1, name: 'Đăng nhập cán bộ' });
    screen.getByLabelText('Cán bộ');
  });

  it('shows the admin placeholder with a way back to the kiosk', async () => {
    renderApp('#/admin');
    await screen.findByRole('heading', { level: 1, name: 'Quản trị' });
    fireEvent.click(screen.getByRole('button', { name: 'Về màn hình đánh giá' }));
    await screen.findByRole('button', { name: 'Đánh giá mức độ hài lòng' });
    expect(window.location.hash).toBe('#/kiosk');
  });
});
