// @vitest-environment jsdom
import { within } from '@testing-library/dom';
import { describe, expect, it } from 'vitest';
import { dimensionIds, type DimensionId } from '../../src/domain/dimensions';
import { LIST_LIMIT, PAGE_SIZE, pageViewFrom, reportPage, type PageView } from '../../src/hub/page';
import type { HubReport, UnitScore } from '../../src/hub/report';

/** The hub's ranking page at a country's size: a page of the ranking, the filter, the pager, the "as of". */

const dimensions = (value: number) =>
  Object.fromEntries(dimensionIds.map((id) => [id, value])) as Record<DimensionId, number | null>;

function unit(i: number, ranked: boolean): UnitScore {
  const sipas = ranked ? 95 - i * 0.1 : 50;
  return {
    rank: ranked ? i + 1 : null,
    notRanked: ranked ? null : 'small_sample',
    unitCode: String(1 + 3 * i).padStart(5, '0'),
    unitName: i === 7 ? 'UBND xã Điện Hồng' : `UBND phường Số ${i}`,
    devices: 2,
    deviceDays: 60,
    counts: { responses: 900, counted: ranked ? 880 : 10, suspect: 10, abandoned: 10 },
    answers: 4000,
    sipas,
    coverage: 5,
    dimensions: dimensions(sipas),
  };
}

/** 250 ranked units, 130 not ranked, 120 silent: more of each than one page shows. */
function countryReport(): HubReport {
  const ranked = Array.from({ length: 250 }, (_, i) => unit(i, true));
  const notRanked = Array.from({ length: 130 }, (_, i) => unit(1000 + i, false));
  return {
    period: { from: '2025-01-01', to: '2025-01-31' },
    asOf: { dataVersion: '42.7', computedAt: '2025-02-01T02:30:00.000Z' },
    today: '2025-02-01',
    minSample: 30,
    questionnaires: [
      {
        questionnaire: { id: 'sipas-quick', version: 1 },
        counts: { responses: 1, counted: 1, suspect: 0, abandoned: 0 },
        ranked,
        notRanked,
        allUnits: { basis: 'mean_of_ranked_units', units: ranked.length, sipas: 82.55, dimensions: dimensions(82.55) },
        trend: [{ date: '2025-01-01', sipas: 80, coverage: 5, answers: 100 }],
      },
    ],
    silentUnits: Array.from({ length: 120 }, (_, i) => ({
      unitCode: `S${String(i).padStart(4, '0')}`,
      unitName: `UBND xã Im Lặng ${i}`,
      devices: 1,
    })),
    trendUnit: null,
    late: [],
  };
}

function render(view: PageView) {
  document.documentElement.innerHTML = reportPage(countryReport(), view).replace(/^<!doctype html>\s*/i, '');
  return within(document.body);
}

const rankingRows = (screen: ReturnType<typeof render>) => {
  const table = screen.getByRole('table', { name: /Xếp hạng theo chỉ số SIPAS/ });
  return within(table)
    .getAllByRole('row')
    .filter((row) => row.hasAttribute('data-unit'));
};

describe('hub ranking page, paged', () => {
  it('shows one page of the ranking, with every unit ranked over the whole country', () => {
    const screen = render(pageViewFrom({}));
    const rows = rankingRows(screen);
    expect(rows).toHaveLength(PAGE_SIZE);
    expect(within(rows[0]!).getAllByRole('cell')[0]!.textContent).toBe('1');
    expect(screen.getByText(/Hiển thị 1–100 \/ 250 đơn vị/)).toBeTruthy();
    // The all-units row is the mean of all 250 ranked units, whatever page is shown.
    expect(screen.getByRole('rowheader', { name: /Bình quân 250 đơn vị được xếp hạng/ })).toBeTruthy();
    const pager = screen.getAllByRole('navigation', { name: /Trang xếp hạng/ })[0]!;
    expect(within(pager).getByText('Trang 1 / 3')).toBeTruthy();
    expect(within(pager).getByRole('link', { name: 'Trang sau' }).getAttribute('href')).toBe(
      '/?from=2025-01-01&to=2025-01-31&page=2',
    );
    expect(within(pager).queryByRole('link', { name: 'Trang trước' })).toBeNull();
  });

  it('the last page holds the rest, with ranks carried over; a page past the end shows the last', () => {
    for (const page of ['3', '99']) {
      const screen = render(pageViewFrom({ page }));
      const rows = rankingRows(screen);
      expect(rows).toHaveLength(50);
      expect(within(rows[0]!).getAllByRole('cell')[0]!.textContent).toBe('201');
      expect(screen.getByText(/Hiển thị 201–250 \/ 250 đơn vị/)).toBeTruthy();
      expect(screen.getAllByText('Trang 3 / 3')).toHaveLength(2);
    }
  });

  it('filters by code or name, diacritics or not, and keeps the filter in the pager and unit links', () => {
    const screen = render(pageViewFrom({ q: 'dien hong' }));
    const rows = rankingRows(screen);
    expect(rows).toHaveLength(1);
    expect(within(rows[0]!).getByRole('rowheader').textContent).toContain('UBND xã Điện Hồng');
    expect(within(rows[0]!).getAllByRole('cell')[0]!.textContent).toBe('8'); // its rank in the country
    expect(screen.getByRole('searchbox', { name: /Lọc đơn vị/ })).toHaveProperty('value', 'dien hong');
    expect(within(rows[0]!).getByRole('link').getAttribute('href')).toContain('&q=dien%20hong');
    // Other lists are filtered too: no silent unit matches.
    expect(screen.queryByRole('heading', { name: 'Đơn vị chưa có số liệu trong kỳ' })).toBeNull();

    const byCode = rankingRows(render(pageViewFrom({ q: '00004' })));
    expect(byCode.map((row) => row.getAttribute('data-unit'))).toEqual(['00004']);

    const none = render(pageViewFrom({ q: 'không có xã này' }));
    expect(rankingRows(none)).toHaveLength(0);
    expect(none.getByText(/Không có đơn vị được xếp hạng nào khớp/)).toBeTruthy();
  });

  it('cuts the other lists at LIST_LIMIT, saying how many there are and that the CSV has them all', () => {
    const screen = render(pageViewFrom({}));
    const notRanked = screen.getByRole('table', { name: /không xếp hạng/ });
    expect(
      within(notRanked)
        .getAllByRole('row')
        .filter((row) => row.hasAttribute('data-unit')),
    ).toHaveLength(LIST_LIMIT);
    expect(screen.getByText(/Hiển thị 100 \/ 130: lọc theo mã hoặc tên/)).toBeTruthy();
    expect(screen.getByText(/Hiển thị 100 \/ 120: lọc theo mã hoặc tên/)).toBeTruthy();
  });

  it('says which data it was computed from', () => {
    const screen = render(pageViewFrom({}));
    expect(screen.getByText(/Số liệu đã nhận tính đến 2025-02-01 09:30/).textContent).toContain(
      'phiên bản dữ liệu 42.7',
    );
  });

  it('reads ?page= and ?q= leniently', () => {
    expect(pageViewFrom({ page: '0' })).toEqual({ page: 1, filter: '' });
    expect(pageViewFrom({ page: 'abc', q: '  Hồng ' })).toEqual({ page: 1, filter: 'Hồng' });
    expect(pageViewFrom({ page: '2.5' })).toEqual({ page: 1, filter: '' });
    expect(pageViewFrom({ page: '4' }).page).toBe(4);
  });
});
