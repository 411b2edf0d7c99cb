import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ok } from './fakeTransport';
import { ARM_ID, armed, CITIZEN_ID, CONSENT_VERSION } from './fixtures';
import {
  answer,
  COMMENT,
  CONTACT,
  heading,
  heldByHost,
  keyName,
  Q1,
  Q2,
  Q3,
  Q4,
  REASONS,
  renderKiosk,
  startSurvey,
  tap,
  THANKS,
  typeOnScreen,
  type User,
} from './kioskHarness';

const chip = (name: string) => screen.getByRole('button', { name });
const pressed = (name: string) => chip(name).getAttribute('aria-pressed');

async function tapKeypad(user: User, digits: string) {
  const keypad = screen.getByRole('group', { name: 'Bàn phím số' });
  for (const digit of digits)
    await user.click(within(keypad).getByRole('button', { name: digit === '+' ? 'Dấu cộng' : digit }));
}

describe('kiosk follow-up: reasons, comment, contact', () => {
  it('asks reasons after low scores, takes a comment typed on screen and a consented phone, and sends them all', async () => {
    const { host, clock, user } = renderKiosk({ getArmedContext: () => ok(armed) });
    await screen.findByText('Ông/Bà đang đánh giá: cán bộ Nguyễn Thị Lan — Quầy 2 — lĩnh vực Đất đai');
    await startSurvey(user);

    await answer(user, 'Không hài lòng', Q2);
    // The reasons come after the last item of the dimension, not straight after the low answer.
    await answer(user, 'Hài lòng', REASONS);
    screen.getByText('Tiếp cận dịch vụ');
    const reasons = within(screen.getByRole('group', { name: 'Lý do chưa hài lòng' }));
    // The questionnaire's reasons, then "Khác", which the kiosk offers on every list.
    expect(reasons.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Phải chờ quá lâu',
      'Thiếu chỗ ngồi chờ',
      'Khó tìm thông tin',
      'Khác',
    ]);
    // An optional step, said as such instead of a question count.
    screen.getByText('Góp ý thêm — không bắt buộc');
    expect(screen.queryByText(/^Câu \d/)).toBeNull();
    await tap(user, 'Thiếu chỗ ngồi chờ');
    await tap(user, 'Phải chờ quá lâu');
    await tap(user, 'Khó tìm thông tin');
    await tap(user, 'Khó tìm thông tin');
    expect([pressed('Phải chờ quá lâu'), pressed('Thiếu chỗ ngồi chờ'), pressed('Khó tìm thông tin')]).toEqual([
      'true',
      'true',
      'false',
    ]);
    await answer(user, 'Tiếp tục', Q3);

    // Three-point "Không hài lòng" counts as 2 on five points: low too.
    await answer(user, 'Không hài lòng', REASONS);
    screen.getByText('Công chức giải quyết công việc');
    await tap(user, 'Thái độ không lịch sự');
    await answer(user, 'Tiếp tục', Q4);
    clock.now = 31_000;
    await answer(user, 'Hài lòng', COMMENT);

    const box = screen.getByRole('textbox', { name: 'Góp ý của Ông/Bà' });
    screen.getByText('0/500');
    await typeOnScreen(user, 'Toost lawms');
    expect((box as HTMLTextAreaElement).value).toBe('Tốt lắm'.normalize('NFC'));
    screen.getByText('7/500');
    await answer(user, 'Tiếp tục', CONTACT);

    const consent = screen.getByRole('checkbox', { name: 'Tôi đồng ý để lại số điện thoại để được liên hệ lại' });
    expect((consent as HTMLInputElement).checked).toBe(false);
    // The short notice: optional, purpose, who keeps it, for how long; read with the box.
    expect(document.getElementById(consent.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Không bắt buộc. Số điện thoại chỉ dùng để trả lời góp ý của Ông/Bà, do UBND xã Điện Hồng giữ và được xoá sau 12 tháng.',
    );
    expect(screen.queryByLabelText('Số điện thoại')).toBeNull();
    await user.click(consent);
    await tapKeypad(user, '0905123456');
    expect(screen.getByLabelText<HTMLInputElement>('Số điện thoại').value).toBe('0905123456');
    await tap(user, 'Tiếp tục');
    await screen.findByRole('heading', { level: 1, name: THANKS });

    // Each detail went on its own, after the ratings it belongs to.
    expect(host.inputsTo('addResponseDetails').every((input) => Object.keys(input as object).length === 2)).toBe(true);
    expect(heldByHost(host)).toEqual([
      {
        id: CITIZEN_ID,
        questionnaire: { id: 'test-quick', version: 3 },
        language: 'vi',
        durationMs: 30_000,
        answers: [
          { item: 'access.1', score: 2 },
          { item: 'access.2', score: 4 },
          { item: 'officer', score: 1 },
          { item: 'result', score: 4 },
        ],
        // In the questionnaire's order, not the order tapped.
        reasons: [
          { dimension: 'access', reason: 'waited-too-long' },
          { dimension: 'access', reason: 'not-enough-seats' },
          { dimension: 'officer', reason: 'impolite' },
        ],
        comment: 'Tốt lắm'.normalize('NFC'),
        contact: { phone: '0905123456', consentVersion: CONSENT_VERSION },
        armId: ARM_ID,
      },
    ]);
  });

  it('never forgets what was entered: "Bỏ qua" only while nothing is, "Tiếp tục" once something is, and back shows it all', async () => {
    const { host, user } = renderKiosk();
    await startSurvey(user);
    await answer(user, 'Rất không hài lòng', Q2);
    await answer(user, 'Rất hài lòng', REASONS);
    const onward = () => screen.getAllByRole('button', { name: /^(Bỏ qua|Tiếp tục)$/ }).map((b) => b.textContent);
    expect(onward()).toEqual(['Bỏ qua']);
    await tap(user, 'Phải chờ quá lâu');
    expect(onward()).toEqual(['Tiếp tục']);
    await answer(user, 'Tiếp tục', Q3);
    await answer(user, 'Rất hài lòng', Q4);
    await answer(user, 'Rất hài lòng', COMMENT);
    expect(onward()).toEqual(['Bỏ qua']);
    await typeOnScreen(user, 'abc');
    expect(onward()).toEqual(['Tiếp tục']);
    await answer(user, 'Tiếp tục', CONTACT);
    expect(onward()).toEqual(['Bỏ qua']);
    await user.click(screen.getByRole('checkbox'));
    await tapKeypad(user, '0905123456');
    expect(onward()).toEqual(['Tiếp tục']);

    // Back through every screen: each still holds what was entered.
    await answer(user, 'Quay lại', COMMENT);
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Góp ý của Ông/Bà' }).value).toBe('abc');
    await answer(user, 'Quay lại', Q4);
    await answer(user, 'Quay lại', Q3);
    await answer(user, 'Quay lại', REASONS);
    expect(pressed('Phải chờ quá lâu')).toBe('true');
    await answer(user, 'Tiếp tục', Q3);
    await answer(user, 'Rất hài lòng', Q4);
    await answer(user, 'Rất hài lòng', COMMENT);
    await answer(user, 'Tiếp tục', CONTACT);
    expect((screen.getByRole('checkbox') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Số điện thoại').value).toBe('0905123456');
    await tap(user, 'Tiếp tục');
    await screen.findByRole('heading', { level: 1, name: THANKS });
    // The thanks say when the office calls back: the number was left.
    screen.getByText('Cán bộ sẽ gọi lại cho Ông/Bà trong vòng 2 ngày làm việc.');
    expect(heldByHost(host)).toMatchObject([
      {
        reasons: [{ dimension: 'access', reason: 'waited-too-long' }],
        comment: 'abc',
        contact: { phone: '0905123456', consentVersion: CONSENT_VERSION },
      },
    ]);
  });

  it('"Bỏ qua" with nothing entered sends nothing more, and the thanks make no promise of a call', async () => {
    const { host, user } = renderKiosk();
    await startSurvey(user);
    await answer(user, 'Rất không hài lòng', Q2);
    await answer(user, 'Rất hài lòng', REASONS);
    await answer(user, 'Bỏ qua', Q3);
    await answer(user, 'Rất hài lòng', Q4);
    await answer(user, 'Rất hài lòng', COMMENT);
    await answer(user, 'Bỏ qua', CONTACT);
    // The promise of the start screen holds: asked only for a call back, and said to be optional.
    screen.getByText('Không bắt buộc. Chỉ để lại số điện thoại nếu Ông/Bà muốn cán bộ gọi lại trả lời góp ý.');
    await tap(user, 'Bỏ qua');
    await screen.findByRole('heading', { level: 1, name: THANKS });
    expect(screen.queryByText(/gọi lại/)).toBeNull();

    expect(host.inputsTo('addResponseDetails')).toEqual([]);
    const [sent] = heldByHost(host);
    expect(sent).toMatchObject({ reasons: [] });
    expect(sent).not.toHaveProperty('comment');
    expect(sent).not.toHaveProperty('contact');
    expect(sent).not.toHaveProperty('armId');
    expect(sent).not.toHaveProperty('context');
  });

  it('"Gửi đánh giá" leaves the follow-ups in one tap, keeping what was entered', async () => {
    const { host, user } = renderKiosk();
    await startSurvey(user);
    await answer(user, 'Không hài lòng', Q2);
    await answer(user, 'Hài lòng', REASONS);
    await tap(user, 'Khó tìm thông tin');
    await tap(user, 'Gửi đánh giá');
    await screen.findByRole('heading', { level: 1, name: THANKS });
    // The ratings not yet given stay ungiven; the reason picked went.
    expect(heldByHost(host)).toMatchObject([
      {
        answers: [
          { item: 'access.1', score: 2 },
          { item: 'access.2', score: 4 },
        ],
        reasons: [{ dimension: 'access', reason: 'hard-to-find' }],
      },
    ]);
  });

  it('"Khác" brings the comment next, saying what it is for, and is told by the comment rather than sent as a reason', async () => {
    const { host, user } = renderKiosk();
    await startSurvey(user);
    await answer(user, 'Không hài lòng', Q2);
    await answer(user, 'Hài lòng', REASONS);
    await tap(user, 'Khác');
    screen.getByText('Ông/Bà đã chọn “Khác”: màn hình tiếp theo để Ông/Bà ghi rõ.');
    await answer(user, 'Tiếp tục', COMMENT);
    screen.getByText('Ông/Bà đã chọn “Khác” ở mục: Tiếp cận dịch vụ. Xin ghi rõ ở đây.');
    await typeOnScreen(user, 'xa');
    // Then the questions left, and no second comment screen.
    await answer(user, 'Tiếp tục', Q3);
    await answer(user, 'Hài lòng', Q4);
    await answer(user, 'Hài lòng', CONTACT);
    await answer(user, 'Quay lại', Q4);
    await answer(user, 'Quay lại', Q3);
    await answer(user, 'Quay lại', COMMENT);
    await answer(user, 'Quay lại', REASONS);
    expect(pressed('Khác')).toBe('true');
    await answer(user, 'Tiếp tục', COMMENT);
    await answer(user, 'Tiếp tục', Q3);
    await answer(user, 'Hài lòng', Q4);
    await answer(user, 'Hài lòng', CONTACT);
    await tap(user, 'Bỏ qua');
    await screen.findByRole('heading', { level: 1, name: THANKS });
    expect(heldByHost(host)).toMatchObject([{ reasons: [], comment: 'xa' }]);
  });

  it('goes back through the follow-up screens, and drops the reasons of a score raised meanwhile', async () => {
    const { host, user } = renderKiosk();
    await startSurvey(user);
    await answer(user, 'Không hài lòng', Q2);
    await answer(user, 'Hài lòng', REASONS);
    await tap(user, 'Phải chờ quá lâu');
    await answer(user, 'Tiếp tục', Q3);
    await answer(user, 'Hài lòng', Q4);
    await answer(user, 'Hài lòng', COMMENT);

    await answer(user, 'Quay lại', Q4);
    await answer(user, 'Quay lại', Q3);
    await answer(user, 'Quay lại', REASONS);
    expect(pressed('Phải chờ quá lâu')).toBe('true');
    await answer(user, 'Quay lại', Q2);
    await answer(user, 'Quay lại', Q1);
    // Raised to satisfied: the reasons screen is no longer on the way.
    await answer(user, 'Hài lòng', Q2);
    await answer(user, 'Hài lòng', Q3);
    await answer(user, 'Hài lòng', Q4);
    await answer(user, 'Hài lòng', COMMENT);
    await answer(user, 'Bỏ qua', CONTACT);
    await answer(user, 'Quay lại', COMMENT);
    await answer(user, 'Bỏ qua', CONTACT);
    await tap(user, 'Bỏ qua');
    await screen.findByRole('heading', { level: 1, name: THANKS });
    expect(heldByHost(host)).toMatchObject([
      { answers: [{ score: 4 }, { score: 4 }, { score: 2 }, { score: 4 }], reasons: [] },
    ]);
  });

  it('checks the phone number before going on, and forgets it when consent is withdrawn', async () => {
    const { host, user } = renderKiosk();
    await startSurvey(user);
    for (const next of [Q2, Q3, Q4, COMMENT]) await answer(user, 'Hài lòng', next);
    await answer(user, 'Bỏ qua', CONTACT);
    await user.click(screen.getByRole('checkbox'));
    const phone = screen.getByLabelText<HTMLInputElement>('Số điện thoại');

    const invalid = 'Số điện thoại chưa đúng: số bắt đầu bằng 0 hoặc +84, tiếp theo là 9 hoặc 10 chữ số.';
    // Ticked, nothing typed: nothing to keep, so the way on is "Bỏ qua".
    screen.getByRole('button', { name: 'Bỏ qua' });
    await tapKeypad(user, '12345');
    await tap(user, 'Xoá');
    expect(phone.value).toBe('1234');
    await tap(user, 'Tiếp tục');
    expect(screen.getByRole('alert').textContent).toBe(invalid);
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(heading()).toBe(CONTACT);

    // Withdrawn consent forgets the number; ticked again, the field starts empty.
    await user.click(screen.getByRole('checkbox'));
    expect(screen.queryByLabelText('Số điện thoại')).toBeNull();
    await user.click(screen.getByRole('checkbox'));
    const again = screen.getByLabelText<HTMLInputElement>('Số điện thoại');
    expect(again.value).toBe('');

    // Physical keys type too; letters are ignored, "+" only first.
    await user.click(again);
    await user.keyboard('+8x4+905123456');
    expect(again.value).toBe('+84905123456');
    expect(screen.queryByText(invalid)).toBeNull();
    await tap(user, 'Tiếp tục');
    await screen.findByRole('heading', { level: 1, name: THANKS });
    expect(heldByHost(host)).toMatchObject([{ contact: { phone: '+84905123456', consentVersion: CONSENT_VERSION } }]);
  });

  it('takes a comment typed on a physical keyboard, with the same Telex', async () => {
    const { host, user } = renderKiosk();
    await startSurvey(user);
    for (const next of [Q2, Q3, Q4, COMMENT]) await answer(user, 'Hài lòng', next);
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Góp ý của Ông/Bà' });
    await user.click(box);
    await user.keyboard('Nhanh chongs{Backspace}g');
    expect(box.value).toBe('Nhanh chóng'.normalize('NFC'));
    // The on-screen keys go on from where the physical ones stopped.
    await typeOnScreen(user, ' qua');
    await user.click(screen.getByRole('button', { name: keyName('keyboard.tone.acute') }));
    expect(box.value).toBe('Nhanh chóng quá'.normalize('NFC'));
    await answer(user, 'Tiếp tục', CONTACT);
    await tap(user, 'Bỏ qua');
    await screen.findByRole('heading', { level: 1, name: THANKS });
    expect(heldByHost(host)).toMatchObject([{ comment: 'Nhanh chóng quá'.normalize('NFC') }]);
    expect(heading()).toBe(THANKS);
  });
});
