import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiProvider } from '../../renderer/api/ApiContext';
import { AttractScreen, type AttractScreenProps } from '../../renderer/kiosk/AttractScreen';
import { fakeHost, ok } from './fakeTransport';
import { setup } from './fixtures';
import { answer, enabledButton, heading, heldByHost, Q1, renderKiosk, START, startSurvey, tap } from './kioskHarness';

const largeText = (name = 'Chữ to') => screen.getByRole('button', { name });
const kioskRoot = () => screen.getByRole('main').closest('.kiosk');

describe('kiosk start screen and display', () => {
  it('shows the unit and hotline, and a QR code for feedback only when one is set', async () => {
    const qr = 'https://dienhong.gov.vn/gop-y';
    renderKiosk({ getKioskSetup: () => ok({ ...setup, settings: { ...setup.settings, feedbackQrText: qr } }) });
    await enabledButton(START);
    screen.getByText('UBND xã Điện Hồng');
    screen.getByText('Đường dây nóng: 0235 3846 123');
    // The encoder is a chunk of its own, fetched once a unit has a feedback address.
    const code = await screen.findByRole('img', { name: 'Quét mã QR để gửi góp ý, phản ánh' });
    expect(code.tagName.toLowerCase()).toBe('svg');
    // Drawn as rectangles: a white background and the dark runs of modules.
    expect(code.querySelectorAll('rect').length).toBeGreaterThan(50);
    expect(code.innerHTML).not.toContain(qr);
  });

  it('keeps a tap on the start button until the survey screens are here, with the heading already shown', async () => {
    const host = fakeHost({ setupStatus: () => ok({ hasAdmin: true }) });
    let starts = 0;
    const props: AttractScreenProps = {
      settings: setup.settings,
      canStart: false,
      unavailable: false,
      armed: null,
      notice: undefined,
      onStart: () => (starts += 1),
    };
    const { rerender } = render(
      <ApiProvider client={host.client}>
        <AttractScreen {...props} />
      </ApiProvider>,
    );
    screen.getByRole('heading', { level: 1, name: 'Ý kiến của Ông/Bà giúp chúng tôi phục vụ tốt hơn' });
    screen.getByText('UBND xã Điện Hồng');
    const start = screen.getByRole<HTMLButtonElement>('button', { name: START });
    expect(start.dataset.ready).toBe('false');
    expect(screen.getByText('Đang chuẩn bị câu hỏi…').getAttribute('role')).toBe('status');
    // Tapped too early: shown pressed, and the survey does not start yet.
    fireEvent.click(start);
    expect(start.classList.contains('start-button-pressed')).toBe(true);
    expect(starts).toBe(0);

    rerender(
      <ApiProvider client={host.client}>
        <AttractScreen {...props} canStart />
      </ApiProvider>,
    );
    await enabledButton(START);
    screen.getByText('Chỉ khoảng 30 giây. Không cần nhập thông tin cá nhân.');
    // The kept tap starts the survey, once.
    await waitFor(() => expect(starts).toBe(1));
    expect(start.classList.contains('start-button-pressed')).toBe(false);
  });

  it('shows no QR code when none is set', async () => {
    renderKiosk();
    await enabledButton(START);
    expect(screen.queryByRole('img', { name: /QR/ })).toBeNull();
  });

  it('makes the text larger for this citizen only', async () => {
    const { user } = renderKiosk();
    await enabledButton(START);
    expect(largeText().getAttribute('aria-pressed')).toBe('false');
    expect(kioskRoot()?.classList.contains('kiosk-large')).toBe(false);

    await user.click(largeText());
    expect(largeText().getAttribute('aria-pressed')).toBe('true');
    expect(kioskRoot()?.classList.contains('kiosk-large')).toBe(true);

    // Kept through the survey, and can be switched there too.
    await startSurvey(user);
    expect(largeText().getAttribute('aria-pressed')).toBe('true');
    expect(kioskRoot()?.classList.contains('kiosk-large')).toBe(true);
    await user.click(largeText());
    expect(kioskRoot()?.classList.contains('kiosk-large')).toBe(false);
    await user.click(largeText());

    // Back at the start for the next citizen: normal size again.
    await tap(user, 'Quay lại');
    await enabledButton(START);
    expect(largeText().getAttribute('aria-pressed')).toBe('false');
    expect(kioskRoot()?.classList.contains('kiosk-large')).toBe(false);
  });

  it('switches every text, the questions included, to English and back', async () => {
    const { host, user } = renderKiosk();
    await startSurvey(user);
    await tap(user, 'Quay lại');

    await user.click(await enabledButton('English'));
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    screen.getByRole('button', { name: 'Larger text' });
    screen.getByText('Hotline: 0235 3846 123');
    await user.click(await enabledButton('Rate our service'));

    expect(heading()).toBe('Were there enough seats?');
    screen.getByText('Access to the service');
    screen.getByText('Question 1/4');
    expect(
      within(screen.getByRole('group', { name: 'Choose how satisfied you are' }))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied']);

    await tap(user, 'Tiếng Việt');
    expect(heading()).toBe(Q1);
    screen.getByRole('button', { name: 'Quay lại' });
    await tap(user, 'English');
    expect(heading()).toBe('Were there enough seats?');

    await answer(user, 'Satisfied', 'Was the posted information easy to find?');
    await answer(user, 'No opinion', 'How do you rate the officer?');
    await answer(user, 'Dissatisfied', 'What were you not satisfied with?');
    await tap(user, 'Impolite');
    await answer(user, 'Continue', 'Was the result on time?');
    await answer(user, 'Neutral', 'Would you like to add a comment?');
    screen.getByRole('textbox', { name: 'Your comment' });
    await answer(user, 'Skip', 'Would you like us to contact you?');
    screen.getByRole('checkbox', { name: 'I agree to leave my phone number so that you can contact me' });
    await tap(user, 'Skip');
    await screen.findByRole('heading', { level: 1, name: 'Thank you!' });
    expect(heldByHost(host)).toMatchObject([
      {
        language: 'en',
        answers: [
          { item: 'access.1', score: 4 },
          { item: 'access.2', score: null },
          { item: 'officer', score: 1 },
          { item: 'result', score: 3 },
        ],
        reasons: [{ dimension: 'officer', reason: 'impolite' }],
      },
    ]);

    // The next citizen starts in Vietnamese.
    await tap(user, 'Back to the start');
    await enabledButton(START);
    expect(document.documentElement.lang).toBe('vi');
  });
});
