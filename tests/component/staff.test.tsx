import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../src/contract/operations';
import { ApiProvider } from '../../renderer/api/ApiContext';
import { StaffApp } from '../../renderer/staff/StaffApp';
import { fail, fakeHost, ok, type Handlers } from './fakeTransport';

const TOKEN = 'tok_0123456789abcdef';

const summary: OutputOf<'dailySummary'> = {
  day: '2026-11-29',
  responses: { counted: 1234, completed: 1236, abandoned: 3, suspect: 2 },
  score: {
    index: 83.333_333,
    mean: 4.125,
    answers: 30,
    distribution: [1, 2, 2, 10, 15],
    dimensions: [
      {
        dimension: 'access',
        index: 100,
        mean: 4.6,
        answers: 10,
        distribution: [0, 0, 0, 4, 6],
        items: [],
      },
      {
        dimension: 'officer',
        index: 66.666_667,
        mean: 3.75,
        answers: 12,
        distribution: [1, 2, 1, 2, 6],
        items: [],
      },
      {
        dimension: 'result',
        index: null,
        mean: null,
        answers: 0,
        distribution: [0, 0, 0, 0, 0],
        items: [],
      },
    ],
  },
};

function renderStaff(handlers: Handlers = {}) {
  const host = fakeHost({
    listOfficers: () =>
      ok([
        { code: 'nv01', name: 'Nguyễn Văn An' },
        { code: 'tt02', name: 'Trần Thị Bình' },
      ]),
    signIn: ({ officer, pin }) =>
      officer === 'tt02' && pin === '2468'
        ? ok({ token: TOKEN, role: 'staff', officer: { code: 'tt02', name: 'Trần Thị Bình' }, idleTimeoutSeconds: 1800 })
        : fail('unauthenticated', 'wrong officer or PIN'),
    // Answers only with the session token: proves the client was given it.
    dailySummary: (_input, token) => (token === TOKEN ? ok(summary) : fail('unauthenticated')),
    signOut: () => ok({ signedOut: true as const }),
    ...handlers,
  });
  render(
    <ApiProvider client={host.client}>
      <StaffApp />
    </ApiProvider>,
  );
  return { host, user: userEvent.setup() };
}

async function signIn(user: ReturnType<typeof userEvent.setup>, officer: string, pin: string) {
  await screen.findByRole('option', { name: officer });
  await user.selectOptions(screen.getByLabelText('Cán bộ'), officer);
  await user.type(screen.getByLabelText('Mã PIN'), pin);
  await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
}

const cellsOf = (rowName: string) =>
  within(screen.getByRole('row', { name: new RegExp(`^${rowName}`) }))
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

const countOf = (term: string) => screen.getByText(term).nextElementSibling?.textContent;

describe('staff', () => {
  it('shows the translated error for a wrong PIN and clears the PIN', async () => {
    const { host, user } = renderStaff();
    screen.getByRole('heading', { level: 1, name: 'Đăng nhập cán bộ' });
    const pin = screen.getByLabelText<HTMLInputElement>('Mã PIN');
    expect(pin.type).toBe('password');
    expect(pin.inputMode).toBe('numeric');

    await signIn(user, 'Trần Thị Bình', '1111');
    expect((await screen.findByRole('alert')).textContent).toBe('Sai cán bộ hoặc mã PIN.');
    expect(pin.value).toBe('');
    expect(host.inputsTo('signIn')).toEqual([{ officer: 'tt02', pin: '1111' }]);
    expect(host.inputsTo('dailySummary')).toEqual([]);
  });

  it('explains a locked account and a malformed PIN without guessing', async () => {
    const { host, user } = renderStaff({ signIn: () => fail('locked', 'too many wrong PINs; try again in 5 min') });
    await signIn(user, 'Nguyễn Văn An', '12');
    expect(screen.getByRole('alert').textContent).toBe('Mã PIN gồm 4 đến 8 chữ số.');
    expect(host.inputsTo('signIn')).toEqual([]);

    await user.type(screen.getByLabelText('Mã PIN'), '34');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect((await screen.findByText(/tạm khoá/)).textContent).toBe(
      'Tài khoản đang tạm khoá vì nhập sai mã PIN nhiều lần. Vui lòng thử lại sau ít phút.',
    );
    expect(host.inputsTo('signIn')).toEqual([{ officer: 'nv01', pin: '1234' }]);
  });

  it("shows today's figures after sign-in, refreshes them and signs out", async () => {
    let asked = 0;
    const { host, user } = renderStaff({
      // The second look finds one more counted response.
      dailySummary: (_input, token) => {
        if (token !== TOKEN) return fail('unauthenticated');
        asked += 1;
        return ok(asked === 1 ? summary : { ...summary, responses: { ...summary.responses, counted: 1235 } });
      },
    });
    await signIn(user, 'Trần Thị Bình', '2468');

    await screen.findByRole('heading', { level: 1, name: 'Hôm nay' });
    await screen.findByText('Chủ Nhật, 29 tháng 11, 2026');
    screen.getByText('Cán bộ: Trần Thị Bình');
    expect(countOf('Được tính vào chỉ số')).toBe('1.234');
    expect(countOf('Bỏ dở')).toBe('3');
    expect(countOf('Nghi vấn')).toBe('2');
    screen.getByText('83,3%', { selector: '.sipas-value' });

    const table = screen.getByRole('table', { name: 'Chỉ số hài lòng theo yếu tố' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Yếu tố',
      'Chỉ số hài lòng',
      'Điểm trung bình',
      'Số câu trả lời',
      'Số câu trả lời theo mức điểm',
      '1 Rất không hài lòng',
      '2 Không hài lòng',
      '3 Bình thường',
      '4 Hài lòng',
      '5 Rất hài lòng',
    ]);
    expect(within(table).getAllByRole('rowheader').map((th) => th.textContent)).toEqual([
      'Chỉ số SIPAS',
      'Tiếp cận dịch vụ hành chính công',
      'Thủ tục hành chính',
      'Công chức trực tiếp giải quyết công việc',
      'Kết quả giải quyết thủ tục hành chính',
      'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
    ]);
    expect(cellsOf('Chỉ số SIPAS')).toEqual(['83,3%', '4,13', '30', '1', '2', '2', '10', '15']);
    expect(cellsOf('Công chức trực tiếp')).toEqual(['66,7%', '3,75', '12', '1', '2', '1', '2', '6']);
    expect(cellsOf('Tiếp cận dịch vụ')).toEqual(['100,0%', '4,60', '10', '0', '0', '0', '4', '6']);
    expect(cellsOf('Kết quả giải quyết')).toEqual(['—', '—', '0', '0', '0', '0', '0', '0']);
    // Nobody answered on feedback today: the row is still there, empty.
    expect(cellsOf('Tiếp nhận, xử lý')).toEqual(['—', '—', '0', '0', '0', '0', '0', '0']);

    // English formatting follows the language.
    await user.click(screen.getByRole('button', { name: 'English' }));
    screen.getByRole('heading', { level: 1, name: 'Today' });
    expect(cellsOf('SIPAS index')).toEqual(['83.3%', '4.13', '30', '1', '2', '2', '10', '15']);
    expect(countOf('Counted in the index')).toBe('1,234');
    await user.click(screen.getByRole('button', { name: 'Tiếng Việt' }));

    await user.click(screen.getByRole('button', { name: 'Làm mới' }));
    await waitFor(() => expect(countOf('Được tính vào chỉ số')).toBe('1.235'));
    expect(host.inputsTo('dailySummary')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Đăng xuất' }));
    await screen.findByRole('heading', { level: 1, name: 'Đăng nhập cán bộ' });
    const signOut = host.calls.filter((call) => call.name === 'signOut');
    expect(signOut).toEqual([{ name: 'signOut', input: {}, token: TOKEN }]);
  });

  it('asks to sign in again when the session has expired', async () => {
    const { user } = renderStaff({ dailySummary: () => fail('unauthenticated') });
    await signIn(user, 'Trần Thị Bình', '2468');
    await screen.findByText('Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.');
    screen.getByRole('heading', { level: 1, name: 'Đăng nhập cán bộ' });
  });
});
