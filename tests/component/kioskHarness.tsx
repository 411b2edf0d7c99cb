import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, vi } from 'vitest';
import { ApiProvider } from '../../renderer/api/ApiContext';
import { i18n } from '../../renderer/i18n';
import { KioskApp } from '../../renderer/kiosk/KioskApp';
import type { KioskEnv } from '../../renderer/kiosk/kioskEnv';
import { loadKeyboard } from '../../renderer/kiosk/lazyKeyboard';
import { loadScreens } from '../../renderer/kiosk/lazyScreens';
import type { KeyboardI18nKey } from '../../renderer/keyboard/OnScreenKeyboard';
import { fakeHost, ok, type Fake, type Handlers } from './fakeTransport';
import { CITIZEN_ID, setup } from './fixtures';

/** Shared by the kiosk test files: a kiosk over a fake host, and the steps a citizen takes. */

export const Q1 = 'Nơi tiếp đón có đủ chỗ ngồi không?';
export const Q2 = 'Thông tin niêm yết có dễ tìm không?';
export const Q3 = 'Ông/Bà đánh giá công chức thế nào?';
export const Q4 = 'Kết quả có đúng hẹn không?';
export const START = 'Đánh giá mức độ hài lòng';
export const REASONS = 'Điều gì khiến Ông/Bà chưa hài lòng?';
export const COMMENT = 'Ông/Bà có góp ý thêm không?';
export const CONTACT = 'Ông/Bà có muốn được liên hệ lại không?';
export const THANKS = 'Cảm ơn Ông/Bà!';
export const ALREADY_RATED = 'Hồ sơ này đã được đánh giá. Cảm ơn Ông/Bà!';

export type User = ReturnType<typeof userEvent.setup>;

// The survey's screens and English are here before a kiosk renders, as on the page, which asks for
// them before React runs (pageClient.ts): tests on fake timers could not wait for a fetch. The on-screen
// keyboard too, which the page asks for as a survey starts: on a busy machine its first import could
// still be on its way when a test reaches the comment screen, many seconds earlier than a citizen would.
await Promise.all([loadScreens(), loadKeyboard()]);

// A kiosk test walks whole surveys, hundreds of clicks: on a busy two-core
// machine that takes more than the default five seconds without being stuck.
vi.setConfig({ testTimeout: 30_000 });

export function renderKiosk(handlers: Handlers = {}, env: Partial<KioskEnv> = {}, { fakeTimers = false } = {}) {
  const host = fakeHost({
    getKioskSetup: () => ok(setup),
    getArmedContext: () => ok(null),
    checkCaseCode: () => ok({ alreadyRated: false }),
    submitResponse: (input) =>
      ok({ id: input.id, day: '2026-11-29', status: 'completed', flags: [], duplicate: false }),
    addResponseDetails: (input) => ok({ id: input.id, changed: true }),
    ...handlers,
  });
  // A frozen monotonic clock the test moves by hand.
  const clock = { now: 1_000 };
  render(
    <ApiProvider client={host.client}>
      <KioskApp env={{ confirmMs: 150, now: () => clock.now, newId: () => CITIZEN_ID, ...env }} />
    </ApiProvider>,
  );
  const user = fakeTimers ? userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) }) : userEvent.setup();
  return { host, clock, user };
}

/** What the kiosk told the host of its citizens, call by call: the ratings and the details added to them. */
export const sentToHost = (host: Fake) =>
  host.calls
    .filter((call) => call.name === 'submitResponse' || call.name === 'addResponseDetails')
    .map((call) => [call.name, call.input]);

/**
 * What the host holds after those calls, per response in the order first sent:
 * the latest ratings, and each detail as last added (an empty comment or a null
 * contact removes it). Written here, apart from the kiosk's own code.
 */
export function heldByHost(host: Fake): Array<Record<string, unknown>> {
  const held = new Map<string, Record<string, unknown>>();
  for (const [name, input] of sentToHost(host) as Array<[string, Record<string, unknown> & { id: string }]>) {
    const before = held.get(input.id);
    if (name === 'submitResponse') {
      held.set(input.id, { reasons: [], ...before, ...input });
      continue;
    }
    if (!before) throw new Error(`details for ${input.id} before its ratings`);
    const { id: _id, ...details } = input;
    for (const [key, value] of Object.entries(details)) {
      if (value === null || value === '') delete before[key];
      else before[key] = value;
    }
  }
  return [...held.values()];
}

/** Ids for citizens one after the other (a "Làm lại" after answering starts a new response). */
export const idsFrom = (...ids: string[]) => {
  const left = [...ids];
  return () => left.shift() ?? 'no-more-ids';
};

export const heading = () => screen.getByRole('heading', { level: 1 }).textContent;

export const choiceNames = (group = 'Chọn mức độ hài lòng') =>
  within(screen.getByRole('group', { name: group }))
    .getAllByRole('button')
    .map((button) => button.textContent);

export async function enabledButton(name: string): Promise<HTMLButtonElement> {
  const button = await screen.findByRole<HTMLButtonElement>('button', { name });
  // The start button takes a tap while the survey is prepared (data-ready="false"): here, ready to start at once.
  await waitFor(() => expect(button.disabled || button.dataset.ready === 'false').toBe(false));
  return button;
}

export const tap = (user: User, name: string | RegExp) => user.click(screen.getByRole('button', { name }));

/** Taps an answer and waits for the screen that follows (after the short confirmation). */
export async function answer(user: User, label: string, next: string) {
  await tap(user, label);
  await screen.findByRole('heading', { level: 1, name: next });
}

export async function startSurvey(user: User) {
  await user.click(await enabledButton(START));
  await screen.findByRole('heading', { level: 1, name: Q1 });
}

/**
 * The on-screen keyboard names its function keys with keyboard.* texts that the
 * keyboard's author adds to the locale files; asked from i18n so these tests
 * hold before and after (until then a key is named by its i18n key).
 */
export const keyName = (key: KeyboardI18nKey) => (i18n.t as unknown as (key: KeyboardI18nKey) => string)(key);

/** Types Telex on the on-screen keyboard, key by key; a capital is Shift then the letter. */
export async function typeOnScreen(user: User, keys: string) {
  const keyboard = screen.getByRole('group', { name: keyName('keyboard.label') });
  // react-simple-keyboard draws its keys after it mounts: on a busy machine that took over 1 s (a CI-like run).
  await within(keyboard).findByRole('button', { name: keyName('keyboard.space') }, { timeout: 10_000 });
  const press = (name: string) => user.click(within(keyboard).getByRole('button', { name }));
  for (const key of keys) {
    if (key === ' ') await press(keyName('keyboard.space'));
    else if (key !== key.toLowerCase()) {
      await press(keyName('keyboard.shift'));
      await press(key);
    } else await press(key);
  }
}
