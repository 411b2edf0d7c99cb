import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiProvider } from '../../renderer/api/ApiContext';
import { KioskApp } from '../../renderer/kiosk/KioskApp';
import type { KioskEnv } from '../../renderer/kiosk/kioskEnv';
import { fail, fakeHost, ok, type Handlers } from './fakeTransport';
import { CITIZEN_ID, questionnaire } from './fixtures';

const Q1 = 'Nơi tiếp đón có đủ chỗ ngồi không?';
const Q2 = 'Thông tin niêm yết có dễ tìm không?';
const Q3 = 'Ông/Bà đánh giá công chức thế nào?';
const Q4 = 'Kết quả có đúng hẹn không?';
const START = 'Đánh giá mức độ hài lòng';

function renderKiosk(handlers: Handlers = {}, env: Partial<KioskEnv> = {}) {
  const host = fakeHost({
    getActiveQuestionnaire: () => ok(questionnaire),
    submitResponse: (input) => ok({ id: input.id, day: '2026-11-29', status: input.status, flags: [], duplicate: false }),
    ...handlers,
  });
  // A frozen monotonic clock the test moves by hand.
  const clock = { now: 1_000 };
  render(
    <ApiProvider client={host.client}>
      <KioskApp env={{ confirmMs: 150, now: () => clock.now, newId: () => CITIZEN_ID, ...env }} />
    </ApiProvider>,
  );
  return { host, clock, user: userEvent.setup() };
}

const heading = () => screen.getByRole('heading', { level: 1 }).textContent;
const choiceNames = () =>
  within(screen.getByRole('group', { name: 'Chọn mức độ hài lòng' }))
    .getAllByRole('button')
    .map((button) => button.textContent);

async function enabledButton(name: string): Promise<HTMLButtonElement> {
  const button = await screen.findByRole<HTMLButtonElement>('button', { name });
  await waitFor(() => expect(button.disabled).toBe(false));
  return button;
}

async function answer(user: ReturnType<typeof userEvent.setup>, label: string, nextQuestion: string) {
  await user.click(screen.getByRole('button', { name: label }));
  await screen.findByRole('heading', { level: 1, name: nextQuestion });
}

describe('kiosk', () => {
  it('asks each item on its own screen and submits exactly what the citizen chose', async () => {
    const { host, clock, user } = renderKiosk({}, { thanksSeconds: 2 });
    expect(document.documentElement.lang).toBe('vi');
    screen.getByText('Trung tâm Phục vụ hành chính công');
    await user.click(await enabledButton(START));

    expect(heading()).toBe(Q1);
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
    await answer(user, 'Rất hài lòng', Q4);

    clock.now = 13_345.6;
    await user.click(screen.getByRole('button', { name: 'Rất không hài lòng' }));
    await screen.findByRole('heading', { level: 1, name: 'Cảm ơn Ông/Bà!' });

    expect(host.inputsTo('submitResponse')).toEqual([
      {
        id: CITIZEN_ID,
        questionnaire: { id: 'test-quick', version: 3 },
        language: 'vi',
        durationMs: 12_346,
        status: 'completed',
        answers: [
          { item: 'access.1', score: 4 },
          { item: 'access.2', score: null },
          { item: 'officer', score: 3 },
          { item: 'result', score: 1 },
        ],
      },
    ]);

    screen.getByText('Màn hình sẽ trở về trang đầu sau 2 giây.');
    await screen.findByText('Màn hình sẽ trở về trang đầu sau 1 giây.', undefined, { timeout: 1500 });
    await screen.findByRole('button', { name: START }, { timeout: 1500 });
    expect(screen.queryByText('Cảm ơn Ông/Bà!')).toBeNull();
    expect(screen.queryByText(Q4)).toBeNull();
    // The questionnaire is asked for again for the next citizen.
    expect(host.inputsTo('getActiveQuestionnaire')).toHaveLength(2);
  });

  it('goes back keeping the answer, starts over clearing it, and ignores a second tap', async () => {
    const { host, user } = renderKiosk();
    await user.click(await enabledButton(START));

    await user.click(screen.getByRole('button', { name: 'Bình thường' }));
    // A second tap during the confirmation changes nothing and skips nothing.
    await user.click(screen.getByRole('button', { name: 'Rất hài lòng' }));
    await screen.findByRole('heading', { level: 1, name: Q2 });
    screen.getByText('Câu 2/4');

    await user.click(screen.getByRole('button', { name: 'Quay lại' }));
    expect(heading()).toBe(Q1);
    screen.getByText('Câu 1/4');
    expect(screen.getByRole('button', { name: 'Bình thường' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Rất hài lòng' }).getAttribute('aria-pressed')).toBe('false');

    await answer(user, 'Hài lòng', Q2);
    await user.click(screen.getByRole('button', { name: 'Làm lại' }));
    expect(heading()).toBe(Q1);
    screen.getByText('Câu 1/4');
    const pressed = within(screen.getByRole('group', { name: 'Chọn mức độ hài lòng' }))
      .getAllByRole('button')
      .filter((button) => button.getAttribute('aria-pressed') === 'true');
    expect(pressed).toEqual([]);

    // Back from the first question with nothing answered: home, nothing sent.
    await user.click(screen.getByRole('button', { name: 'Quay lại' }));
    await enabledButton(START);
    expect(screen.queryByText(Q1)).toBeNull();
    expect(host.inputsTo('submitResponse')).toEqual([]);
  });

  it('keeps the answers of a citizen who quits part-way as abandoned', async () => {
    const { host, clock, user } = renderKiosk();
    await user.click(await enabledButton(START));
    await answer(user, 'Hài lòng', Q2);
    await user.click(screen.getByRole('button', { name: 'Quay lại' }));
    clock.now = 6_000;
    await user.click(screen.getByRole('button', { name: 'Quay lại' }));
    await enabledButton(START);
    expect(host.inputsTo('submitResponse')).toEqual([
      {
        id: CITIZEN_ID,
        questionnaire: { id: 'test-quick', version: 3 },
        language: 'vi',
        durationMs: 5_000,
        status: 'abandoned',
        answers: [{ item: 'access.1', score: 4 }],
      },
    ]);
  });

  it('returns to the start when a citizen walks away mid-survey', async () => {
    const { host, user } = renderKiosk({}, { idleMs: 300 });
    await user.click(await enabledButton(START));
    await answer(user, 'Rất hài lòng', Q2);
    await screen.findByRole('button', { name: START }, { timeout: 2000 });
    expect(screen.queryByText(Q2)).toBeNull();
    expect(host.inputsTo('submitResponse')).toMatchObject([{ status: 'abandoned', answers: [{ item: 'access.1', score: 5 }] }]);
  });

  it('switches every text, the questions included, to English and back', async () => {
    const { host, user } = renderKiosk();
    await user.click(await enabledButton(START));
    await user.click(screen.getByRole('button', { name: 'Quay lại' }));

    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(await enabledButton('Rate our service'));

    expect(heading()).toBe('Were there enough seats?');
    screen.getByText('Access to the service');
    screen.getByText('Question 1/4');
    expect(within(screen.getByRole('group', { name: 'Choose how satisfied you are' })).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Very dissatisfied',
      'Dissatisfied',
      'Neutral',
      'Satisfied',
      'Very satisfied',
    ]);

    await user.click(screen.getByRole('button', { name: 'Tiếng Việt' }));
    expect(heading()).toBe(Q1);
    screen.getByRole('button', { name: 'Quay lại' });
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(heading()).toBe('Were there enough seats?');

    await answer(user, 'Satisfied', 'Was the posted information easy to find?');
    await answer(user, 'No opinion', 'How do you rate the officer?');
    await answer(user, 'Dissatisfied', 'Was the result on time?');
    await user.click(screen.getByRole('button', { name: 'Neutral' }));
    await screen.findByRole('heading', { level: 1, name: 'Thank you!' });
    expect(host.inputsTo('submitResponse')).toMatchObject([
      {
        language: 'en',
        answers: [
          { item: 'access.1', score: 4 },
          { item: 'access.2', score: null },
          { item: 'officer', score: 1 },
          { item: 'result', score: 3 },
        ],
      },
    ]);

    // The next citizen starts in Vietnamese.
    await user.click(screen.getByRole('button', { name: 'Back to the start' }));
    await enabledButton(START);
    expect(document.documentElement.lang).toBe('vi');
  });

  it('apologises and asks to tell staff when the answers cannot be stored', async () => {
    const { host, user } = renderKiosk({ submitResponse: () => fail('unavailable') });
    await user.click(await enabledButton(START));
    await answer(user, 'Hài lòng', Q2);
    await answer(user, 'Hài lòng', Q3);
    await answer(user, 'Hài lòng', Q4);
    await user.click(screen.getByRole('button', { name: 'Hài lòng' }));

    await screen.findByRole('heading', { level: 1, name: 'Xin lỗi, máy chưa ghi nhận được ý kiến của Ông/Bà' });
    screen.getByText('Máy đang gặp sự cố. Xin vui lòng báo cán bộ tại quầy để được hỗ trợ.');
    expect(host.inputsTo('submitResponse')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Về trang đầu' }));
    await enabledButton(START);
    expect(screen.queryByText(/Xin lỗi/)).toBeNull();
  });

  it('tells the citizen to ask staff while no questionnaire can be loaded, then recovers', async () => {
    let attempts = 0;
    renderKiosk(
      { getActiveQuestionnaire: () => (++attempts === 1 ? fail('unavailable') : ok(questionnaire)) },
      { questionnaireRetryMs: 100 },
    );
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
    await user.click(screen.getByRole('button', { name: 'Quay lại' }));
    expect(screen.getByRole('button', { name: 'Không hài lòng' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('blocks the context menu that a long press would open', async () => {
    renderKiosk();
    await enabledButton(START);
    expect(fireEvent.contextMenu(screen.getByRole('main'))).toBe(false);
  });
});
