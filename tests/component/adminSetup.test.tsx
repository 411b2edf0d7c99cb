import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InputOf, OutputOf } from '../../src/contract/operations';
import { fail, ok } from './fakeTransport';
import { setup } from './fixtures';
import { openSection, unitSetup } from './adminHarness';

type Officer = OutputOf<'saveOfficer'>;

describe('admin: unit and officers', () => {
  it('adds a counter and retires another, sending exactly what was typed', async () => {
    let counters = [...unitSetup.counters];
    const { host, user } = await openSection('unit', 'Đơn vị & quầy', {
      getUnitSetup: () => ok({ ...unitSetup, counters }),
      saveCounter: (input) => {
        const saved = { code: input.code, name: input.name, active: input.active ?? true };
        counters = [...counters.filter((c) => c.code !== saved.code), saved];
        return ok(saved);
      },
    });
    const add = await screen.findByRole('form', { name: 'Thêm quầy' });
    // Required fields are checked before anything is sent, and named.
    await user.click(within(add).getByRole('button', { name: 'Lưu' }));
    expect(within(add).getByRole('alert').textContent).toBe('Vui lòng nhập: Mã, Tên.');

    await user.type(within(add).getByLabelText('Mã'), 'Q3');
    await user.type(within(add).getByLabelText('Tên'), 'Quầy 3 — Lao động');
    await user.click(within(add).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(within(add).getByRole('status').textContent).toBe('Đã lưu quầy Q3.'));
    await screen.findByRole('cell', { name: 'Quầy 3 — Lao động' });

    const table = screen.getAllByRole('table')[0]!;
    await user.click(within(table).getByRole('button', { name: 'Sửa Quầy 2 — Đất đai, xây dựng' }));
    const edit = screen.getByRole('form', { name: 'Sửa quầy Q2' });
    expect(within(edit).getByLabelText<HTMLInputElement>('Mã').readOnly).toBe(true);
    await user.click(within(edit).getByLabelText('Đang sử dụng'));
    await user.click(within(edit).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(within(edit).getByRole('status').textContent).toBe('Đã lưu quầy Q2.'));

    expect(host.inputsTo('saveCounter')).toEqual([
      { code: 'Q3', name: 'Quầy 3 — Lao động', active: true },
      { code: 'Q2', name: 'Quầy 2 — Đất đai, xây dựng', active: false },
    ]);
  });

  it('saves the kiosk settings as one object and shows a host error that names the field', async () => {
    const { host, user } = await openSection('unit', 'Đơn vị & quầy', {
      updateKioskSettings: (input) =>
        input.hotline === 'gọi 1022' ? fail('bad_input', 'hotline: digits, spaces, + . - only') : ok(setup.settings),
    });
    const form = await screen.findByRole('form', { name: 'Đơn vị và máy khảo sát' });
    const hotline = within(form).getByLabelText('Đường dây nóng');
    await user.clear(hotline);
    await user.type(hotline, '0235 3800 123');
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(within(form).getByRole('status').textContent).toMatch(/^Đã lưu cài đặt/));
    const sent = host.inputsTo('updateKioskSettings')[0] as InputOf<'updateKioskSettings'>;
    expect(sent).toEqual({ ...setup.settings, hotline: '0235 3800 123' });

    // The client checks the range it knows; the host's own message is shown when it refuses.
    const inactivity = within(form).getByLabelText('Hỏi “còn tiếp tục không?” sau (giây)');
    await user.clear(inactivity);
    await user.type(inactivity, '5');
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    expect(within(form).getByRole('alert').textContent).toBe(
      'Hỏi “còn tiếp tục không?” sau (giây): nhập một số từ 10 đến 600.',
    );
    expect(host.inputsTo('updateKioskSettings')).toHaveLength(1);

    // Opening hours (the installed kiosk keeps its display awake between them) are HH:MM.
    await user.clear(inactivity);
    await user.type(inactivity, '60');
    const opens = within(form).getByLabelText('Giờ mở cửa');
    await user.clear(opens);
    await user.type(opens, '7h30');
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    expect(within(form).getByRole('alert').textContent).toBe('Giờ làm việc: nhập giờ dạng HH:MM, ví dụ 07:30.');
    expect(host.inputsTo('updateKioskSettings')).toHaveLength(1);
    await user.clear(opens);
    await user.type(opens, '07:00');

    await user.clear(hotline);
    await user.type(hotline, 'gọi 1022');
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toBe(
      'Thông tin gửi đi chưa hợp lệ.Chi tiết từ máy khảo sát: hotline: digits, spaces, + . - only',
    );
    expect(within(alert).getByText('hotline: digits, spaces, + . - only').tagName).toBe('CODE');
    expect((host.inputsTo('updateKioskSettings')[1] as InputOf<'updateKioskSettings'>).timings).toEqual({
      ...setup.settings.timings,
      inactivitySeconds: 60,
    });
  });

  it('adds an officer with a PIN, then edits and resets the PIN, sending exactly the inputs', async () => {
    let officers: Officer[] = [...unitSetup.officers];
    const { host, user } = await openSection('officers', 'Cán bộ', {
      getUnitSetup: () => ok({ ...unitSetup, officers }),
      saveOfficer: (input) => {
        const saved: Officer = {
          code: input.code,
          name: input.name,
          role: input.role,
          counter: input.counter ?? null,
          active: input.active ?? true,
          photo: input.photo ?? null,
        };
        officers = [...officers.filter((o) => o.code !== saved.code), saved];
        return ok(saved);
      },
      resetOfficerPin: ({ code }) => ok({ code, reset: true as const }),
    });
    const form = screen.getByRole('form', { name: 'Thêm cán bộ' });
    await user.type(within(form).getByLabelText('Mã cán bộ'), 'nv03');
    await user.type(within(form).getByLabelText('Họ và tên'), 'Phạm Văn Đức');
    await user.selectOptions(within(form).getByLabelText('Quầy'), 'Q2');
    await user.type(within(form).getByLabelText('Mã PIN'), '3579');
    await user.type(within(form).getByLabelText('Nhập lại mã PIN'), '3579');
    await user.click(within(form).getByRole('button', { name: 'Thêm cán bộ' }));

    // The same form now edits the new officer and keeps its success message.
    const edit = await screen.findByRole('form', { name: 'Sửa thông tin: Phạm Văn Đức' });
    expect(within(edit).getByRole('status').textContent).toBe('Đã thêm cán bộ Phạm Văn Đức.');
    expect(within(edit).queryByLabelText('Mã PIN')).toBeNull();
    await user.selectOptions(within(edit).getByLabelText('Vai trò'), 'admin');
    await user.click(within(edit).getByRole('button', { name: 'Lưu' }));
    await waitFor(() =>
      expect(within(edit).getByRole('status').textContent).toBe('Đã lưu thông tin cán bộ Phạm Văn Đức.'),
    );

    const reset = screen.getByRole('form', { name: 'Đặt lại mã PIN: Phạm Văn Đức' });
    await user.type(within(reset).getByLabelText('Mã PIN mới'), '8642');
    await user.type(within(reset).getByLabelText('Nhập lại mã PIN mới'), '8642');
    await user.click(within(reset).getByRole('button', { name: 'Đặt lại mã PIN' }));
    await waitFor(() =>
      expect(within(reset).getByRole('status').textContent).toBe(
        'Đã đặt lại mã PIN cho Phạm Văn Đức; tài khoản đã được mở khoá.',
      ),
    );

    expect(host.inputsTo('saveOfficer')).toEqual([
      // Desk head (issue 13) is sent with every save, false unless ticked.
      { code: 'nv03', name: 'Phạm Văn Đức', role: 'staff', counter: 'Q2', active: true, deskHead: false, pin: '3579' },
      // No pin and no photo: the stored photo is kept, the PIN is changed only by a reset.
      { code: 'nv03', name: 'Phạm Văn Đức', role: 'admin', counter: 'Q2', active: true, deskHead: false },
    ]);
    expect(host.inputsTo('resetOfficerPin')).toEqual([{ code: 'nv03', pin: '8642' }]);
    within(screen.getAllByRole('table')[0]!).getByRole('rowheader', { name: 'nv03' });
  });
});
