import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InputOf, OutputOf } from '../../src/contract/operations';
import { ok } from './fakeTransport';
import { quickToday, renderStaff, signIn, todaySummary } from './staffHarness';

beforeEach(() => {
  // Only the clock: the charts' own timers run as in a browser.
  vi.useFakeTimers({ now: new Date('2026-11-29T07:05:00.000Z'), toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const trend = [
  { day: '2026-11-02', index: 80, coverage: 2, answers: 12, dimensions: { access: 100, officer: 60 } },
  { day: '2026-11-03', index: 90, coverage: 2, answers: 9, dimensions: { access: 100, officer: 80 } },
];

/** Two questionnaire versions in the period: the fixture's quick form (2/5 dimensions answered) and a full form. */
const report = (input: InputOf<'periodReport'>): OutputOf<'periodReport'> => {
  const [full, quick] = todaySummary.byQuestionnaire;
  return {
    ...('from' in input.period ? input.period : { from: '2026-11-01', to: '2026-11-30' }),
    responses: todaySummary.responses,
    byQuestionnaire: [
      {
        ...full!,
        trend: [
          {
            day: '2026-11-03',
            index: 40,
            coverage: 5,
            answers: 25,
            dimensions: { access: 40, procedure: 40, officer: 40, result: 40, feedback: 40 },
          },
        ],
      },
      {
        ...quick!,
        score: {
          ...quickToday,
          dimensions: quickToday.dimensions.map((d) =>
            d.dimension === 'access'
              ? {
                  ...d,
                  items: [{ item: 'access.1', index: 100, mean: 4.6, answers: 10, distribution: [0, 0, 0, 4, 6] }],
                }
              : d,
          ),
        },
        trend,
      },
    ],
  };
};

const rowCells = (table: HTMLElement, name: string) =>
  within(within(table).getByRole('row', { name: new RegExp(`^${name}`) }))
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('period report', () => {
  it('builds the request from the period and the filters, and shows the tables behind the charts', async () => {
    const { host, user } = renderStaff({ periodReport: (input) => ok(report(input)) });
    await signIn(user);
    await screen.findByRole('heading', { level: 1, name: 'Hôm nay' });
    await user.click(screen.getByRole('link', { name: 'Báo cáo' }));
    // Two versions, each with its two charts: drawing them in jsdom takes a while on a busy machine.
    await screen.findByRole('heading', { level: 1, name: 'Báo cáo' }, { timeout: 10_000 });
    // This month at first.
    await screen.findByRole('heading', { level: 2, name: 'Kết quả từ 01/11/2026 đến 30/11/2026' });
    expect(host.inputsTo('periodReport')).toEqual([
      { period: { kind: 'month', of: '2026-11-29' }, filter: { includeSuspect: false, includeAbandoned: false } },
    ]);

    await user.selectOptions(screen.getByLabelText('Kỳ báo cáo'), 'Khoảng ngày tự chọn');
    fireEvent.change(screen.getByLabelText('Từ ngày'), { target: { value: '2026-11-15' } });
    fireEvent.change(screen.getByLabelText('Đến ngày'), { target: { value: '2026-11-01' } });
    await user.click(screen.getByRole('button', { name: 'Xem báo cáo' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Khoảng ngày chưa đúng: cần có từ ngày và đến ngày, và từ ngày không sau đến ngày.',
    );
    expect(host.inputsTo('periodReport')).toHaveLength(1);

    fireEvent.change(screen.getByLabelText('Từ ngày'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('Đến ngày'), { target: { value: '2026-11-15' } });
    await user.selectOptions(screen.getByLabelText('Quầy'), 'Quầy 2 — Đất đai, xây dựng');
    await user.selectOptions(screen.getByLabelText('Cán bộ'), 'Nguyễn Văn An');
    await user.selectOptions(screen.getByLabelText('Lĩnh vực'), 'Đất đai');
    const versions = screen.getByLabelText<HTMLSelectElement>('Phiên bản bảng hỏi');
    expect(versions.selectedOptions[0]?.textContent).toBe('Mọi phiên bản, mỗi phiên bản một mục riêng');
    await user.selectOptions(versions, 'Phiếu thử (phiên bản 3)');
    await user.click(screen.getByLabelText('Gồm phiếu nghi vấn'));
    await user.click(screen.getByLabelText('Gồm phiếu bỏ dở'));
    await user.click(screen.getByRole('button', { name: 'Xem báo cáo' }));

    await screen.findByRole('heading', { level: 2, name: 'Kết quả từ 01/11/2026 đến 15/11/2026' });
    expect(host.inputsTo('periodReport')[1]).toEqual({
      period: { from: '2026-11-01', to: '2026-11-15' },
      filter: {
        counter: 'Q2',
        officer: 'nv01',
        field: 'dat-dai',
        questionnaire: { id: 'test-quick', version: 3 },
        includeSuspect: true,
        includeAbandoned: true,
      },
    });

    // The period's counts over every version, under the one set of names.
    const totals = screen
      .getAllByRole('definition')
      .slice(0, 4)
      .map((dd) => [dd.previousElementSibling?.textContent, dd.textContent]);
    expect(totals).toEqual([
      ['Số phiếu', '1.239'],
      ['Phiếu hợp lệ', '1.234'],
      ['Phiếu nghi vấn', '2'],
      ['Phiếu bỏ dở', '3'],
    ]);
    // A section per version, each with its own index: nothing pooled.
    const full = screen.getByRole('region', { name: 'Phiếu đầy đủ (phiên bản 1)' });
    const quick = screen.getByRole('region', { name: 'Phiếu thử (phiên bản 3)' });
    expect(rowCells(within(full).getByRole('table', { name: 'Chỉ số hài lòng theo yếu tố' }), 'Chỉ số SIPAS')[0]).toBe(
      '40,0%',
    );
    within(full).getByRole('rowheader', { name: 'Chỉ số SIPAS' });
    const quickScores = within(quick).getByRole('table', { name: 'Chỉ số hài lòng theo yếu tố' });
    expect(rowCells(quickScores, 'Chỉ số SIPAS')[0]).toBe('83,3%');
    within(quickScores).getByRole('rowheader', { name: 'Chỉ số SIPAS (2/5 yếu tố)' });
    // The trend chart has a title and its figures as a table; a day's SIPAS over two dimensions says so.
    const trendFigure = within(quick).getByRole('figure', { name: 'Chỉ số hài lòng theo ngày' });
    const trendTable = within(trendFigure).getByRole('table', { name: 'Chỉ số hài lòng theo ngày' });
    expect(
      within(trendTable)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual([
      'Ngày',
      'Chỉ số SIPAS',
      'Tiếp cận dịch vụ hành chính công',
      'Thủ tục hành chính',
      'Công chức trực tiếp giải quyết công việc',
      'Kết quả giải quyết thủ tục hành chính',
      'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
      'Số câu trả lời',
    ]);
    expect(rowCells(trendTable, '02/11/2026')).toEqual(['80,0% (2/5 yếu tố)', '100,0%', '—', '60,0%', '—', '—', '12']);
    const fullTrend = within(within(full).getByRole('figure', { name: 'Chỉ số hài lòng theo ngày' })).getByRole(
      'table',
    );
    expect(rowCells(fullTrend, '03/11/2026')).toEqual(['40,0%', '40,0%', '40,0%', '40,0%', '40,0%', '40,0%', '25']);
    const distribution = within(within(quick).getByRole('figure', { name: 'Số câu trả lời theo mức điểm' })).getByRole(
      'table',
    );
    expect(rowCells(distribution, '5 – Rất hài lòng')).toEqual(['15']);
    expect(
      rowCells(within(quick).getByRole('table', { name: 'Chỉ số hài lòng theo từng câu hỏi' }), 'Nơi tiếp đón'),
    ).toEqual(['100,0%', '4,60', '10']);

    await user.selectOptions(screen.getByLabelText('Kỳ báo cáo'), 'Quý');
    fireEvent.change(screen.getByLabelText('Kỳ có ngày'), { target: { value: '2026-08-15' } });
    await user.click(screen.getByRole('button', { name: 'Xem báo cáo' }));
    await waitFor(() => expect(host.inputsTo('periodReport')).toHaveLength(3));
    expect(host.inputsTo('periodReport')[2]).toMatchObject({ period: { kind: 'quarter', of: '2026-08-15' } });
  }, 60_000);
});
