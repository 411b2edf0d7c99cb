import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../src/contract/operations';
import { fail, ok } from './fakeTransport';
import { ARM_ID, armed } from './fixtures';
import {
  ALREADY_RATED,
  answer,
  COMMENT,
  CONTACT,
  enabledButton,
  heldByHost,
  Q1,
  Q2,
  Q3,
  Q4,
  renderKiosk,
  START,
  startSurvey,
  tap,
  THANKS,
  type User,
} from './kioskHarness';

const CONTEXT = 'Ông/Bà đang đánh giá: cán bộ Nguyễn Thị Lan — Quầy 2 — lĩnh vực Đất đai';

async function finish(user: User) {
  for (const next of [Q2, Q3, Q4, COMMENT]) await answer(user, 'Hài lòng', next);
  await answer(user, 'Bỏ qua', CONTACT);
  await tap(user, 'Bỏ qua');
}

describe('kiosk context: armed by staff, scanned case codes', () => {
  it('shows what staff armed on the start screen and the first question, and sends its armId', async () => {
    let current: OutputOf<'getArmedContext'> = null;
    const { host, user } = renderKiosk({ getArmedContext: () => ok(current) }, { armedPollMs: 50 });
    await enabledButton(START);
    expect(screen.queryByText(/đang đánh giá/)).toBeNull();

    // Staff arm the kiosk: the next look shows it.
    current = armed;
    await screen.findByText(CONTEXT);
    await startSurvey(user);
    screen.getByText(CONTEXT);
    await answer(user, 'Hài lòng', Q2);
    expect(screen.queryByText(CONTEXT)).toBeNull();
    for (const next of [Q3, Q4, COMMENT]) await answer(user, 'Hài lòng', next);
    await answer(user, 'Bỏ qua', CONTACT);
    await tap(user, 'Bỏ qua');
    await screen.findByRole('heading', { level: 1, name: THANKS });
    expect(heldByHost(host)).toMatchObject([{ armId: ARM_ID }]);
    expect(heldByHost(host)[0]).not.toHaveProperty('context');

    // Used up: the host disarms, and the next citizen sees no context.
    current = null;
    await tap(user, 'Về trang đầu');
    await enabledButton(START);
    await waitFor(() => expect(screen.queryByText(CONTEXT)).toBeNull());
  });

  it('asks no result questions of a citizen who came to file a case, and offers "Không ý kiến" where it applies', async () => {
    const { host, user } = renderKiosk({ getArmedContext: () => ok({ ...armed, purpose: 'file' }) });
    await screen.findByText(CONTEXT);
    await startSurvey(user);
    screen.getByText('Câu 1/3');
    await answer(user, 'Hài lòng', Q2);
    screen.getByRole('button', { name: 'Không ý kiến' });
    await answer(user, 'Hài lòng', Q3);
    // The officer is the last question: no "Kết quả có đúng hẹn không?" after it.
    await answer(user, 'Hài lòng', COMMENT);
    expect(screen.queryByText(Q4)).toBeNull();
    // The ratings are stored as the comment screen appears: on a busy machine the call may land just after it.
    await waitFor(() =>
      expect(heldByHost(host)).toMatchObject([
        { armId: ARM_ID, answers: [{ item: 'access.1' }, { item: 'access.2' }, { item: 'officer' }] },
      ]),
    );
  });

  it('names only what is known, and says when a case is attached', async () => {
    renderKiosk({ getArmedContext: () => ok({ ...armed, officer: null, field: null, hasCaseCode: true }) });
    await screen.findByText('Ông/Bà đang đánh giá: Quầy 2 — hồ sơ của Ông/Bà');
  });

  it('starts the survey with the case code a scanner types, and sends it', async () => {
    const { host, user } = renderKiosk();
    await enabledButton(START);
    // Focus on the start button: the scanner's Enter must not press it as well.
    await user.tab();
    await user.keyboard('000.00.16.H56-241129-0001{Enter}');
    await screen.findByRole('heading', { level: 1, name: Q1 });
    expect(host.inputsTo('checkCaseCode')).toEqual([{ caseCode: '000.00.16.H56-241129-0001' }]);
    screen.getByText('Hồ sơ: 000.00.16.H56-241129-0001');
    await finish(user);
    await screen.findByRole('heading', { level: 1, name: THANKS });
    expect(heldByHost(host)).toMatchObject([{ context: { caseCode: '000.00.16.H56-241129-0001' } }]);
  });

  it('ignores keys typed at a person’s pace', async () => {
    const { host, clock, user } = renderKiosk();
    await enabledButton(START);
    for (const key of ['A', 'B', 'C', '1', '2', '{Enter}']) {
      clock.now += 300;
      await user.keyboard(key);
    }
    expect(host.inputsTo('checkCaseCode')).toEqual([]);
    expect(screen.queryByText(Q1)).toBeNull();
  });

  it('thanks politely instead of starting when the scanned case was already rated', async () => {
    const { host, user } = renderKiosk({ checkCaseCode: () => ok({ alreadyRated: true }) }, { noticeMs: 300 });
    await enabledButton(START);
    await user.keyboard('HS-0042{Enter}');
    const notice = await screen.findByText(ALREADY_RATED);
    expect(notice.getAttribute('role')).toBe('status');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(Q1)).toBeNull();
    expect(host.inputsTo('checkCaseCode')).toEqual([{ caseCode: 'HS-0042' }]);
    // A few seconds later the start screen is as usual.
    await waitFor(() => expect(screen.queryByText(ALREADY_RATED)).toBeNull());
    await enabledButton(START);
  });

  it('says the same when the host refuses a second rating of the case on submission', async () => {
    const { host, user } = renderKiosk({
      submitResponse: () => fail('conflict', 'this case has already been rated; thank you'),
    });
    await enabledButton(START);
    await user.keyboard('HS-0042{Enter}');
    await screen.findByRole('heading', { level: 1, name: Q1 });
    await finish(user);
    await screen.findByText(ALREADY_RATED);
    await enabledButton(START);
    expect(screen.queryByText(/Xin lỗi/)).toBeNull();
    expect(host.inputsTo('submitResponse')).toHaveLength(1);
  });
});
