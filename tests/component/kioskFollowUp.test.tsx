import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ok } from './fakeTransport';
import { ARM_ID, armed, CITIZEN_ID, CONSENT_VERSION } from './fixtures';
import {
  answer, COMMENT, CONTACT, heading, keyName, Q1, Q2, Q3, Q4, REASONS, renderKiosk, startSurvey, tap, THANKS, typeOnScreen, type User,
} from './kioskHarness';

const chip = (name: string) => screen.getByRole('button', { name });
const pressed = (name: string) => chip(name).getAttribute('aria-pressed');

async function tapKeypad(user: User, digits: string) {
  const keypad = screen.getByRole('group', { name: 'Bàn phím số' });
  for (const digit of digits) await user.click(within(keypad).getByRole('button', { name: digit === '+' ? 'Dấu cộng' : digit }));
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
    expect(reasons.getAllByRole('button').map((b) => b.textContent)).toEqual(['Phải chờ quá lâu', 'Thiếu chỗ ngồi chờ', 'Khó tìm thông tin']);
    await tap(user, 'Thiếu chỗ ngồi chờ');
    await tap(user, 'Phải chờ quá lâu');
    await tap(user, 'Khó tìm thông tin');
    await tap(user, 'Khó tìm thông tin');
    expect([pressed('Phải chờ quá lâu'), pressed('Thiếu chỗ ngồi chờ'), pressed('Khó tìm thông tin')]).toEqual(['true', 'true', 'false']);
    await answer(user, 'Tiếp tục', Q3);

    // Three-point "Không hài lòng" counts as 2 on five points: low too.
    await answer(user, 'Không hài lòng', REASONS);
    screen.getByText('Công chức giải quyết công việc');
    await tap(user, 'Thái độ không lịch sự');
    await answer(user, 'Tiếp tục', Q4);
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
      'Không bắt buộc. Số điện thoại chỉ dùng để trả lời góp ý của Ông/Bà, do Bộ phận Một cửa của xã giữ và được xoá sau 12 tháng.',
    );
    expect(screen.queryByLabelText('Số điện thoại')).toBeNull();
    await user.click(consent);
    await tapKeypad(user, '0905123456');
    expect(screen.getByLabelText<HTMLInputElement>('Số điện thoại').value).toBe('0905123456');
    clock.now = 31_000;
    await tap(user, 'Tiếp tục');
    await screen.findByRole('heading', { level: 1, name: THANKS });

    expect(host.inputsTo('submitResponse')).toEqual([
      {
        id: CITIZEN_ID,
        questionnaire: { id: 'test-quick', version: 3 },
        language: 'vi',
        durationMs: 30_000,
        status: 'completed',
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

  it('sends nothing of what was skipped', async () => {
    const { host, user } = renderKiosk();
    await startSurvey(user);
    await answer(user, 'Rất không hài lòng', Q2);
    await answer(user, 'Rất hài lòng', REASONS);
    await tap(user, 'Phải chờ quá lâu');
    await answer(user, 'Bỏ qua', Q3);
    await answer(user, 'Rất hài lòng', Q4);
    await answer(user, 'Rất hài lòng', COMMENT);
    await typeOnScreen(user, 'abc');
    await answer(user, 'Bỏ qua', CONTACT);
    await user.click(screen.getByRole('checkbox'));
    await tapKeypad(user, '0905123456');
    await tap(user, 'Bỏ qua');
    await screen.findByRole('heading', { level: 1, name: THANKS });

    const [sent] = host.inputsTo('submitResponse');
    expect(sent).toMatchObject({ status: 'completed', reasons: [] });
    expect(sent).not.toHaveProperty('comment');
    expect(sent).not.toHaveProperty('contact');
    expect(sent).not.toHaveProperty('armId');
    expect(sent).not.toHaveProperty('context');
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
    await answer(user, 'Tiếp tục', CONTACT);
    await answer(user, 'Quay lại', COMMENT);
    await answer(user, 'Tiếp tục', CONTACT);
    await tap(user, 'Tiếp tục');
    await screen.findByRole('heading', { level: 1, name: THANKS });
    expect(host.inputsTo('submitResponse')).toMatchObject([{ answers: [{ score: 4 }, { score: 4 }, { score: 2 }, { score: 4 }], reasons: [] }]);
  });

  it('checks the phone number before going on, and forgets it when consent is withdrawn', async () => {
    const { host, user } = renderKiosk();
    await startSurvey(user);
    for (const next of [Q2, Q3, Q4, COMMENT]) await answer(user, 'Hài lòng', next);
    await answer(user, 'Tiếp tục', CONTACT);
    await user.click(screen.getByRole('checkbox'));
    const phone = screen.getByLabelText<HTMLInputElement>('Số điện thoại');

    const invalid = 'Số điện thoại chưa đúng: số bắt đầu bằng 0 hoặc +84, tiếp theo là 9 hoặc 10 chữ số.';
    await tap(user, 'Tiếp tục');
    expect(screen.getByRole('alert').textContent).toBe(invalid);
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(heading()).toBe(CONTACT);

    await tapKeypad(user, '12345');
    await tap(user, 'Xoá');
    expect(phone.value).toBe('1234');
    await tap(user, 'Tiếp tục');
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
    expect(host.inputsTo('submitResponse')).toMatchObject([{ contact: { phone: '+84905123456', consentVersion: CONSENT_VERSION } }]);
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
    expect(host.inputsTo('submitResponse')).toMatchObject([{ comment: 'Nhanh chóng quá'.normalize('NFC') }]);
    expect(heading()).toBe(THANKS);
  });
});
