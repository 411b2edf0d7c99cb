import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { OutputOf } from '../../src/contract/operations';
import { AdminApp } from '../../renderer/admin/AdminApp';
import type { SectionId } from '../../renderer/admin/sections';
import { ApiProvider } from '../../renderer/api/ApiContext';
import { SessionProvider } from '../../renderer/session/SessionProvider';
import { fail, fakeHost, ok, type Handlers } from './fakeTransport';
import { setup } from './fixtures';

/** Shared by the admin test files: the admin route over a fake host, signed in or not. */

export const TOKEN = 'tok_admin_0123456789';
export type User = ReturnType<typeof userEvent.setup>;

// Forms with many fields take many keystrokes; a busy two-core machine needs more than 5 s.
vi.setConfig({ testTimeout: 20_000 });

export const unitSetup: OutputOf<'getUnitSetup'> = {
  counters: [
    { code: 'Q1', name: 'Quầy 1 — Tư pháp, hộ tịch', active: true },
    { code: 'Q2', name: 'Quầy 2 — Đất đai, xây dựng', active: true },
  ],
  fields: [{ code: 'ho-tich', name: 'Hộ tịch', active: true }],
  officers: [
    { code: 'nv01', name: 'Nguyễn Thị Lan', role: 'staff', counter: 'Q1', active: true, photo: null },
    { code: 'qtv', name: 'Lê Thu Hà', role: 'admin', counter: null, active: true, photo: null },
  ],
};

/** Every call but the first-run ones must carry the admin's token: the fake refuses otherwise. */
const guarded = (handlers: Handlers): Handlers =>
  Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      ['setupStatus', 'createFirstAdmin', 'signIn', 'shellCapabilities'].includes(name)
        ? handler
        : (input: never, token: string | null) =>
            token === TOKEN
              ? (handler as (i: never, t: string | null) => unknown)(input, token)
              : fail('unauthenticated'),
    ]),
  ) as Handlers;

export function renderAdmin(handlers: Handlers = {}, { section }: { section?: SectionId } = {}) {
  window.location.hash = section ? `#/admin/${section}` : '#/admin';
  const host = fakeHost(
    guarded({
      setupStatus: () => ok({ hasAdmin: true }),
      signIn: ({ officer, pin }) =>
        officer === 'qtv' && pin === '9999'
          ? ok({ token: TOKEN, role: 'admin', officer: { code: 'qtv', name: 'Lê Thu Hà' }, idleTimeoutSeconds: 1800 })
          : fail('unauthenticated', 'wrong officer or PIN'),
      signOut: () => ok({ signedOut: true as const }),
      shellCapabilities: () => ok({ exitKiosk: false, savePdf: false }),
      getUnitSetup: () => ok(unitSetup),
      getKioskSetup: () => ok(setup),
      ...handlers,
    }),
  );
  render(
    <ApiProvider client={host.client}>
      <SessionProvider>
        <AdminApp pollMs={5} />
      </SessionProvider>
    </ApiProvider>,
  );
  return { host, user: userEvent.setup() };
}

export async function signIn(user: User, code = 'qtv', pin = '9999') {
  await screen.findByRole('heading', { level: 1, name: 'Đăng nhập quản trị' });
  await user.type(screen.getByLabelText('Mã quản trị viên'), code);
  await user.type(screen.getByLabelText('Mã PIN'), pin);
  await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
}

/** Renders, signs in and waits for the section's heading. */
export async function openSection(section: SectionId, heading: string, handlers: Handlers = {}) {
  const rendered = renderAdmin(handlers, { section });
  await signIn(rendered.user);
  await screen.findByRole('heading', { level: 1, name: heading });
  return rendered;
}
