import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../src/contract/operations';
import { openSection } from './adminHarness';
import { ok } from './fakeTransport';

const report: OutputOf<'periodicReport'> = {
  from: '2026-10-01',
  to: '2026-12-31',
  kind: 'quarter',
  unit: { name: 'UBND xã Điện Hồng', code: 'DH' },
  responses: { counted: 3, completed: 4, abandoned: 1, suspect: 1 },
  score: {
    index: 75,
    mean: 3.75,
    answers: 3,
    distribution: [0, 1, 0, 1, 1],
    dimensions: [
      { dimension: 'access', index: 50, mean: 3.5, answers: 2, distribution: [0, 1, 0, 0, 1], items: [] },
      { dimension: 'officer', index: 100, mean: 4, answers: 1, distribution: [0, 0, 0, 1, 0], items: [] },
    ],
  },
  byField: [{ code: 'ho-tich', name: 'Hộ tịch', responses: 2, index: 50, dimensions: { access: 50, procedure: null, officer: null, result: null, feedback: null } }],
};

describe('admin: periodic report', () => {
  it('shows the quarter per dimension and per field, and saves the XLSX', async () => {
    const { host, user } = await openSection('report', 'Báo cáo định kỳ', {
      periodicReport: () => ok(report),
      exportPeriodicReport: () => ok({ file: 'bao-cao-sipas-quy-2026-10-01_2026-12-31.xlsx', bytes: 7000, sha256: 'ab'.repeat(32) }),
    });
    const byDimension = await screen.findByRole('table', { name: 'Chỉ số hài lòng theo yếu tố' });
    const sipas = within(byDimension).getByRole('row', { name: /Chỉ số SIPAS/ });
    expect(within(sipas).getAllByRole('cell').map((c) => c.textContent)).toEqual(['75,0%', '3,75', '3']);
    const access = within(byDimension).getByRole('row', { name: /Tiếp cận dịch vụ hành chính công/ });
    expect(within(access).getAllByRole('cell')[0]?.textContent).toBe('50,0%');
    const byField = screen.getByRole('table', { name: 'Chỉ số hài lòng theo lĩnh vực' });
    expect(within(within(byField).getByRole('row', { name: /Hộ tịch/ })).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2', '50,0%', '50,0%', '—', '—', '—', '—']);

    await user.selectOptions(screen.getByLabelText('Kỳ báo cáo'), 'year');
    await user.click(screen.getByRole('button', { name: 'Xem báo cáo' }));
    expect(host.inputsTo('periodicReport').at(-1)).toMatchObject({ kind: 'year' });
    await user.click(screen.getByRole('button', { name: 'Lưu tệp Excel (XLSX)' }));
    expect(await screen.findByText('Đã lưu tệp bao-cao-sipas-quy-2026-10-01_2026-12-31.xlsx vào thư mục exports trên máy khảo sát.')).toBeTruthy();
  });
});
