import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { OutputOf } from '../../src/contract/operations';
import { ApiProvider } from '../../renderer/api/ApiContext';
import { SessionProvider } from '../../renderer/session/SessionProvider';
import { StaffApp } from '../../renderer/staff/StaffApp';
import { fail, fakeHost, ok, type Handlers } from './fakeTransport';
import { setup } from './fixtures';

/** Shared by the staff test files: a staff area over a fake host, and the data it answers with. */

export const TOKEN = 'tok_0123456789abcdef';

// Whole workflows with many clicks: on a busy two-core machine more than five seconds.
vi.setConfig({ testTimeout: 30_000 });

type Overview = OutputOf<'todayOverview'>;
type Summary = Overview['today'];

const dimension = (
  id: 'access' | 'procedure' | 'officer' | 'result' | 'feedback',
  index: number | null,
  mean: number | null,
  distribution: [number, number, number, number, number],
) => ({
  dimension: id,
  index,
  mean,
  answers: distribution.reduce((s, n) => s + n, 0),
  distribution,
  items: [],
});

/** The active questionnaire of the fixtures, and a full form answered in the same days: two sections, never pooled. */
export const quickForm = { id: 'test-quick', version: 3, title: { vi: 'Phiếu thử', en: 'Test form' } };
export const fullForm = { id: 'sipas-full', version: 1, title: { vi: 'Phiếu đầy đủ', en: 'Full form' } };

type VersionSummary = Summary['byQuestionnaire'][number];
type Score = VersionSummary['score'];

/** Answers on two dimensions only: a SIPAS figure of 2/5, labelled so. */
export const quickToday: Score = {
  index: 83.333_333,
  mean: 4.125,
  answers: 30,
  distribution: [1, 2, 2, 10, 15],
  coverage: 2,
  dimensions: [dimension('access', 100, 4.6, [0, 0, 0, 4, 6]), dimension('officer', 66.666_667, 3.75, [1, 2, 1, 2, 6])],
};

const fullToday: Score = {
  index: 40,
  mean: 3,
  answers: 25,
  distribution: [5, 5, 5, 5, 5],
  coverage: 5,
  dimensions: (['access', 'procedure', 'officer', 'result', 'feedback'] as const).map((id) =>
    dimension(id, 40, 3, [1, 1, 1, 1, 1]),
  ),
};

const section = (
  questionnaire: typeof quickForm,
  responses: VersionSummary['responses'],
  score: Score,
): VersionSummary => ({ questionnaire, responses, score });
const counts = (counted: number, suspect: number, abandoned: number) => ({
  responses: counted + suspect + abandoned,
  counted,
  suspect,
  abandoned,
});

export const todaySummary: Summary = {
  responses: counts(1234, 2, 3),
  byQuestionnaire: [section(fullForm, counts(5, 0, 1), fullToday), section(quickForm, counts(1229, 2, 2), quickToday)],
};

const yesterday: Summary = {
  responses: counts(40, 1, 0),
  byQuestionnaire: [
    section(quickForm, counts(40, 1, 0), {
      index: 50,
      mean: 3.5,
      answers: 8,
      distribution: [1, 1, 2, 2, 2],
      coverage: 1,
      dimensions: [dimension('access', 50, 3.5, [1, 1, 2, 2, 2])],
    }),
  ],
};

const row = (
  code: string,
  name: string,
  counted: number,
  index: number | null,
  officer: number | null = null,
  questionnaire = quickForm,
) => ({
  code,
  name,
  questionnaire: { id: questionnaire.id, version: questionnaire.version },
  responses: counts(counted, 0, 0),
  score: {
    index,
    mean: index === null ? null : 4,
    answers: counted * 2,
    distribution: [0, 0, 0, counted, counted] as [number, number, number, number, number],
    coverage: 2,
  },
  dimensions: [
    {
      dimension: 'access' as const,
      index,
      mean: 4,
      answers: counted,
      distribution: [0, 0, 0, counted, 0] as [number, number, number, number, number],
    },
    {
      dimension: 'officer' as const,
      index: officer,
      mean: officer === null ? null : 3.5,
      answers: counted,
      distribution: [0, 0, counted, 0, 0] as [number, number, number, number, number],
    },
  ],
});

export const overview: Overview = {
  day: '2026-11-29',
  today: todaySummary,
  yesterday,
  last7Days: {
    from: '2026-11-23',
    to: '2026-11-29',
    ...todaySummary,
    responses: { ...todaySummary.responses, responses: 2505, counted: 2500 },
  },
  byCounter: [
    row('Q1', 'Quầy 1 — Tư pháp, hộ tịch', 7, 92.5),
    row('', '', 2, 50),
    row('Q1', 'Quầy 1 — Tư pháp, hộ tịch', 5, 40, 40, fullForm),
  ],
  byOfficer: [row('tt02', 'Trần Thị Bình', 9, 88.25, 61.5)],
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
    listOfficers: () => ok(desks.officers.map((officer) => ({ ...officer, photo: null }))),
    signIn: ({ officer, pin }) =>
      officer === 'tt02' && pin === '2468'
        ? ok({
            token: TOKEN,
            role: 'staff',
            officer: { code: 'tt02', name: 'Trần Thị Bình' },
            idleTimeoutSeconds: 1800,
          })
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
      <SessionProvider>
        <StaffApp />
      </SessionProvider>
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
