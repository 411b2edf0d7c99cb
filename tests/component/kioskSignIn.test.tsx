import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../renderer/api/ApiContext';
import { App } from '../../renderer/App';
import { STAFF_IDLE_MINUTES } from '../../src/domain/kioskSettings';
import { openSection } from './adminHarness';
import { fail, fakeHost, ok, type Handlers } from './fakeTransport';
import { setup } from './fixtures';

// Lazy chunks and whole sign-ins: on a busy two-core machine more than five seconds.
vi.setConfig({ testTimeout: 30_000 });

const UNIT = 'UBND xã Điện Hồng';
const STAFF_TOKEN = 'tok_staff';
const ADMIN_TOKEN = 'tok_admin';
const PHOTO = 'data:image/png;base64,iVBORw0KGgo=';

/** The citizen screen over a fake host: officers nv01 (PIN 1111, staff) and qtv (PIN 9999, administrator). */
function renderKiosk(handlers: Handlers = {}) {
  window.location.hash = '#/kiosk';
  const host = fakeHost({
    getKioskSetup: () => ok({ ...setup, settings: { ...setup.settings, staffIdleMinutes: 2 } }),
    getArmedContext: () => ok(null),
    setupStatus: () => ok({ hasAdmin: true }),
    listOfficers: () =>
      ok([
        { code: 'qtv', name: 'Lê Thu Hà', photo: PHOTO },
        { code: 'nv01', name: 'Nguyễn Thị Lan', photo: null },
      ]),
    signIn: ({ officer, pin }) =>
      officer === 'nv01' && pin === '1111'
        ? ok({
            token: STAFF_TOKEN,
            role: 'staff',
            officer: { code: 'nv01', name: 'Nguyễn Thị Lan' },
            idleTimeoutSeconds: 1800,
          })
        : officer === 'qtv' && pin === '9999'
          ? ok({
              token: ADMIN_TOKEN,
              role: 'admin',
              officer: { code: 'qtv', name: 'Lê Thu Hà' },
              idleTimeoutSeconds: 1800,
            })
          : fail('unauthenticated', 'wrong officer or PIN'),
    signOut: () => ok({ signedOut: true as const }),
    // Today answers only with a session token; the figures themselves are other tests' business.
    todayOverview: (_input, token) => (token ? fail('unavailable') : fail('unauthenticated')),
    liveStatus: () => ok({ revision: 1, pendingWrites: 0 }),
    listDesks: () => ok({ counters: [], fields: [], officers: [] }),
    shellCapabilities: () => ok({ exitKiosk: false, savePdf: false }),
    ...handlers,
  });
  render(
    <ApiProvider client={host.client}>
      <App />
    </ApiProvider>,
  );
  return host;
}

// The staff and admin chunks are compiled on first use: the first wait can be long.
const LAZY = { timeout: 15_000 };

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

async function unitName(): Promise<HTMLElement> {
  return screen.findByText(UNIT, { selector: '.attract-unit' });
}

/** Presses the unit's name for `ms`, then lifts the finger. */
async function hold(ms: number) {
  const target = await unitName();
  fireEvent.pointerDown(target, { pointerType: 'touch', isPrimary: true, button: 0 });
  await advance(ms);
  fireEvent.pointerUp(target, { pointerType: 'touch', isPrimary: true, button: 0 });
}

const signInDialog = () => screen.findByRole('dialog', { name: 'Đăng nhập cán bộ: chọn tên của mình' });

async function typePin(digits: string) {
  const pad = screen.getByRole('group', { name: 'Bàn phím nhập mã PIN' });
  for (const digit of digits) fireEvent.click(within(pad).getByRole('button', { name: digit }));
  fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
}

afterEach(() => {
  vi.useRealTimers();
  sessionStorage.clear();
});

describe('getting in from the kiosk', () => {
  it('opens the sign-in after a 3-second hold on the unit name, and nothing on the screen gives it away', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderKiosk();
    const name = await unitName();
    // Plain text: no button, link or hint.
    expect(name.tagName).toBe('P');
    expect(name.getAttribute('role')).toBeNull();
    expect(screen.queryByText(/đăng nhập|giữ|hold/i)).toBeNull();

    fireEvent.pointerDown(name, { pointerType: 'touch', isPrimary: true, button: 0 });
    await advance(2900);
    expect(screen.queryByRole('dialog')).toBeNull();
    await advance(200);
    await signInDialog();
  });

  it('opens nothing after a 1-second hold, a tap, or a press that slides off', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const host = renderKiosk();
    await hold(1000);
    await advance(5000);
    expect(screen.queryByRole('dialog')).toBeNull();

    await hold(0);
    await advance(5000);
    expect(screen.queryByRole('dialog')).toBeNull();

    const name = await unitName();
    fireEvent.pointerDown(name, { pointerType: 'touch', isPrimary: true, button: 0 });
    await advance(1500);
    fireEvent.pointerLeave(name, { pointerType: 'touch', isPrimary: true });
    await advance(5000);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(host.inputsTo('listOfficers')).toEqual([]);
  });

  it('lists officers by name and photo, with no sign of who is an administrator', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderKiosk();
    await hold(3000);
    const dialog = await signInDialog();
    const list = await within(dialog).findByRole('list', { name: 'Danh sách cán bộ' });
    const officers = within(list).getAllByRole('button');
    expect(officers.map((button) => button.textContent)).toEqual(['Lê Thu Hà', 'NLNguyễn Thị Lan']);
    expect(officers.map((button) => button.getAttribute('aria-label'))).toEqual([null, null]);
    expect(officers[0]?.querySelector('img')?.getAttribute('src')).toBe(PHOTO);
    expect(dialog.textContent).not.toMatch(/quản trị|admin|qtv/i);
  });

  it('takes the PIN on a pad of large keys, counts a wrong PIN and shows a lockout with its minutes', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let locked = false;
    const host = renderKiosk({
      signIn: () =>
        locked
          ? fail('locked', 'too many wrong PINs', { retryAfterSeconds: 240 })
          : ((locked = true), fail('unauthenticated', 'wrong officer or PIN')),
    });
    await hold(3000);
    fireEvent.click(await screen.findByRole('button', { name: 'Nguyễn Thị Lan' }));
    await screen.findByRole('dialog', { name: 'Nguyễn Thị Lan: nhập mã PIN' });

    const keys = within(screen.getByRole('group', { name: 'Bàn phím nhập mã PIN' })).getAllByRole('button');
    expect(keys.map((key) => key.textContent || key.getAttribute('aria-label'))).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '0',
      'Xoá',
    ]);
    for (const key of keys) {
      expect(parseFloat(key.style.minWidth)).toBeGreaterThanOrEqual(72);
      expect(parseFloat(key.style.minHeight)).toBeGreaterThanOrEqual(72);
    }

    await typePin('12');
    expect(screen.getByRole('alert').textContent).toBe('Mã PIN gồm 4 đến 8 chữ số.');
    expect(host.inputsTo('signIn')).toEqual([]);

    await typePin('34');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Sai cán bộ hoặc mã PIN.'));
    expect(screen.getByRole('status', { name: 'Đã nhập 0 số' })).toBeTruthy();
    await typePin('9999');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Tài khoản đang tạm khoá vì nhập sai mã PIN nhiều lần. Vui lòng thử lại sau 4 phút.',
      ),
    );
    expect(host.inputsTo('signIn')).toEqual([
      { officer: 'nv01', pin: '1234' },
      { officer: 'nv01', pin: '9999' },
    ]);
    expect(window.location.hash).toBe('#/kiosk');
  });

  it('takes staff to Today, and after the kiosk idle time ends the session and brings the citizen screen back', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const host = renderKiosk();
    await hold(3000);
    fireEvent.click(await screen.findByRole('button', { name: /Nguyễn Thị Lan/ }));
    await typePin('1111');
    await screen.findByRole('heading', { level: 1, name: 'Hôm nay' }, LAZY);
    expect(window.location.hash).toBe('#/staff');
    expect(host.calls.filter((c) => c.name === 'todayOverview').every((c) => c.token === STAFF_TOKEN)).toBe(true);
    screen.getByRole('button', { name: 'Về màn hình đánh giá' });

    // A touch keeps it open...
    await advance(100_000);
    fireEvent.pointerDown(document.body);
    await advance(100_000);
    screen.getByRole('heading', { level: 1, name: 'Hôm nay' });
    expect(host.inputsTo('signOut')).toEqual([]);

    // ...two minutes without one does not.
    await advance(20_001);
    await screen.findByRole('button', { name: 'Đánh giá mức độ hài lòng' });
    expect(window.location.hash).toBe('#/kiosk');
    expect(host.calls.filter((c) => c.name === 'signOut').map((c) => c.token)).toEqual([STAFF_TOKEN]);
  });

  it('lets an administrator choose the staff or the admin screens, and the button returns to the kiosk signed out', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const host = renderKiosk({ getUnitSetup: () => ok({ counters: [], fields: [], officers: [] }) });
    await hold(3000);
    fireEvent.click(await screen.findByRole('button', { name: /Lê Thu Hà/ }));
    await typePin('9999');
    await screen.findByRole('dialog', { name: 'Mở màn hình nào?' });
    screen.getByRole('button', { name: 'Nhân viên' });
    fireEvent.click(screen.getByRole('button', { name: 'Quản trị' }));
    await screen.findByText('Quản trị viên: Lê Thu Hà', undefined, LAZY);
    expect(window.location.hash).toBe('#/admin');

    fireEvent.click(screen.getByRole('button', { name: 'Về màn hình đánh giá' }));
    await screen.findByRole('button', { name: 'Đánh giá mức độ hài lòng' });
    expect(host.calls.filter((c) => c.name === 'signOut').map((c) => c.token)).toEqual([ADMIN_TOKEN]);
  });
});

describe('first run on the kiosk', () => {
  it('says the kiosk is not set up, creates the first administrator there and walks through the setup', async () => {
    let hasAdmin = false;
    const host = renderKiosk({
      setupStatus: () => ok({ hasAdmin }),
      createFirstAdmin: ({ code, name }) => ((hasAdmin = true), ok({ code, name })),
      signIn: ({ officer, pin }) =>
        officer === 'qtv' && pin === '2468'
          ? ok({
              token: ADMIN_TOKEN,
              role: 'admin',
              officer: { code: 'qtv', name: 'Lê Thu Hà' },
              idleTimeoutSeconds: 1800,
            })
          : fail('unauthenticated'),
      getUnitSetup: () => ok({ counters: [], fields: [], officers: [] }),
      listQuestionnaires: () => ok([]),
    });
    expect((await screen.findByRole('alert')).textContent).toBe('Máy khảo sát chưa được thiết lập.');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Đánh giá mức độ hài lòng' }).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Thiết lập máy' }));
    await screen.findByRole('heading', { level: 1, name: 'Thiết lập lần đầu' }, LAZY);
    expect(window.location.hash).toBe('#/admin');

    fireEvent.change(screen.getByLabelText('Mã quản trị viên'), { target: { value: 'qtv' } });
    fireEvent.change(screen.getByLabelText('Họ và tên'), { target: { value: 'Lê Thu Hà' } });
    fireEvent.change(screen.getByLabelText('Mã PIN'), { target: { value: '2468' } });
    fireEvent.change(screen.getByLabelText('Nhập lại mã PIN'), { target: { value: '2468' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tạo quản trị viên' }));

    // Signed in at once with the new PIN, on to the unit, the officers and the questionnaire.
    const steps = await screen.findByRole('navigation', { name: 'Các bước thiết lập' });
    const current = () => steps.querySelector('[aria-current="step"]')?.textContent;
    expect(current()).toBe('Đơn vị & quầy');
    await screen.findByRole('heading', { level: 1, name: 'Đơn vị & quầy' });
    expect(host.inputsTo('signIn')).toEqual([{ officer: 'qtv', pin: '2468' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Tiếp theo' }));
    expect(current()).toBe('Cán bộ');
    fireEvent.click(screen.getByRole('button', { name: 'Tiếp theo' }));
    expect(current()).toBe('Phiếu khảo sát');
    fireEvent.click(screen.getByRole('button', { name: 'Hoàn tất, về màn hình đánh giá' }));

    await screen.findByRole('button', { name: 'Đánh giá mức độ hài lòng' });
    expect(window.location.hash).toBe('#/kiosk');
    expect(host.calls.filter((c) => c.name === 'signOut').map((c) => c.token)).toEqual([ADMIN_TOKEN]);
    await waitFor(() => expect(screen.queryByText('Máy khảo sát chưa được thiết lập.')).toBeNull());
  });
});

describe('the kiosk idle time setting', () => {
  it('is edited with the kiosk settings, within the schema’s bounds', async () => {
    const { host, user } = await openSection('unit', 'Đơn vị & quầy', {
      updateKioskSettings: (input) => ok({ ...setup.settings, staffIdleMinutes: input.staffIdleMinutes ?? 2 }),
    });
    const form = await screen.findByRole('form', { name: 'Đơn vị và máy khảo sát' });
    const minutes = within(form).getByLabelText<HTMLInputElement>('Tự đăng xuất cán bộ trên máy kiosk sau (phút)');
    expect(minutes.value).toBe('2');
    expect([minutes.min, minutes.max]).toEqual([String(STAFF_IDLE_MINUTES.min), String(STAFF_IDLE_MINUTES.max)]);

    await user.clear(minutes);
    await user.type(minutes, '0');
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    expect(within(form).getByRole('alert').textContent).toBe(
      'Tự đăng xuất cán bộ trên máy kiosk sau (phút): nhập một số từ 1 đến 60.',
    );
    expect(host.inputsTo('updateKioskSettings')).toEqual([]);

    await user.clear(minutes);
    await user.type(minutes, '5');
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(host.inputsTo('updateKioskSettings')).toHaveLength(1));
    expect(host.inputsTo('updateKioskSettings')[0]).toMatchObject({ staffIdleMinutes: 5 });
  });
});
