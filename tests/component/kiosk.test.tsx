import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fail, ok } from './fakeTransport';
import { CITIZEN_ID, setup } from './fixtures';
import {
  answer,
  choiceNames,
  COMMENT,
  CONTACT,
  enabledButton,
  heading,
  idsFrom,
  Q1,
  Q2,
  Q3,
  Q4,
  REASONS,
  renderKiosk,
  sentToHost,
  START,
  startSurvey,
  tap,
  THANKS,
} from './kioskHarness';

const SECOND_ID = '0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a';
const ref = { id: 'test-quick', version: 3 };

/** The first citizen's ratings as the kiosk hands them to the host, in one submitResponse call. */
const ratingsSent = (durationMs: number, answers: Array<{ item: string; score: number | null }>) => [
  'submitResponse',
  { id: CITIZEN_ID, questionnaire: ref, language: 'vi', durationMs, answers },
];

describe('kiosk', () => {
  it('asks each item on its own screen, commits the ratings once the required ones are given, then adds the rest', async () => {
    const { host, clock, user } = renderKiosk();
    expect(document.documentElement.lang).toBe('vi');
    await screen.findByText('UBND xã Điện Hồng');
    await startSurvey(user);

    screen.getByText('Tiếp cận dịch vụ');
    screen.getByText('Câu 1/4');
    expect(choiceNames()).toEqual(['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng']);
    expect(screen.queryByRole('button', { name: 'Không ý kiến' })).toBeNull();
    screen.getByRole('button', { name: 'Quay lại' });
    screen.getByRole('button', { name: 'Làm lại' });

    // The tapped face shows as selected before the next question appears.
    const satisfied = screen.getByRole('button', { name: 'Hài lòng' });
    await user.click(satisfied);
    expect(satisfied.getAttribute('aria-pressed')).toBe('true');
    expect(heading()).toBe(Q1);
    await screen.findByRole('heading', { level: 1, name: Q2 });
    screen.getByText('Câu 2/4');

    // Optional item: "Không ý kiến" is offered and stored as null.
    await answer(user, 'Không ý kiến', Q3);

    // Three-point item: three faces, scores 1..3 on its own scale.
    screen.getByText('Công chức giải quyết công việc');
    expect(choiceNames()).toEqual(['Không hài lòng', 'Hài lòng', 'Rất hài lòng']);
    clock.now = 5_000;
    await answer(user, 'Rất hài lòng', Q4);
    // The last required rating is given: the ratings are the host's from now on. They leave
    // from an effect after the next question paints: on a busy machine the call lands just after it.
    await waitFor(() =>
      expect(sentToHost(host)).toEqual([
        ratingsSent(4_000, [
          { item: 'access.1', score: 4 },
          { item: 'access.2', score: null },
          { item: 'officer', score: 3 },
        ]),
      ]),
    );

    // Nobody armed the kiosk: the result may not have been received yet.
    screen.getByRole('button', { name: 'Chưa nhận kết quả' });
    expect(screen.queryByRole('button', { name: 'Không ý kiến' })).toBeNull();
    // A low score on a dimension without reasons of its own still offers "Khác"; passed over, nothing is added.
    clock.now = 13_345.6;
    await answer(user, 'Rất không hài lòng', REASONS);
    expect(
      within(screen.getByRole('group', { name: 'Lý do chưa hài lòng' }))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Khác']);
    await answer(user, 'Bỏ qua', COMMENT);
    await tap(user, 'Bỏ qua');
    await screen.findByRole('heading', { level: 1, name: CONTACT });
    await tap(user, 'Bỏ qua');
    await screen.findByRole('heading', { level: 1, name: THANKS });

    // The optional rating after the commit updates the same response; nothing else was said.
    expect(sentToHost(host).slice(1)).toEqual([
      ratingsSent(12_346, [
        { item: 'access.1', score: 4 },
        { item: 'access.2', score: null },
        { item: 'officer', score: 3 },
        { item: 'result', score: 1 },
      ]),
    ]);

    // The thank-you screen counts down from the administrator's setting and shows the hotline.
    screen.getByText('Đường dây nóng: 0235 3846 123');
    screen.getByText('Màn hình sẽ trở về trang đầu sau 3 giây.');
    await screen.findByText('Màn hình sẽ trở về trang đầu sau 2 giây.', undefined, { timeout: 1500 });
    await screen.findByRole('button', { name: START }, { timeout: 3000 });
    expect(screen.queryByText(THANKS)).toBeNull();
    expect(screen.queryByText(Q4)).toBeNull();
    // The setup (questionnaire included) is asked for again for the next citizen: the ask
    // leaves from an effect after the attract screen paints, so it may trail the button.
    await waitFor(() => expect(host.inputsTo('getKioskSetup')).toHaveLength(2));
  });

  it('goes back keeping the answer, asks before starting over, and ignores a second tap', async () => {
    const { host, user } = renderKiosk({}, { newId: idsFrom(CITIZEN_ID, SECOND_ID) });
    await startSurvey(user);

    await tap(user, 'Bình thường');
    // A second tap during the confirmation changes nothing and skips nothing.
    await tap(user, 'Rất hài lòng');
    await screen.findByRole('heading', { level: 1, name: Q2 });
    screen.getByText('Câu 2/4');

    await tap(user, 'Quay lại');
    expect(heading()).toBe(Q1);
    screen.getByText('Câu 1/4');
    expect(screen.getByRole('button', { name: 'Bình thường' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Rất hài lòng' }).getAttribute('aria-pressed')).toBe('false');

    await answer(user, 'Hài lòng', Q2);
    await tap(user, 'Làm lại');
    // "Làm lại từ đầu?" first; "Không" keeps everything.
    const dialog = screen.getByRole('dialog', { name: 'Làm lại từ đầu?' });
    expect(
      within(dialog)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Có', 'Không']);
    expect(document.activeElement?.textContent).toBe('Không');
    await user.click(within(dialog).getByRole('button', { name: 'Không' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(heading()).toBe(Q2);
    await tap(user, 'Quay lại');
    expect(screen.getByRole('button', { name: 'Hài lòng' }).getAttribute('aria-pressed')).toBe('true');

    // "Có": what was answered goes to the host as it stands, and the survey starts over, empty.
    await tap(user, 'Làm lại');
    await user.click(
      within(screen.getByRole('dialog', { name: 'Làm lại từ đầu?' })).getByRole('button', { name: 'Có' }),
    );
    expect(heading()).toBe(Q1);
    screen.getByText('Câu 1/4');
    const pressed = within(screen.getByRole('group', { name: 'Chọn mức độ hài lòng' }))
      .getAllByRole('button')
      .filter((button) => button.getAttribute('aria-pressed') === 'true');
    expect(pressed).toEqual([]);
    await waitFor(() =>
      expect(host.inputsTo('submitResponse')).toMatchObject([
        { id: CITIZEN_ID, answers: [{ item: 'access.1', score: 4 }] },
      ]),
    );

    // Back from the first question with nothing answered: home without asking, nothing more sent.
    await tap(user, 'Quay lại');
    await enabledButton(START);
    expect(screen.queryByText(Q1)).toBeNull();
    expect(host.inputsTo('submitResponse')).toHaveLength(1);
  });

  it('the new survey after "Làm lại" is a response of its own', async () => {
    const { host, user } = renderKiosk({}, { newId: idsFrom(CITIZEN_ID, SECOND_ID) });
    await startSurvey(user);
    await answer(user, 'Hài lòng', Q2);
    await tap(user, 'Làm lại');
    await user.click(
      within(screen.getByRole('dialog', { name: 'Làm lại từ đầu?' })).getByRole('button', { name: 'Có' }),
    );
    await answer(user, 'Rất hài lòng', Q2);
    await answer(user, 'Rất hài lòng', Q3);
    await answer(user, 'Rất hài lòng', Q4);
    // Committed from an effect after Q4 paints, behind the first citizen's call (see the first case).
    await waitFor(() =>
      expect(host.inputsTo('submitResponse')).toMatchObject([
        { id: CITIZEN_ID, answers: [{ item: 'access.1', score: 4 }] },
        {
          id: SECOND_ID,
          answers: [
            { item: 'access.1', score: 5 },
            { item: 'access.2', score: 5 },
            { item: 'officer', score: 3 },
          ],
        },
      ]),
    );
  });

  it('asks before leaving from the first question, then keeps the answers of a citizen who quits part-way', async () => {
    const { host, clock, user } = renderKiosk();
    await startSurvey(user);
    await answer(user, 'Hài lòng', Q2);
    await tap(user, 'Quay lại');
    clock.now = 6_000;
    await tap(user, 'Quay lại');
    const dialog = screen.getByRole('dialog', { name: 'Làm lại từ đầu?' });
    within(dialog).getByText('Những câu Ông/Bà đã trả lời vẫn được ghi nhận. Màn hình sẽ trở về trang đầu.');
    expect(host.inputsTo('submitResponse')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Có' }));
    await enabledButton(START);
    // Sent as it stands: the host stores it as abandoned (the officer was not rated).
    await waitFor(() => expect(sentToHost(host)).toEqual([ratingsSent(5_000, [{ item: 'access.1', score: 4 }])]));
  });

  it('apologises and asks to tell staff when the answers cannot be stored', async () => {
    const { host, user } = renderKiosk({ submitResponse: () => fail('unavailable') });
    await startSurvey(user);
    await answer(user, 'Hài lòng', Q2);
    await answer(user, 'Hài lòng', Q3);
    await answer(user, 'Hài lòng', Q4);
    await answer(user, 'Hài lòng', COMMENT);
    await answer(user, 'Bỏ qua', CONTACT);
    await tap(user, 'Bỏ qua');

    await screen.findByRole('heading', { level: 1, name: 'Xin lỗi, máy chưa ghi nhận được ý kiến của Ông/Bà' });
    screen.getByText('Máy đang gặp sự cố. Xin vui lòng báo cán bộ tại quầy để được hỗ trợ.');
    // Tried at the commit and again at the end, with every rating.
    const tries = host.inputsTo('submitResponse');
    expect(tries.length).toBeGreaterThanOrEqual(2);
    expect(tries.at(-1)).toMatchObject({ answers: [{ score: 4 }, { score: 4 }, { score: 2 }, { score: 4 }] });

    await tap(user, 'Về trang đầu');
    await enabledButton(START);
    expect(screen.queryByText(/Xin lỗi/)).toBeNull();
  });

  it('tells the citizen to ask staff while no setup can be loaded, then recovers', async () => {
    let attempts = 0;
    renderKiosk({ getKioskSetup: () => (++attempts === 1 ? fail('unavailable') : ok(setup)) }, { setupRetryMs: 100 });
    await screen.findByText('Máy đánh giá tạm thời chưa sẵn sàng. Xin vui lòng báo cán bộ tại quầy.');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: START }).disabled).toBe(true);
    await enabledButton(START);
    expect(attempts).toBe(2);
  });

  it('can be answered from the keyboard alone', async () => {
    const { host, user } = renderKiosk();
    const start = await enabledButton(START);
    // The screen's heading holds focus; Tab reaches the start button, Enter presses it.
    await user.tab();
    expect(document.activeElement).toBe(start);
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { level: 1, name: Q1 });
    // The new question's heading takes focus, so the first Tab lands on the first face.
    await user.tab();
    expect(document.activeElement?.textContent).toBe('Rất không hài lòng');
    await user.tab();
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { level: 1, name: Q2 });
    expect(host.inputsTo('submitResponse')).toEqual([]);
    await tap(user, 'Quay lại');
    expect(screen.getByRole('button', { name: 'Không hài lòng' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('blocks the context menu that a long press would open', async () => {
    renderKiosk();
    await enabledButton(START);
    expect(fireEvent.contextMenu(screen.getByRole('main'))).toBe(false);
  });
});
