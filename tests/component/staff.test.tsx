import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from './fakeTransport';
import { overview, renderStaff, signIn, TOKEN } from './staffHarness';

const cellsOf = (table: HTMLElement, rowName: string) =>
  within(within(table).getByRole('row', { name: new RegExp(`^${rowName}`) }))
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

const table = (name: string) => screen.getByRole('table', { name });

afterEach(() => {
  vi.useRealTimers();
});

describe('staff sign-in', () => {
  it('shows the translated error for a wrong PIN, clears it, then the lockout with its minutes', async () => {
    let tries = 0;
    const { host, user } = renderStaff({
      signIn: () =>
        ++tries < 2
          ? fail('unauthenticated', 'wrong officer or PIN')
          : fail('locked', 'too many wrong PINs; try again in 5 min', { retryAfterSeconds: 281 }),
    });
    screen.getByRole('heading', { level: 1, name: 'Đăng nhập cán bộ' });
    const pin = screen.getByLabelText<HTMLInputElement>('Mã PIN');
    expect(pin.type).toBe('password');
    expect(pin.inputMode).toBe('numeric');

    await signIn(user, 'Trần Thị Bình', '1111');
    expect((await screen.findByRole('alert')).textContent).toBe('Sai cán bộ hoặc mã PIN.');
    expect(pin.value).toBe('');

    await user.type(pin, '1112');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Tài khoản đang tạm khoá vì nhập sai mã PIN nhiều lần. Vui lòng thử lại sau 5 phút.',
      ),
    );
    expect(host.inputsTo('signIn')).toEqual([
      { officer: 'tt02', pin: '1111' },
      { officer: 'tt02', pin: '1112' },
    ]);
    expect(host.inputsTo('todayOverview')).toEqual([]);
  });

  it('checks the PIN format before asking the host', async () => {
    const { host, user } = renderStaff();
    await signIn(user, 'Nguyễn Văn An', '12');
    expect(screen.getByRole('alert').textContent).toBe('Mã PIN gồm 4 đến 8 chữ số.');
    expect(host.inputsTo('signIn')).toEqual([]);
  });

  it('returns to sign-in with a notice when the host no longer knows the session', async () => {
    const { user } = renderStaff({ todayOverview: () => fail('unauthenticated') });
    await signIn(user);
    await screen.findByText('Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.');
    screen.getByRole('heading', { level: 1, name: 'Đăng nhập cán bộ' });
  });
});

describe('today', () => {
  it("shows today's figures beside yesterday and the last 7 days, in Vietnamese formats", async () => {
    const { host, user } = renderStaff();
    await signIn(user);

    await screen.findByRole('heading', { level: 1, name: 'Hôm nay' });
    await screen.findByText(/29.+11.+2026/, { selector: '.view-sub' }); // the day's wording is the shared date formatter's
    screen.getByText('Cán bộ: Trần Thị Bình');
    expect(screen.getByRole('link', { name: 'Hôm nay' }).getAttribute('aria-current')).toBe('page');
    // One SIPAS figure per questionnaire version; one over fewer than five dimensions says so.
    screen.getByText('83,3%', { selector: '.sipas-value' });
    screen.getByText('40,0%', { selector: '.sipas-value' });
    screen.getByRole('heading', { level: 2, name: 'Chỉ số SIPAS — Phiếu thử (phiên bản 3)' });
    screen.getByRole('heading', { level: 2, name: 'Chỉ số SIPAS — Phiếu đầy đủ (phiên bản 1)' });

    // The counts add up over every version, under the one set of names.
    const counts = table('Số phiếu đánh giá');
    expect(
      within(counts)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Hôm nay', 'Hôm qua', '7 ngày qua (23/11/2026 – 29/11/2026)']);
    expect(
      within(counts)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(['Số phiếu', 'Phiếu hợp lệ', 'Phiếu nghi vấn', 'Phiếu bỏ dở']);
    expect(cellsOf(counts, 'Số phiếu')).toEqual(['1.239', '41', '2.505']);
    expect(cellsOf(counts, 'Phiếu hợp lệ')).toEqual(['1.234', '40', '2.500']);
    expect(cellsOf(counts, 'Phiếu bỏ dở')).toEqual(['3', '0', '3']);
    expect(cellsOf(counts, 'Phiếu nghi vấn')).toEqual(['2', '1', '2']);

    // A section per questionnaire version, newest-first as the host orders them; never one pooled index.
    const sections = screen.getAllByRole('region').filter((r) => r.classList.contains('questionnaire-section'));
    expect(sections.map((r) => within(r).getByRole('heading', { level: 2 }).textContent)).toEqual([
      'Phiếu đầy đủ (phiên bản 1)',
      'Phiếu thử (phiên bản 3)',
    ]);
    const quick = screen.getByRole('region', { name: 'Phiếu thử (phiên bản 3)' });
    const full = screen.getByRole('region', { name: 'Phiếu đầy đủ (phiên bản 1)' });
    const inQuick = (name: string) => within(quick).getByRole('table', { name });

    const compare = inQuick('So sánh với hôm qua và 7 ngày qua');
    expect(cellsOf(compare, 'Chỉ số SIPAS')).toEqual([
      '83,3% (2/5 yếu tố)',
      '4,13',
      '50,0% (1/5 yếu tố)',
      '3,50',
      '83,3% (2/5 yếu tố)',
      '4,13',
    ]);
    expect(cellsOf(compare, 'Công chức trực tiếp')).toEqual(['66,7%', '3,75', '—', '—', '66,7%', '3,75']);
    // All five dimensions: the full form's SIPAS has no note.
    expect(
      cellsOf(within(full).getByRole('table', { name: 'So sánh với hôm qua và 7 ngày qua' }), 'Chỉ số SIPAS'),
    ).toEqual(['40,0%', '3,00', '—', '—', '40,0%', '3,00']);

    const detail = inQuick('Chỉ số hài lòng theo yếu tố: Hôm nay');
    expect(
      within(detail)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual([
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
    within(detail).getByRole('rowheader', { name: 'Chỉ số SIPAS (2/5 yếu tố)' });
    expect(cellsOf(detail, 'Chỉ số SIPAS')).toEqual(['83,3%', '4,13', '30', '1', '2', '2', '10', '15']);
    // The dimensions' names come from src/domain/dimensions.ts.
    expect(cellsOf(detail, 'Tiếp cận dịch vụ hành chính công')).toEqual([
      '100,0%',
      '4,60',
      '10',
      '0',
      '0',
      '0',
      '4',
      '6',
    ]);
    // Nobody answered on feedback today: the row is still there, empty.
    expect(cellsOf(detail, 'Tiếp nhận, xử lý')).toEqual(['—', '—', '0', '0', '0', '0', '0', '0']);

    // The distribution of yesterday, one press away; the full form had no answers yesterday.
    await user.click(screen.getByRole('button', { name: 'Hôm qua' }));
    expect(cellsOf(inQuick('Chỉ số hài lòng theo yếu tố: Hôm qua'), 'Chỉ số SIPAS')).toEqual([
      '50,0%',
      '3,50',
      '8',
      '1',
      '1',
      '2',
      '2',
      '2',
    ]);
    expect(
      cellsOf(within(full).getByRole('table', { name: 'Chỉ số hài lòng theo yếu tố: Hôm qua' }), 'Chỉ số SIPAS'),
    ).toEqual(['—', '—', '0', '0', '0', '0', '0', '0']);

    expect(cellsOf(inQuick('Theo quầy'), 'Quầy 1')).toEqual(['7', '0', '0', '92,5% (2/5 yếu tố)', '4,00', '14']);
    expect(cellsOf(inQuick('Theo quầy'), 'Không ghi nhận')).toEqual(['2', '0', '0', '50,0% (2/5 yếu tố)', '4,00', '4']);
    expect(cellsOf(within(full).getByRole('table', { name: 'Theo quầy' }), 'Quầy 1')).toEqual([
      '5',
      '0',
      '0',
      '40,0% (2/5 yếu tố)',
      '4,00',
      '10',
    ]);
    // Per officer: the officer dimension's index, with the officer's counted responses, not the whole SIPAS.
    const officers = inQuick('Theo cán bộ');
    expect(
      within(officers)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Cán bộ', 'Phiếu hợp lệ', 'Chỉ số hài lòng: Công chức', 'Điểm trung bình', 'Số câu trả lời']);
    expect(cellsOf(officers, 'Trần Thị Bình')).toEqual(['9', '61,5%', '3,50', '9']);
    expect(within(within(full).getByRole('table', { name: 'Theo cán bộ' })).getByRole('cell').textContent).toBe(
      'Chưa có phiếu nào.',
    );
    expect(cellsOf(inQuick('Theo lĩnh vực'), 'Đất đai')).toEqual(['9', '0', '0', '88,3% (2/5 yếu tố)', '4,00', '18']);
    expect(host.calls.find((call) => call.name === 'todayOverview')).toEqual({
      name: 'todayOverview',
      input: {},
      token: TOKEN,
    });

    // English formatting follows the language.
    await user.click(screen.getByRole('button', { name: 'English' }));
    screen.getByRole('heading', { level: 1, name: 'Today' });
    expect(cellsOf(table('Responses'), 'Counted')).toEqual(['1,234', '40', '2,500']);
    const english = screen.getByRole('region', { name: 'Test form (version 3)' });
    within(english).getByRole('rowheader', { name: 'SIPAS index (1 of 5 dimensions)' }); // yesterday's, still chosen
    expect(within(english).getAllByRole('rowheader', { name: 'Officers handling the case' })).toHaveLength(2); // comparison and detail
    await user.click(screen.getByRole('button', { name: 'Tiếng Việt' }));

    await user.click(screen.getByRole('button', { name: 'Đăng xuất' }));
    await screen.findByRole('heading', { level: 1, name: 'Đăng nhập cán bộ' });
    expect(host.calls.filter((call) => call.name === 'signOut')).toEqual([
      { name: 'signOut', input: {}, token: TOKEN },
    ]);
  });

  it('refetches within one poll when the live revision moves, and warns about unsaved submissions', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let revision = 7;
    let pendingWrites = 0;
    let counted = 1234;
    const { host, user } = renderStaff(
      {
        liveStatus: () => ok({ revision, pendingWrites }),
        todayOverview: () =>
          ok({ ...overview, today: { ...overview.today, responses: { ...overview.today.responses, counted } } }),
      },
      { fakeTimers: true },
    );
    await signIn(user);
    const counts = await screen.findByRole('table', { name: 'Số phiếu đánh giá' });
    await waitFor(() => expect(cellsOf(counts, 'Phiếu hợp lệ')[0]).toBe('1.234'));
    await act(() => vi.advanceTimersByTimeAsync(3_000));
    const before = host.inputsTo('todayOverview').length;
    // Nothing changed: polls go on, the figures are not fetched again.
    expect(host.inputsTo('liveStatus').length).toBeGreaterThan(2);
    expect(screen.queryByRole('alert')).toBeNull();

    counted = 1235;
    revision = 8;
    await act(() => vi.advanceTimersByTimeAsync(1_600));
    await waitFor(() => expect(cellsOf(counts, 'Phiếu hợp lệ')[0]).toBe('1.235'));
    expect(host.inputsTo('todayOverview')).toHaveLength(before + 1);

    pendingWrites = 2;
    await act(() => vi.advanceTimersByTimeAsync(1_600));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '2 phiếu chưa lưu được vào cơ sở dữ liệu; máy đang thử lại.',
    );
  });

  it('signs out by itself after the idle time, though the live polls keep the host session busy', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user } = renderStaff({}, { fakeTimers: true });
    await signIn(user);
    await screen.findByRole('heading', { level: 1, name: 'Hôm nay' });
    await act(() => vi.advanceTimersByTimeAsync(1800_000));
    await screen.findByText('Đã tự đăng xuất vì lâu không có thao tác. Vui lòng đăng nhập lại.');
  });

  it('prints the day report, and saves it as a PDF where the desktop app can', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { host, user } = renderStaff({
      shellCapabilities: () => ok({ exitKiosk: true, savePdf: true }),
      saveReportPdf: ({ fileName }) => ok({ saved: true, path: `C:\\Users\\Lan\\Documents\\${fileName}` }),
    });
    await signIn(user);
    await user.click(await screen.findByRole('link', { name: 'In báo cáo ngày' }));
    await screen.findByRole('heading', { level: 1, name: 'Báo cáo ngày' });
    await screen.findByText('UBND xã Điện Hồng');
    expect(await screen.findAllByRole('table', { name: 'Theo cán bộ' })).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Hôm qua' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'In' }));
    expect(print).toHaveBeenCalledOnce();
    await user.click(screen.getByRole('button', { name: 'Lưu PDF' }));
    await screen.findByText('Đã lưu báo cáo vào: C:\\Users\\Lan\\Documents\\bao-cao-2026-11-29.pdf');
    expect(host.inputsTo('saveReportPdf')).toEqual([{ fileName: 'bao-cao-2026-11-29.pdf' }]);
    print.mockRestore();
  });

  it('offers no PDF button over HTTP', async () => {
    const { user } = renderStaff();
    await signIn(user);
    await user.click(await screen.findByRole('link', { name: 'In báo cáo ngày' }));
    await screen.findAllByRole('table', { name: 'Theo cán bộ' });
    screen.getByRole('button', { name: 'In' });
    expect(screen.queryByRole('button', { name: 'Lưu PDF' })).toBeNull();
  });
});
