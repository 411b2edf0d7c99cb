import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { OutputOf } from '../../src/contract/operations';
import { ApiProvider } from '../../renderer/api/ApiContext';
import { StaffApp } from '../../renderer/staff/StaffApp';
import { fail, fakeHost, ok, type Handlers } from './fakeTransport';
import { setup } from './fixtures';

/** Shared by the staff test files: a staff area over a fake host, and the data it answers with. */

export const TOKEN = 'tok_0123456789abcdef';

// Whole workflows with many clicks: on a busy two-core machine more than five seconds.
vi.setConfig({ testTimeout: 30_000 });

type Overview = OutputOf<'todayOverview'>;
type Summary = Overview['today'];

const dimension = (id: 'access' | 'procedure' | 'officer' | 'result' | 'feedback', index: number | null, mean: number | null, distribution: [number, number, number, number, number]) => ({
  dimension: id,
  index,
  mean,
  answers: distribution.reduce((s, n) => s + n, 0),
  distribution,
  items: [],
});

export const todaySummary: Summary = {
  responses: { counted: 1234, completed: 1236, abandoned: 3, suspect: 2 },
  score: {
    index: 83.333_333,
    mean: 4.125,
    answers: 30,
    distribution: [1, 2, 2, 10, 15],
    dimensions: [dimension('access', 100, 4.6, [0, 0, 0, 4, 6]), dimension('officer', 66.666_667, 3.75, [1, 2, 1, 2, 6])],
  },
};

const yesterday: Summary = {
  responses: { counted: 40, completed: 41, abandoned: 0, suspect: 1 },
  score: { index: 50, mean: 3.5, answers: 8, distribution: [1, 1, 2, 2, 2], dimensions: [dimension('access', 50, 3.5, [1, 1, 2, 2, 2])] },
};

const row = (code: string, name: string, counted: number, index: number | null) => ({
  code,
  name,
  responses: { counted, completed: counted, abandoned: 0, suspect: 0 },
  score: { index, mean: index === null ? null : 4, answers: counted * 2, distribution: [0, 0, 0, counted, counted] as [number, number, number, number, number] },
});

export const overview: Overview = {
  day: '2026-11-29',
  today: todaySummary,
  yesterday,
  last7Days: { from: '2026-11-23', to: '2026-11-29', ...todaySummary, responses: { ...todaySummary.responses, counted: 2500 } },
  byCounter: [row('Q1', 'Quầy 1 — Tư pháp, hộ tịch', 7, 92.5), row('', '', 2, 50)],
  byOfficer: [row('tt02', 'Trần Thị Bình', 9, 88.25)],
  byField: [row('dat-dai', 'Đất đai', 9, 88.25)],
  pendingWrites: 0,
};

export const desks: OutputOf<'listDesks'> = {
  counters: [
    { code: 'Q1', name: 'Quầy 1 — Tư pháp, hộ tịch' },
    { code: 'Q2', name: 'Quầy 2 — Đất đai, xây dựng' },
  ],
  fields: [
    { code: 'ho-tich', name: 'Hộ tịch' },
    { code: 'dat-dai', name: 'Đất đai' },
  ],
  officers: [
    { code: 'nv01', name: 'Nguyễn Văn An' },
    { code: 'tt02', name: 'Trần Thị Bình' },
  ],
};

export type User = ReturnType<typeof userEvent.setup>;

export function renderStaff(handlers: Handlers = {}, { fakeTimers = false } = {}) {
  const host = fakeHost({
    listOfficers: () => ok(desks.officers),
    signIn: ({ officer, pin }) =>
      officer === 'tt02' && pin === '2468'
        ? ok({ token: TOKEN, role: 'staff', officer: { code: 'tt02', name: 'Trần Thị Bình' }, idleTimeoutSeconds: 1800 })
        : fail('unauthenticated', 'wrong officer or PIN'),
    signOut: () => ok({ signedOut: true as const }),
    // Answers only with the session token: proves the client was given it.
    todayOverview: (_input, token) => (token === TOKEN ? ok(overview) : fail('unauthenticated')),
    liveStatus: () => ok({ revision: 7, pendingWrites: 0 }),
    listDesks: () => ok(desks),
    getKioskSetup: () => ok(setup),
    shellCapabilities: () => ok({ exitKiosk: false, savePdf: false }),
    ...handlers,
  });
  render(
    <ApiProvider client={host.client}>
      <StaffApp />
    </ApiProvider>,
  );
  const user = fakeTimers ? userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) }) : userEvent.setup();
  return { host, user };
}

export async function signIn(user: User, officer = 'Trần Thị Bình', pin = '2468') {
  await screen.findByRole('option', { name: officer });
  await user.selectOptions(screen.getByLabelText('Cán bộ'), officer);
  await user.type(screen.getByLabelText('Mã PIN'), pin);
  await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
}

/** Signs in and opens one of the screens through the navigation. */
export async function openView(user: User, link: string, heading = link) {
  await signIn(user);
  await screen.findByRole('heading', { level: 1, name: 'Hôm nay' });
  await user.click(screen.getByRole('link', { name: link }));
  await screen.findByRole('heading', { level: 1, name: heading });
}
