import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../src/contract/operations';
import { defaultTargets } from '../../src/services/targets';
import { openSection } from './adminHarness';
import { ok } from './fakeTransport';

const dimensions = { access: 50, procedure: null, officer: null, result: null, feedback: null };

/** Two questionnaire versions in the quarter: each has its own section, nothing is pooled. */
const report: OutputOf<'periodicReport'> = {
  from: '2026-10-01',
  to: '2026-12-31',
  kind: 'quarter',
  unit: { name: 'UBND xã Điện Hồng', code: 'DH' },
  responses: { responses: 5, counted: 4, suspect: 1, abandoned: 0 },
  byQuestionnaire: [
    {
      questionnaire: { id: 'sipas-full', version: 1, title: { vi: 'Phiếu đầy đủ', en: 'Full form' } },
      responses: { responses: 1, counted: 1, suspect: 0, abandoned: 0 },
      score: {
        index: 100,
        mean: 5,
        answers: 5,
        coverage: 5,
        distribution: [0, 0, 0, 0, 5],
        dimensions: (['access', 'procedure', 'officer', 'result', 'feedback'] as const).map((dimension) => ({
          dimension,
          index: 100,
          mean: 5,
          answers: 1,
          distribution: [0, 0, 0, 0, 1] as [number, number, number, number, number],
          items: [],
        })),
      },
      byField: [
        {
          code: 'dat-dai',
          name: 'Đất đai',
          counted: 1,
          index: 100,
          coverage: 5,
          dimensions: { access: 100, procedure: 100, officer: 100, result: 100, feedback: 100 },
        },
      ],
    },
    {
      questionnaire: { id: 'sipas-quick', version: 1, title: { vi: 'Phiếu nhanh', en: 'Quick form' } },
      responses: { responses: 4, counted: 3, suspect: 1, abandoned: 0 },
      score: {
        index: 75,
        mean: 3.75,
        answers: 3,
        coverage: 2,
        distribution: [0, 1, 0, 1, 1],
        dimensions: [
          { dimension: 'access', index: 50, mean: 3.5, answers: 2, distribution: [0, 1, 0, 0, 1], items: [] },
          { dimension: 'officer', index: 100, mean: 4, answers: 1, distribution: [0, 0, 0, 1, 0], items: [] },
        ],
      },
      byField: [{ code: 'ho-tich', name: 'Hộ tịch', counted: 2, index: 50, coverage: 1, dimensions }],
    },
  ],
};

type Progress = OutputOf<'targetProgress'>;
const figure = (target: number, value: number | null, month: number | null, status: Progress['sipas']['status']) => ({
  target,
  value,
  gap: value === null ? null : value - target,
  month,
  status,
});

/** The year to date against the plan: SIPAS under its target, the rest met or without data. */
const progress = (year: number): Progress => ({
  year,
  asOf: `${year}-11-30`,
  targets: defaultTargets(year),
  isDefault: false,
  questionnaire: { id: 'sipas-quick', version: 1, title: 'Phiếu nhanh' },
  counted: 40,
  sipas: figure(80, 72.5, 60, 'at_risk'),
  dimensions: ['access', 'procedure', 'officer', 'result', 'feedback'].map((dimension) => ({
    dimension,
    ...figure(80, 85, 90, 'met'),
  })),
  fieldsGood: { ...figure(80, 100, 100, 'met'), good: 2, fields: 2 },
  handledOnTime: { ...figure(100, 100, 100, 'met'), onTime: 3, due: 3, open: 0 },
  calledBackOnTime: { ...figure(100, null, null, 'no_data'), onTime: 0, due: 0, open: 0 },
  trend: [{ month: `${year}-11`, counted: 40, sipas: 72.5, dimensions: { access: 85 } }],
  weakestItems: [{ item: 'officer', dimension: 'officer', index: 55, answers: 40 }],
  weakestFields: [{ field: 'dat-dai', name: 'Đất đai', index: 40, counted: 12 }],
});

const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('admin: periodic report', () => {
  it('shows the quarter per dimension and per field, and saves the XLSX', async () => {
    const { host, user } = await openSection('report', 'Báo cáo định kỳ', {
      periodicReport: () => ok(report),
      targetProgress: ({ year }) => ok(progress(year ?? 2026)),
      exportPeriodicReport: () =>
        ok({ file: 'bao-cao-sipas-quy-2026-10-01_2026-12-31.xlsx', bytes: 7000, sha256: 'ab'.repeat(32) }),
    });
    const quick = await screen.findByRole('region', { name: 'Phiếu nhanh (phiên bản 1)' });
    const full = screen.getByRole('region', { name: 'Phiếu đầy đủ (phiên bản 1)' });
    // The counts over every version, under the one set of names.
    const counts = screen.getAllByRole('definition')[0]!.closest('dl')!;
    expect(
      [...counts.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`),
    ).toEqual(['Số phiếu: 5', 'Phiếu hợp lệ: 4', 'Phiếu nghi vấn: 1', 'Phiếu bỏ dở: 0']);

    const byDimension = within(quick).getByRole('table', { name: 'Chỉ số hài lòng theo yếu tố' });
    // Two of five dimensions answered: the SIPAS figure says so.
    expect(cells(within(byDimension).getByRole('row', { name: /^Chỉ số SIPAS \(2\/5 yếu tố\)/ }))).toEqual([
      '75,0%',
      '3,75',
      '3',
    ]);
    const access = within(byDimension).getByRole('row', { name: /Tiếp cận dịch vụ hành chính công/ });
    expect(within(access).getAllByRole('cell')[0]?.textContent).toBe('50,0%');
    const byField = within(quick).getByRole('table', { name: 'Chỉ số hài lòng theo lĩnh vực' });
    expect(within(byField).getAllByRole('columnheader')[1]?.textContent).toBe('Phiếu hợp lệ');
    expect(cells(within(byField).getByRole('row', { name: /Hộ tịch/ }))).toEqual([
      '2',
      '50,0% (1/5 yếu tố)',
      '50,0%',
      '—',
      '—',
      '—',
      '—',
    ]);
    // The full form's own figures, with no note.
    const fullSipas = within(within(full).getByRole('table', { name: 'Chỉ số hài lòng theo yếu tố' })).getByRole(
      'row',
      { name: /^Chỉ số SIPAS/ },
    );
    expect(within(fullSipas).getByRole('rowheader').textContent).toBe('Chỉ số SIPAS');
    expect(cells(fullSipas)).toEqual(['100,0%', '5,00', '5']);

    await user.selectOptions(screen.getByLabelText('Kỳ báo cáo'), 'year');
    await user.click(screen.getByRole('button', { name: 'Xem báo cáo' }));
    expect(host.inputsTo('periodicReport').at(-1)).toMatchObject({ kind: 'year' });
    await user.click(screen.getByRole('button', { name: 'Lưu tệp Excel (XLSX)' }));
    expect(
      await screen.findByText(
        'Đã lưu tệp bao-cao-sipas-quy-2026-10-01_2026-12-31.xlsx vào thư mục exports trên máy khảo sát.',
      ),
    ).toBeTruthy();
  });

  it('lays the form out like the staff report, with dd/MM/yyyy dates and the targets of the year', async () => {
    const { host, user } = await openSection('report', 'Báo cáo định kỳ', {
      periodicReport: () => ok(report),
      targetProgress: ({ year }) => ok(progress(year ?? 2026)),
    });
    const form = screen.getByRole('form', { name: 'Chọn kỳ báo cáo' });
    // Each label stands alone above its field: not wrapped around it, not run together with the options.
    for (const [name, role] of [
      ['Kỳ báo cáo', 'combobox'],
      ['Kỳ chứa ngày', null],
    ] as const) {
      const field = within(form).getByLabelText(name);
      if (role) expect(within(form).getByRole(role, { name })).toBe(field);
      const label = within(form).getByText(name, { selector: 'label' });
      expect(label.textContent).toBe(name);
      expect(label.contains(field)).toBe(false);
      expect(label.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
    // The three actions side by side in one row.
    const actions = ['Xem báo cáo', 'In báo cáo', 'Lưu tệp Excel (XLSX)'].map((name) =>
      within(form).getByRole('button', { name }),
    );
    expect(new Set(actions.map((b) => b.parentElement)).size).toBe(1);

    const article = await screen.findByRole('article', { name: 'BÁO CÁO CHỈ SỐ HÀI LÒNG (SIPAS) QUÝ' });
    expect(within(article).getByText('Từ ngày 01/10/2026 đến ngày 31/12/2026')).toBeTruthy();
    expect(within(article).queryByText(/2026-10-01/)).toBeNull();

    // The plan's targets for the year the report is in, year to date.
    await user.clear(within(form).getByLabelText('Kỳ chứa ngày'));
    await user.type(within(form).getByLabelText('Kỳ chứa ngày'), '2025-05-10');
    await user.click(actions[0]!);
    expect(host.inputsTo('periodicReport').at(-1)).toEqual({ kind: 'quarter', of: '2025-05-10' });
    expect(host.inputsTo('targetProgress').at(-1)).toEqual({ year: 2025 });
    const targets = await within(article).findByRole('region', { name: 'Mục tiêu kế hoạch năm 2025' });
    const table = within(targets).getByRole('table', { name: 'Kết quả so với mục tiêu' });
    const sipas = within(table).getByRole('row', { name: /^Chỉ số hài lòng SIPAS/ });
    expect(cells(sipas)).toEqual(['≥ 80,0 %', '72,5 %', '−7,5 %', '60,0 %', 'Có nguy cơ không đạt']);
    const risk = within(targets).getByRole('region', { name: 'Chỉ tiêu có nguy cơ không đạt trong tháng này' });
    expect(
      within(risk)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Chỉ số hài lòng SIPAS: 72,5 % / 80,0 % — Có nguy cơ không đạt']);
    expect(
      within(targets).getByText(
        'Lũy kế từ đầu năm đến 30/11/2025 so với mục tiêu của kế hoạch nâng cao chỉ số hài lòng.',
      ),
    ).toBeTruthy();
  });
});
