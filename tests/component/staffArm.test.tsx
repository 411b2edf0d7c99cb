import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutputOf } from '../../src/contract/operations';
import { fail, ok } from './fakeTransport';
import { openView, renderStaff, signIn } from './staffHarness';

type Armed = OutputOf<'getArmedContext'>;

const ARM_ID = '0b5e7c1a-9d2f-4e3b-8a6c-1f2e3d4c5b6a';

beforeEach(() => {
  // 14:05 in Vietnam.
  vi.useFakeTimers({ now: new Date('2026-11-29T07:05:00.000Z'), shouldAdvanceTime: true });
});
afterEach(() => {
  vi.useRealTimers();
});

/** The host's arming: one context at a time, as the kiosk would see it. */
function fakeArming() {
  let armed: Armed = null;
  return {
    getArmedContext: () => ok(armed),
    armKiosk: (input: {
      caseCode?: string;
      counter?: string;
      officer?: string;
      field?: string;
      purpose?: 'file' | 'collect' | 'inquire';
    }) => {
      if (input.caseCode === 'HS-DA-DANH-GIA') return fail('conflict', 'this case has already been rated');
      armed = {
        armId: ARM_ID,
        expiresAt: '2026-11-29T07:15:00.000Z',
        counter: input.counter ? { code: input.counter, name: 'Quầy 2 — Đất đai, xây dựng' } : null,
        officer: input.officer ? { code: input.officer, name: 'Trần Thị Bình' } : null,
        field: input.field ? { code: input.field, name: 'Hộ tịch' } : null,
        hasCaseCode: input.caseCode !== undefined,
        purpose: input.purpose ?? null,
      };
      return ok({ armId: ARM_ID, expiresAt: '2026-11-29T07:15:00.000Z' });
    },
    disarmKiosk: () => {
      armed = null;
      return ok({ disarmed: true as const });
    },
  };
}

const detail = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;

describe('arming the kiosk', () => {
  it('sends the case code a scanner types with Enter, with the counter, officer, field and purpose, and shows until when', async () => {
    const { host, user } = renderStaff(fakeArming(), { fakeTimers: true });
    await openView(user, 'Chuẩn bị đánh giá');
    await screen.findByText(/^Máy chưa được chuẩn bị/);
    const caseCode = screen.getByLabelText('Mã hồ sơ');
    // Ready for the scanner without a click.
    await waitFor(() => expect(document.activeElement).toBe(caseCode));
    // The signed-in officer is the usual one at the desk.
    await waitFor(() => expect(screen.getByLabelText<HTMLSelectElement>('Cán bộ').value).toBe('tt02'));

    await user.selectOptions(screen.getByLabelText('Quầy'), 'Quầy 2 — Đất đai, xây dựng');
    await user.selectOptions(screen.getByLabelText('Lĩnh vực'), 'Hộ tịch');
    const purpose = screen.getByLabelText<HTMLSelectElement>('Người dân đến để');
    expect([...purpose.options].map((o) => o.text)).toEqual([
      '— Không chọn —',
      'Nộp hồ sơ',
      'Nhận kết quả',
      'Hỏi thông tin',
    ]);
    await user.selectOptions(purpose, 'Nhận kết quả');
    await user.type(caseCode, 'HS-2026-000123{Enter}');

    expect(host.inputsTo('armKiosk')).toEqual([
      { caseCode: 'HS-2026-000123', counter: 'Q2', officer: 'tt02', field: 'ho-tich', purpose: 'collect' },
    ]);
    expect((await screen.findByRole('status')).textContent).toBe(
      'Đã chuẩn bị. Máy chờ người dân đánh giá đến 14:15:00.',
    );
    await screen.findByText('Hết hạn lúc 14:15:00 (còn khoảng 10 phút), hoặc ngay sau một lượt đánh giá.');
    expect(detail('Mã hồ sơ')).toBe('Đã nhập (không hiển thị)');
    expect(detail('Quầy')).toBe('Quầy 2 — Đất đai, xây dựng');
    expect(detail('Cán bộ')).toBe('Trần Thị Bình');
    expect(detail('Lĩnh vực')).toBe('Hộ tịch');
    expect(detail('Người dân đến để')).toBe('Nhận kết quả');
    // The purpose is the next citizen's own: asked again each time.
    expect(purpose.value).toBe('');
    // The field is emptied and focused again for the next scan.
    expect((caseCode as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(caseCode);

    await act(() => vi.advanceTimersByTimeAsync(4 * 60_000));
    await screen.findByText('Hết hạn lúc 14:15:00 (còn khoảng 6 phút), hoặc ngay sau một lượt đánh giá.');

    await user.click(screen.getByRole('button', { name: 'Huỷ' }));
    await screen.findByText(/^Máy chưa được chuẩn bị/);
    expect(screen.getByRole('status').textContent).toBe('Đã huỷ chuẩn bị.');
    expect(host.inputsTo('disarmKiosk')).toEqual([{}]);
  });

  it('says so when the case was already rated, and when nothing was given', async () => {
    const { host, user } = renderStaff(fakeArming(), { fakeTimers: true });
    await openView(user, 'Chuẩn bị đánh giá');
    await waitFor(() => expect(screen.getByLabelText<HTMLSelectElement>('Cán bộ').value).toBe('tt02'));

    await user.type(screen.getByLabelText('Mã hồ sơ'), 'HS-DA-DANH-GIA{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.',
    );

    await user.clear(screen.getByLabelText('Mã hồ sơ'));
    await user.selectOptions(screen.getByLabelText('Cán bộ'), '— Không chọn —');
    await user.click(screen.getByRole('button', { name: 'Chuẩn bị máy đánh giá' }));
    expect(screen.getByRole('alert').textContent).toBe('Nhập mã hồ sơ hoặc chọn quầy, cán bộ hay lĩnh vực.');
    expect(host.inputsTo('armKiosk')).toHaveLength(1);
    screen.getByText(/^Máy chưa được chuẩn bị/);
  });

  it('tells staff on Today when an armed context lapsed unused, until one of them dismisses it', async () => {
    let lapsed: OutputOf<'listLapsedArmings'> = [
      {
        armId: ARM_ID,
        caseCode: 'HS-2026-000456',
        officer: { code: 'tt02', name: 'Trần Thị Bình' },
        counter: { code: 'Q2', name: 'Quầy 2 — Đất đai, xây dựng' },
        field: null,
        purpose: 'collect',
        armedAt: '2026-11-29T07:00:00.000Z',
        expiredAt: '2026-11-29T07:05:00.000Z',
      },
    ];
    const { host, user } = renderStaff(
      {
        listLapsedArmings: () => ok(lapsed),
        dismissLapsedArming: ({ armId }) => {
          lapsed = lapsed.filter((entry) => entry.armId !== armId);
          return ok({ dismissed: true as const });
        },
      },
      { fakeTimers: true },
    );
    await signIn(user);
    await screen.findByRole('heading', { level: 1, name: 'Hôm nay' });
    const notice = await screen.findByRole('region', { name: 'Lượt đánh giá chưa được thực hiện' });
    expect(notice.textContent).toContain('Lượt đánh giá cho hồ sơ HS-2026-000456 chưa được thực hiện.');
    expect(notice.textContent).toContain('Chuẩn bị lúc 14:00:00, hết hạn lúc 14:05:00');
    expect(notice.textContent).toContain('Trần Thị Bình · Quầy 2 — Đất đai, xây dựng.');
    await user.click(screen.getByRole('button', { name: 'Đã biết' }));
    expect(host.inputsTo('dismissLapsedArming')).toEqual([{ armId: ARM_ID }]);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Lượt đánh giá chưa được thực hiện' })).toBeNull());
  });
});
