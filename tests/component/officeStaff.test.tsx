import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../src/contract/operations';
import { defaultTargets } from '../../src/services/targets';
import { ok } from './fakeTransport';
import { openView, renderStaff, signIn } from './staffHarness';

type Progress = OutputOf<'targetProgress'>;

const figure = (target: number, value: number | null, month: number | null, status: Progress['sipas']['status']) => ({
  target,
  value,
  gap: value === null ? null : value - target,
  month,
  status,
});

const progress: Progress = {
  year: 2026,
  asOf: '2026-11-30',
  targets: defaultTargets(2026),
  isDefault: false,
  questionnaire: { id: 'sipas-quick', version: 1, title: 'Phiếu nhanh' },
  counted: 40,
  sipas: figure(80, 72.5, 60, 'at_risk'),
  dimensions: ['access', 'procedure', 'officer', 'result', 'feedback'].map((dimension) => ({
    dimension,
    ...figure(80, 85, 90, 'met'),
  })),
  fieldsGood: { ...figure(80, 50, 50, 'at_risk'), good: 1, fields: 2 },
  handledOnTime: { ...figure(100, 100, 100, 'met'), onTime: 3, due: 3, open: 1 },
  calledBackOnTime: { ...figure(100, null, null, 'no_data'), onTime: 0, due: 0, open: 0 },
  trend: [{ month: '2026-11', counted: 40, sipas: 72.5, dimensions: { access: 85 } }],
  weakestItems: [{ item: 'officer', dimension: 'officer', index: 55, answers: 40 }],
  weakestFields: [{ field: 'dat-dai', name: 'Đất đai', index: 40, counted: 12 }],
};

describe('staff: targets and alerts', () => {
  it('shows year to date against each target, the gap, and the targets at risk this month', async () => {
    const { user } = renderStaff({ targetProgress: () => ok(progress) });
    await openView(user, 'Mục tiêu kế hoạch', 'Mục tiêu kế hoạch năm 2026');
    const risk = within(await screen.findByRole('region', { name: 'Chỉ tiêu có nguy cơ không đạt trong tháng này' }));
    expect(risk.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Chỉ số hài lòng SIPAS: 72,5 % / 80,0 % — Có nguy cơ không đạt',
      'Lĩnh vực được đánh giá tốt (1/2): 50,0 % / 80,0 % — Có nguy cơ không đạt',
    ]);
    const table = within(screen.getByRole('table', { name: 'Kết quả so với mục tiêu' }));
    expect(table.getByRole('row', { name: /^Chỉ số hài lòng SIPAS/ }).textContent).toBe(
      'Chỉ số hài lòng SIPAS≥ 80,0 %72,5 %−7,5 %60,0 %Có nguy cơ không đạt',
    );
    within(screen.getByRole('table', { name: 'Lĩnh vực thấp nhất' })).getByRole('rowheader', { name: 'Đất đai' });
    const trend = within(screen.getByRole('table', { name: 'Chỉ số SIPAS và từng yếu tố theo tháng (%)' }));
    expect(trend.getByRole('rowheader', { name: '11/2026' }).closest('tr')?.textContent).toContain('72,5 %');
    screen.getByRole('button', { name: 'In (A4)' });
  });

  it('alerts on Today: a low rating with its reasons, and a dimension under its target', async () => {
    const { user } = renderStaff({
      staffAlerts: () =>
        ok({
          lowRatings: [
            {
              responseId: 'r1',
              submittedAt: '2026-11-30T07:05:00.000Z',
              officer: 'nv01',
              field: null,
              lowScores: [{ item: 'officer', value: 1 }],
              reasons: [{ dimension: 'access', reason: 'waited-too-long' }],
            },
          ],
          belowTarget: [{ dimension: 'officer', index: 60, target: 80, counted: 6 }],
          revision: 7,
        }),
    });
    await signIn(user);
    const alerts = within(await screen.findByRole('region', { name: 'Cần chú ý hôm nay' }));
    alerts.getByText('Công chức trực tiếp giải quyết công việc hôm nay 60,0%, dưới mục tiêu 80,0% (6 phiếu).');
    alerts.getByText('Đánh giá thấp lúc 14:05:00 cần phản hồi');
    alerts.getByText('Lý do: Phải chờ quá lâu');
    expect(alerts.getByRole('link', { name: 'Mở hộp góp ý' }).getAttribute('href')).toBe('#/staff/inbox');
  });
});
