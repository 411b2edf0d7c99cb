import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutputOf } from '../../src/contract/operations';
import { fail, ok } from './fakeTransport';
import { openView, renderStaff } from './staffHarness';

type Item = OutputOf<'listFeedback'>['items'][number];

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** n items, newest first, every one a plain low rating; the test adjusts a few. */
function inbox(n: number): Item[] {
  return Array.from({ length: n }, (_, i) => ({
    responseId: uuid(n - i),
    // One hour apart, the newest at 14:05 in Vietnam (07:05 UTC).
    submittedAt: new Date(Date.parse('2026-11-29T07:05:00.000Z') - i * 3_600_000).toISOString(),
    day: '2026-11-29',
    responseStatus: 'completed' as const,
    flags: [],
    counter: null,
    officer: null,
    field: null,
    lowScores: [{ item: 'result', value: 1 }],
    reasons: [],
    comment: null,
    phone: null,
    status: 'new' as const,
    note: null,
    updatedBy: null,
    updatedAt: null,
    resolvedBy: null,
    resolvedAt: null,
    selfResolved: false,
    dueDay: '2026-12-11',
    callBack: null,
    callBackDueDay: null,
  }));
}

/** The host's inbox: pages by cursor, the workflow rules, who and when. */
function fakeInbox(items: Item[]) {
  const cursorOf = (item: Item) => Number(item.responseId.slice(-12));
  return {
    listFeedback: ({ status, limit = 50, before }: { status?: Item['status']; limit?: number; before?: number }) => {
      const matching = items.filter(
        (i) => (!status || i.status === status) && (before === undefined || cursorOf(i) < before),
      );
      const page = matching.slice(0, limit);
      const handled = items.filter((i) => i.status === 'resolved').length;
      const oldest = items.filter((i) => i.status !== 'resolved').at(-1);
      return ok({
        items: page,
        next: matching.length > limit ? cursorOf(page.at(-1)!) : null,
        stats: {
          total: items.length,
          handled,
          handledPercent: (handled / items.length) * 100,
          oldestUnhandled: oldest ? { responseId: oldest.responseId, submittedAt: oldest.submittedAt } : null,
          onTime: { onTime: handled, due: handled, open: items.length - handled, percent: handled === 0 ? null : 100 },
          calledBack: { onTime: 0, due: 0, open: 0, percent: null },
        },
        deskHeads: [{ code: 'tp01', name: 'Lê Văn Trưởng' }],
      });
    },
    updateFeedback: ({ responseId, status, note }: { responseId: string; status: Item['status']; note?: string }) => {
      if (status === 'resolved' && !note) return fail('bad_input', 'note: say how it was resolved');
      const index = items.findIndex((i) => i.responseId === responseId);
      const at = '2026-11-29T07:30:00.000Z';
      const resolved = status === 'resolved';
      const updated = {
        ...items[index]!,
        status,
        note: note ?? null,
        updatedBy: 'tt02',
        updatedAt: at,
        resolvedBy: resolved ? 'tt02' : null,
        resolvedAt: resolved ? at : null,
      };
      items[index] = updated;
      return ok(updated);
    },
  };
}

const card = (heading: string) => screen.getByRole('article', { name: heading });

afterEach(() => {
  vi.useRealTimers();
});

describe('feedback inbox', () => {
  it('shows what the citizen said, as text, and moves an item from new to in progress to resolved', async () => {
    const items = inbox(3);
    items[0] = {
      ...items[0]!,
      counter: 'Q1',
      officer: 'nv01',
      field: 'dat-dai',
      lowScores: [
        { item: 'access.1', value: 2 },
        { item: 'officer', value: 2 },
      ],
      reasons: [{ dimension: 'access', reason: 'waited-too-long' }],
      comment: 'Chờ lâu quá <script>alert(1)</script>\n<b>đậm</b>',
      phone: '0905123456',
    };
    items[1] = {
      ...items[1]!,
      flags: ['too_fast'],
      responseStatus: 'abandoned',
      status: 'resolved',
      note: 'Đã gọi lại',
      updatedBy: 'nv01',
      updatedAt: '2026-11-29T06:30:00.000Z',
    };
    const { host, user } = renderStaff(fakeInbox(items));
    await openView(user, 'Đánh giá thấp và góp ý');

    await screen.findByText('Đã xử lý 33,3% (1/3 mục)');
    screen.getByText('Mục tiêu: 100% đánh giá thấp và góp ý được xử lý.');
    const first = card('Đánh giá lúc 29/11/2026 14:05');
    const details = within(first);
    expect(details.getByText('Quầy').nextElementSibling?.textContent).toBe('Quầy 1 — Tư pháp, hộ tịch');
    expect(details.getByText('Cán bộ').nextElementSibling?.textContent).toBe('Nguyễn Văn An');
    expect(details.getByText('Lĩnh vực').nextElementSibling?.textContent).toBe('Đất đai');
    expect(details.getByText('Số điện thoại').nextElementSibling?.textContent).toBe('0905123456');
    const low = within(details.getByRole('list', { name: 'Câu được chấm thấp' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(low).toEqual([
      '2 – Không hài lòng: Nơi tiếp đón có đủ chỗ ngồi không?',
      '2 – Không hài lòng: Ông/Bà đánh giá công chức thế nào?',
    ]);
    expect(within(details.getByRole('list', { name: 'Lý do chưa hài lòng' })).getByRole('listitem').textContent).toBe(
      'Phải chờ quá lâu (Tiếp cận dịch vụ hành chính công)',
    );
    // The comment shows literally; nothing in it became markup.
    expect(first.querySelector('.feedback-comment')?.textContent).toBe(
      'Chờ lâu quá <script>alert(1)</script>\n<b>đậm</b>',
    );
    expect(first.querySelector('script, b')).toBeNull();
    details.getByText('Mới');

    const second = within(card('Đánh giá lúc 29/11/2026 13:05'));
    second.getByText('Nghi vấn');
    second.getByText('Bỏ dở');
    second.getByText('Đã xử lý bởi Nguyễn Văn An lúc 29/11/2026 13:30.');

    await user.click(details.getByRole('button', { name: 'Nhận xử lý' }));
    await details.findByText('Đang xử lý: Trần Thị Bình, từ 29/11/2026 14:30.');
    details.getByText('Đang xử lý');

    // Resolving needs a note: refused here, before the host is asked.
    await user.click(details.getByRole('button', { name: 'Đánh dấu đã xử lý' }));
    expect(details.getByRole('alert').textContent).toBe('Vui lòng ghi kết quả xử lý trước khi đánh dấu đã xử lý.');
    expect(details.getByLabelText('Kết quả xử lý').getAttribute('aria-invalid')).toBe('true');
    await user.type(details.getByLabelText('Kết quả xử lý'), 'Đã bố trí thêm ghế chờ');
    await user.click(details.getByRole('button', { name: 'Đánh dấu đã xử lý' }));
    await details.findByText('Đã xử lý bởi Trần Thị Bình lúc 29/11/2026 14:30.');
    details.getByText('Đã bố trí thêm ghế chờ');
    await screen.findByText('Đã xử lý 66,7% (2/3 mục)');

    expect(host.inputsTo('updateFeedback')).toEqual([
      { responseId: uuid(3), status: 'in_progress' },
      { responseId: uuid(3), status: 'resolved', note: 'Đã bố trí thêm ghế chờ' },
    ]);
  });

  it('filters by status and loads more with the cursor', async () => {
    const items = inbox(25);
    items[3] = {
      ...items[3]!,
      status: 'resolved',
      note: 'Xong',
      updatedBy: 'tt02',
      updatedAt: '2026-11-29T07:00:00.000Z',
    };
    const { host, user } = renderStaff(fakeInbox(items));
    await openView(user, 'Đánh giá thấp và góp ý');
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(20));

    await user.click(screen.getByRole('button', { name: 'Tải thêm' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(25));
    expect(screen.queryByRole('button', { name: 'Tải thêm' })).toBeNull();

    await user.selectOptions(screen.getByLabelText('Trạng thái'), 'Đã xử lý');
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    expect(host.inputsTo('listFeedback')).toEqual([
      { limit: 20 },
      { limit: 20, before: 6 },
      { limit: 20, status: 'resolved' },
    ]);
  });

  it('jumps to the item waiting longest, loading the pages before it', async () => {
    const { user } = renderStaff(fakeInbox(inbox(30)));
    await openView(user, 'Đánh giá thấp và góp ý');
    await screen.findByText('Mục chờ lâu nhất: gửi lúc 28/11/2026 09:05.');
    await user.click(screen.getByRole('button', { name: 'Xem mục này' }));
    const oldest = await screen.findByRole('article', { name: 'Đánh giá lúc 28/11/2026 09:05' });
    await waitFor(() => expect(document.activeElement).toBe(oldest));
    expect(screen.getAllByRole('article')).toHaveLength(30);
  });

  it('puts feedback that arrives meanwhile on top, keeping the pages already loaded', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const items = inbox(25);
    let revision = 1;
    const { user } = renderStaff(
      { ...fakeInbox(items), liveStatus: () => ok({ revision, pendingWrites: 0 }) },
      { fakeTimers: true },
    );
    await openView(user, 'Đánh giá thấp và góp ý');
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(20));
    await user.click(screen.getByRole('button', { name: 'Tải thêm' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(25));

    items.unshift({ ...inbox(26)[0]!, submittedAt: '2026-11-29T08:05:00.000Z', comment: 'Mới gửi' });
    revision = 2;
    await act(() => vi.advanceTimersByTimeAsync(1_600));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(26));
    expect(screen.getAllByRole('article')[0]).toBe(card('Đánh giá lúc 29/11/2026 15:05'));
    await screen.findByText('Đã xử lý 0,0% (0/26 mục)');
  });

  it('an item about the officer signed in offers no resolving and no call-back; another officer records the call-back', async () => {
    const items = inbox(2);
    items[0] = { ...items[0]!, officer: 'tt02', phone: '0905123456', callBackDueDay: '2026-12-02' };
    items[1] = { ...items[1]!, officer: 'nv01', phone: '0912000111', callBackDueDay: '2026-12-02' };
    const host = fakeInbox(items);
    const { user, host: seen } = renderStaff({
      ...host,
      recordCallBack: ({ responseId, day, result }: { responseId: string; day: string; result: string }) => {
        const index = items.findIndex((i) => i.responseId === responseId);
        items[index] = { ...items[index]!, callBack: { day, result, by: 'tt02', at: '2026-11-29T08:00:00.000Z' } };
        return ok(items[index]!);
      },
    });
    await openView(user, 'Đánh giá thấp và góp ý');

    const mine = within(await screen.findByRole('article', { name: 'Đánh giá lúc 29/11/2026 14:05' }));
    mine.getByText('Đánh giá này về chính bạn: cán bộ khác hoặc trưởng bộ phận xử lý và gọi lại cho người dân.');
    expect(mine.queryByRole('button', { name: 'Đánh dấu đã xử lý' })).toBeNull();
    expect(mine.queryByRole('button', { name: 'Ghi nhận đã gọi lại' })).toBeNull();
    mine.getByText('Hạn xử lý: 11/12/2026');
    mine.getByText('Hạn gọi lại: 02/12/2026');

    const other = within(card('Đánh giá lúc 29/11/2026 13:05'));
    other.getByText(/Người xử lý: cán bộ khác hoặc trưởng bộ phận \(Lê Văn Trưởng\)/);
    await user.click(other.getByRole('button', { name: 'Ghi nhận đã gọi lại' }));
    expect(other.getByRole('alert').textContent).toBe('Vui lòng ghi kết quả cuộc gọi.');
    await user.clear(other.getByLabelText('Ngày gọi'));
    await user.type(other.getByLabelText('Ngày gọi'), '2026-11-29');
    await user.type(other.getByLabelText('Kết quả cuộc gọi'), 'Đã báo kết quả');
    await user.click(other.getByRole('button', { name: 'Ghi nhận đã gọi lại' }));
    await other.findByText('Đã gọi lại cho người dân ngày 29/11/2026: Đã báo kết quả');
    expect(seen.inputsTo('recordCallBack')).toEqual([
      { responseId: uuid(1), day: '2026-11-29', result: 'Đã báo kết quả' },
    ]);
  });
});
