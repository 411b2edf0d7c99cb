import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CITIZEN_ID } from './fixtures';
import { COMMENT, Q1, Q2, Q3, Q4, renderKiosk, START, tap, THANKS, type User } from './kioskHarness';

// Fake timers, moved by hand. Testing Library waits on a setTimeout after each
// event, which it only advances itself when it sees Jest's fake timers: `jest`
// below is that signal, pointing at Vitest's clock.
type WithJest = { jest?: { advanceTimersByTime: (ms: number) => void } };
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
const dialog = () => screen.queryByRole('dialog');

async function startAndAnswerFirst(user: User) {
  await advance(0);
  await tap(user, START);
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(Q1);
  await tap(user, 'Hài lòng');
  await advance(150);
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(Q2);
}

describe('kiosk inactivity', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    (globalThis as WithJest).jest = { advanceTimersByTime: (ms) => vi.advanceTimersByTime(ms) };
  });
  afterEach(() => {
    delete (globalThis as WithJest).jest;
    vi.useRealTimers();
  });

  it('warns after the set inactivity, then keeps the partial answers as abandoned and starts over', async () => {
    const { host, clock, user } = renderKiosk({}, {}, { fakeTimers: true });
    await startAndAnswerFirst(user);

    await advance(44_000);
    expect(dialog()).toBeNull();
    await advance(1_000);
    const warning = screen.getByRole('dialog', { name: 'Ông/Bà còn tiếp tục không?' });
    expect(warning.getAttribute('aria-modal')).toBe('true');
    const keepGoing = within(warning).getByRole('button', { name: 'Tiếp tục' });
    expect(document.activeElement).toBe(keepGoing);
    within(warning).getByText('Màn hình sẽ trở về trang đầu sau 20 giây.');
    // The screen behind is inert: its buttons cannot be reached.
    expect(screen.getByRole('main').closest('[inert]')).not.toBeNull();

    await advance(19_000);
    within(warning).getByText('Màn hình sẽ trở về trang đầu sau 1 giây.');
    expect(host.inputsTo('submitResponse')).toEqual([]);
    clock.now = 66_000;
    await advance(1_000);

    expect(dialog()).toBeNull();
    screen.getByRole('button', { name: START });
    expect(screen.queryByText(Q2)).toBeNull();
    expect(host.inputsTo('submitResponse')).toEqual([
      {
        id: CITIZEN_ID,
        questionnaire: { id: 'test-quick', version: 3 },
        language: 'vi',
        durationMs: 65_000,
        answers: [{ item: 'access.1', score: 4 }],
      },
    ]);
  });

  it('lets the citizen go on with "Tiếp tục" (or Escape), and counts again from there', async () => {
    const { host, user } = renderKiosk({}, {}, { fakeTimers: true });
    await startAndAnswerFirst(user);

    await advance(45_000);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Tiếp tục' }));
    expect(dialog()).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(Q2);

    // Every touch restarts the count.
    await advance(40_000);
    await tap(user, 'Hài lòng');
    await advance(40_000);
    expect(dialog()).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(Q3);
    await advance(5_000);
    expect(dialog()).not.toBeNull();
    await user.keyboard('{Escape}');
    expect(dialog()).toBeNull();
    await advance(30_000);
    expect(host.inputsTo('submitResponse')).toEqual([]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(Q3);
  });

  it('never warns on the start and thank-you screens, and sends nothing for a citizen with no answer', async () => {
    const { host, user } = renderKiosk({}, {}, { fakeTimers: true });
    await advance(120_000);
    expect(dialog()).toBeNull();

    // Started, then left without an answer: warned, then back to the start, nothing sent.
    await tap(user, START);
    await advance(45_000);
    expect(dialog()).not.toBeNull();
    await advance(20_000);
    expect(dialog()).toBeNull();
    screen.getByRole('button', { name: START });
    expect(host.inputsTo('submitResponse')).toEqual([]);

    await tap(user, START);
    for (const next of [Q2, Q3, Q4, COMMENT]) {
      await tap(user, 'Hài lòng');
      await advance(150);
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(next);
    }
    await tap(user, 'Bỏ qua');
    await tap(user, 'Bỏ qua');
    await advance(0);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(THANKS);
    await advance(2_000);
    expect(dialog()).toBeNull();
  });
});
