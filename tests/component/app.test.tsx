import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiProvider } from '../../renderer/api/ApiContext';
import { App } from '../../renderer/App';
import { routeOf } from '../../renderer/router';
import { fakeHost, ok } from './fakeTransport';
import { setup } from './fixtures';

/**
 * Each route's code is loaded on demand (React.lazy). Under the tests a chunk's first
 * import is compiled then, which takes over Testing Library's default second on a busy
 * two-core machine; the page itself loads it from the built bundle.
 */
const LAZY = { timeout: 10_000 };

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
    await screen.findByRole('button', { name: 'Đánh giá mức độ hài lòng' }, LAZY);
  });

  it('loads the staff sign-in on #/staff', async () => {
    renderApp('#/staff');
    await screen.findByRole('heading', { level: 1, name: 'Đăng nhập cán bộ' }, LAZY);
    screen.getByLabelText('Cán bộ');
  });

  it('shows the admin placeholder with a way back to the kiosk', async () => {
    renderApp('#/admin');
    await screen.findByRole('heading', { level: 1, name: 'Quản trị' }, LAZY);
    fireEvent.click(screen.getByRole('button', { name: 'Về màn hình đánh giá' }));
    await screen.findByRole('button', { name: 'Đánh giá mức độ hài lòng' }, LAZY);
    expect(window.location.hash).toBe('#/kiosk');
  });
});
