import { DIMENSION_COUNT, dimensionIds, type DimensionId } from '../domain/dimensions';
import { localIsoString } from '../domain/localDay';
import type { QuestionnaireRef } from '../domain/scoring';
import type { HubReport, QuestionnaireReport, TrendPoint, UnitScore } from './report';
import {
  allUnitsLabel,
  countLabel,
  dimensionLong,
  dimensionShort,
  formatCount,
  formatIndex,
  formatSipas,
  NOT_RANKED_TITLE,
  notRankedReason,
  questionnaireTitle,
} from './text';

/**
 * The hub's one page, rendered on the server as plain HTML. Every value from the
 * database (unit names and device ids come from whoever registered them) goes
 * through esc(); the only markup not escaped is what this file writes itself.
 */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const query = (from: string, to: string, unit?: string) =>
  `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${unit ? `&unit=${encodeURIComponent(unit)}` : ''}`;

/** Rows of the ranking shown per page; every unit is still ranked over the whole country. */
export const PAGE_SIZE = 100;
/** Rows shown of the other lists (not ranked, silent, late); the filter finds the rest, the CSV has them all. */
export const LIST_LIMIT = 100;

/** What the reader asked to see of the report: a page of the ranking, units matching a filter. */
export interface PageView {
  /** 1-based page of each ranking table (clamped to the pages there are). */
  page: number;
  /** Part of a unit's code or name (or a device id in the late list); '' shows all. */
  filter: string;
}

export const ALL_UNITS_VIEW: PageView = { page: 1, filter: '' };

/** ?page= and ?q= from the query string; anything unreadable is the first page, unfiltered. */
export function pageViewFrom(raw: { page?: string; q?: string }): PageView {
  const page = Number(raw.page);
  return {
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
    filter: (raw.q ?? '').trim().slice(0, 100),
  };
}

/** Lower case without diacritics ("Điện Hồng" → "dien hong"): the filter matches what people type. */
export const foldText = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();

function unitFilter(filter: string): (unit: { unitCode: string; unitName: string }) => boolean {
  const needle = foldText(filter);
  if (needle === '') return () => true;
  return (unit) => foldText(unit.unitCode).includes(needle) || foldText(unit.unitName).includes(needle);
}

/** The page's own address with the reader's view, changed by `change`. */
function viewHref(report: HubReport, view: PageView, change: Partial<PageView> & { unit?: string | null } = {}) {
  const unit = change.unit === undefined ? report.trendUnit : change.unit;
  const filter = change.filter ?? view.filter;
  const page = change.page ?? view.page;
  return `/?${query(report.period.from, report.period.to, unit ?? undefined)}${filter ? `&q=${encodeURIComponent(filter)}` : ''}${page > 1 ? `&page=${page}` : ''}`;
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/hub.css">
</head>
<body>
${body}
</body>
</html>
`;
}

const countNames = ['responses', 'counted', 'suspect', 'abandoned'] as const;
const countHeads = countNames.map((name) => `<th scope="col">${esc(countLabel(name))}</th>`).join('');
const countCells = (u: { counts: Record<(typeof countNames)[number], number> }) =>
  countNames.map((name) => `<td class="num">${formatCount(u.counts[name])}</td>`).join('');
const dimensionHeads = dimensionIds
  .map((id) => `<th scope="col" title="${esc(dimensionLong(id))}">${esc(dimensionShort(id))}</th>`)
  .join('');
const dimensionCells = (dimensions: Record<DimensionId, number | null>) =>
  dimensionIds.map((id) => `<td class="num">${formatIndex(dimensions[id])}</td>`).join('');
const sectionId = (q: QuestionnaireRef) => `q-${q.id}-${q.version}`.replace(/[^A-Za-z0-9_-]/g, '_');

function unitHeading(report: HubReport, view: PageView, u: UnitScore): string {
  return `<th scope="row"><a href="${esc(viewHref(report, view, { unit: u.unitCode }))}#trend-heading">${esc(u.unitName)}</a> <small>(${esc(u.unitCode)})</small></th>`;
}

/** "Trang 2 / 33" with the previous and next pages, for one ranking table. */
function pager(report: HubReport, view: PageView, page: number, pages: number, of: string): string {
  if (pages <= 1) return '';
  const link = (to: number, label: string, rel: string) =>
    to < 1 || to > pages
      ? `<span aria-disabled="true">${label}</span>`
      : `<a href="${esc(viewHref(report, view, { page: to }))}" rel="${rel}">${label}</a>`;
  return `<nav class="pager" aria-label="${esc(`Trang xếp hạng, ${of}`)}">${link(1, 'Trang đầu', 'first')} ${link(page - 1, 'Trang trước', 'prev')} <span aria-current="page">Trang ${formatCount(page)} / ${formatCount(pages)}</span> ${link(page + 1, 'Trang sau', 'next')} ${link(pages, 'Trang cuối', 'last')}</nav>`;
}

/**
 * The units that qualify, ranked over the whole set; the page shows PAGE_SIZE of
 * them (those matching the filter), and the all-units row (mean of every ranked
 * unit, whatever is shown) at the foot.
 */
function rankingTable(report: HubReport, view: PageView, section: QuestionnaireReport): string {
  const matching = view.filter ? section.ranked.filter(unitFilter(view.filter)) : section.ranked;
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const page = Math.min(view.page, pages);
  const shown = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const title = questionnaireTitle(section.questionnaire);
  const rows = shown
    .map(
      (u) =>
        `<tr data-unit="${esc(u.unitCode)}"><td class="num">${u.rank ?? '–'}</td>${unitHeading(report, view, u)}` +
        `<td class="num sipas">${formatSipas(u.sipas, u.coverage)}</td>${dimensionCells(u.dimensions)}${countCells(u)}<td class="num">${formatCount(u.devices)}</td></tr>`,
    )
    .join('\n');
  const all = section.allUnits;
  const overall =
    `<tr class="overall" data-basis="${all.basis}"><td></td><th scope="row">${esc(allUnitsLabel(all.units))}</th>` +
    `<td class="num sipas">${formatIndex(all.sipas)}</td>${dimensionCells(all.dimensions)}<td colspan="5"></td></tr>`;
  const first = (page - 1) * PAGE_SIZE + 1;
  const counts =
    matching.length === 0
      ? ''
      : `<p class="shown" id="shown-${sectionId(section.questionnaire)}">Hiển thị ${formatCount(first)}–${formatCount(first + shown.length - 1)} / ${formatCount(matching.length)} đơn vị${
          view.filter ? ` khớp với “${esc(view.filter)}”` : ''
        } (${formatCount(section.ranked.length)} đơn vị được xếp hạng).</p>`;
  const empty =
    section.ranked.length === 0
      ? 'Chưa có đơn vị nào đủ điều kiện xếp hạng.'
      : `Không có đơn vị được xếp hạng nào khớp với “${esc(view.filter)}”.`;
  const nav = pager(report, view, page, pages, title);
  return `${counts}${nav}<table class="ranking" id="ranking-${sectionId(section.questionnaire)}">
<caption>Xếp hạng theo chỉ số SIPAS (% hài lòng): các đơn vị có đủ ${DIMENSION_COUNT}/${DIMENSION_COUNT} yếu tố và ít nhất ${formatCount(report.minSample)} ${esc(countLabel('counted').toLowerCase())} trong kỳ</caption>
<thead><tr><th scope="col">Hạng</th><th scope="col">Đơn vị</th><th scope="col">SIPAS</th>${dimensionHeads}${countHeads}<th scope="col">Thiết bị</th></tr></thead>
<tbody>
${rows || `<tr><td colspan="${8 + DIMENSION_COUNT}">${empty}</td></tr>`}
</tbody>
<tfoot>${overall}</tfoot>
</table>${nav}`;
}

/** "Hiển thị 100 / 812 — …" under a list cut at LIST_LIMIT rows. */
const moreNote = (shown: number, total: number) =>
  shown >= total
    ? ''
    : `<p class="more">Hiển thị ${formatCount(shown)} / ${formatCount(total)}: lọc theo mã hoặc tên đơn vị để tìm các đơn vị khác; tệp CSV có đủ.</p>`;

/** The units with answers that are not ranked, apart, each saying why. */
function notRankedTable(report: HubReport, view: PageView, section: QuestionnaireReport): string {
  const matching = view.filter ? section.notRanked.filter(unitFilter(view.filter)) : section.notRanked;
  if (matching.length === 0) return '';
  const rows = matching
    .slice(0, LIST_LIMIT)
    .map(
      (u) =>
        `<tr data-unit="${esc(u.unitCode)}">${unitHeading(report, view, u)}<td class="num sipas">${formatSipas(u.sipas, u.coverage)}</td>${dimensionCells(u.dimensions)}` +
        `${countCells(u)}<td>${esc(notRankedReason(u.notRanked ?? 'partial', u.coverage, u.counts.counted, report.minSample))}</td></tr>`,
    )
    .join('\n');
  return `<table class="not-ranked" id="not-ranked-${sectionId(section.questionnaire)}">
<caption>${esc(NOT_RANKED_TITLE)} — không xếp hạng</caption>
<thead><tr><th scope="col">Đơn vị</th><th scope="col">SIPAS</th>${dimensionHeads}${countHeads}<th scope="col">Lý do</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>${moreNote(Math.min(matching.length, LIST_LIMIT), matching.length)}`;
}

function silentUnits(report: HubReport, view: PageView): string {
  const matching = view.filter ? report.silentUnits.filter(unitFilter(view.filter)) : report.silentUnits;
  if (matching.length === 0) return '';
  const items = matching
    .slice(0, LIST_LIMIT)
    .map((u) => `<li data-unit="${esc(u.unitCode)}">${esc(u.unitName)} <small>(${esc(u.unitCode)})</small></li>`)
    .join('');
  return `<section><h2>Đơn vị chưa có số liệu trong kỳ</h2><ul id="silent-units">${items}</ul>${moreNote(Math.min(matching.length, LIST_LIMIT), matching.length)}</section>`;
}

/** The daily index as an inline SVG line (gaps where a day has no answers) and the same figures as a table. */
function trend(points: readonly TrendPoint[], of: string): string {
  const width = 720;
  const height = 180;
  const pad = 30;
  const x = (i: number) => pad + (points.length <= 1 ? 0 : (i * (width - 2 * pad)) / (points.length - 1));
  const y = (v: number) => height - pad - (v * (height - 2 * pad)) / 100;
  const runs: string[][] = [[]];
  points.forEach((p, i) => {
    if (p.sipas === null) runs.push([]);
    else runs[runs.length - 1]!.push(`${x(i).toFixed(1)},${y(p.sipas).toFixed(1)}`);
  });
  const lines = runs
    .filter((run) => run.length > 0)
    .map((run) =>
      run.length === 1
        ? `<circle cx="${run[0]!.split(',')[0]}" cy="${run[0]!.split(',')[1]}" r="2.5"/>`
        : `<polyline points="${run.join(' ')}"/>`,
    )
    .join('');
  const grid = [0, 50, 100]
    .map(
      (v) =>
        `<line class="grid" x1="${pad}" x2="${width - pad}" y1="${y(v)}" y2="${y(v)}"/><text x="2" y="${y(v) + 4}">${v}%</text>`,
    )
    .join('');
  const rows = points
    .map(
      (p) =>
        `<tr><td>${esc(p.date)}</td><td class="num">${formatSipas(p.sipas, p.coverage)}</td><td class="num">${formatCount(p.answers)}</td></tr>`,
    )
    .join('');
  return `<figure>
<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="Chỉ số SIPAS theo ngày, ${esc(of)}"><title>Chỉ số SIPAS theo ngày, ${esc(of)}</title>${grid}<g class="series">${lines}</g></svg>
<figcaption>Chỉ số SIPAS theo ngày, ${esc(of)}</figcaption>
</figure>
<details><summary>Số liệu theo ngày</summary>
<table class="trend"><thead><tr><th scope="col">Ngày</th><th scope="col">SIPAS</th><th scope="col">Số câu trả lời</th></tr></thead><tbody>${rows}</tbody></table>
</details>`;
}

/** 2026-12-01 10:00, Vietnam time, as the people reading the page live it. */
const localTime = (iso: string) => localIsoString(Date.parse(iso)).slice(0, 16).replace('T', ' ');

function lateTable(report: HubReport, view: PageView): string {
  if (report.late.length === 0) return '<p>Tất cả thiết bị đã gửi số liệu đến hết ngày hôm qua.</p>';
  const byUnit = unitFilter(view.filter);
  const needle = foldText(view.filter);
  const matching = view.filter
    ? report.late.filter((d) => byUnit(d) || foldText(d.deviceId).includes(needle))
    : report.late;
  if (matching.length === 0) return `<p>Không có thiết bị chậm gửi nào khớp với “${esc(view.filter)}”.</p>`;
  const rows = matching
    .slice(0, LIST_LIMIT)
    .map(
      (d) =>
        `<tr data-device="${esc(d.deviceId)}"><th scope="row">${esc(d.deviceId)}</th><td>${esc(d.unitName)} (${esc(d.unitCode)})</td>` +
        `<td>${esc(d.lastDate ?? 'chưa gửi lần nào')}</td><td>${esc(d.lastReceivedAt ? localTime(d.lastReceivedAt) : '–')}</td><td class="num">${d.daysMissing}</td></tr>`,
    )
    .join('\n');
  return `<table id="late">
<caption>Thiết bị chậm gửi số liệu (không có số liệu của ngày hôm qua)</caption>
<thead><tr><th scope="col">Thiết bị</th><th scope="col">Đơn vị</th><th scope="col">Ngày có số liệu gần nhất</th><th scope="col">Nhận lúc</th><th scope="col">Số ngày thiếu</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>${moreNote(Math.min(matching.length, LIST_LIMIT), matching.length)}`;
}

const trendOf = (report: HubReport, section: QuestionnaireReport): string => {
  if (report.trendUnit === null) return 'toàn địa bàn (gộp các phiếu của ngày)';
  const unit = [...section.ranked, ...section.notRanked].find((u) => u.unitCode === report.trendUnit);
  return unit ? `${unit.unitName} (${unit.unitCode})` : report.trendUnit;
};

function questionnaireSection(report: HubReport, view: PageView, section: QuestionnaireReport, first: boolean): string {
  const title = questionnaireTitle(section.questionnaire);
  return `<section class="questionnaire" data-questionnaire="${esc(`${section.questionnaire.id}@${section.questionnaire.version}`)}">
<h2>${esc(title)}</h2>
${rankingTable(report, view, section)}
${notRankedTable(report, view, section)}
<h3${first ? ' id="trend-heading"' : ''}>Diễn biến theo ngày — ${esc(title)}</h3>${trend(section.trend, `${trendOf(report, section)}, ${title}`)}
</section>`;
}

/** "Số liệu đến …": the report was computed after every batch stored before that time (the data version). */
function asOf(report: HubReport): string {
  return `<p class="as-of" id="as-of">Số liệu đã nhận tính đến ${esc(localTime(report.asOf.computedAt))}${
    report.asOf.dataVersion === null ? '' : ` <small>(phiên bản dữ liệu ${esc(report.asOf.dataVersion)})</small>`
  }; trang được tính lại ngay khi hub nhận thêm số liệu.</p>`;
}

export function reportPage(report: HubReport, view: PageView = ALL_UNITS_VIEW): string {
  const { from, to } = report.period;
  return layout(
    `SIPAS — ${from} đến ${to}`,
    `<header>
<h1>Chỉ số hài lòng SIPAS theo đơn vị</h1>
<form method="get" action="/">
<label>Từ ngày <input type="date" name="from" value="${esc(from)}" required></label>
<label>Đến ngày <input type="date" name="to" value="${esc(to)}" required></label>
<label>Lọc đơn vị (mã hoặc tên) <input type="search" name="q" value="${esc(view.filter)}"></label>
${report.trendUnit === null ? '' : `<input type="hidden" name="unit" value="${esc(report.trendUnit)}">`}
<button type="submit">Xem</button>
<a href="/export.csv?${esc(query(from, to))}" download>Tải CSV</a>
</form>
${asOf(report)}
</header>
<main>
${
  report.questionnaires.map((section, i) => questionnaireSection(report, view, section, i === 0)).join('\n') ||
  '<p>Chưa có số liệu nào trong kỳ.</p>'
}
${silentUnits(report, view)}
<section><h2>Thiết bị chậm gửi</h2>${lateTable(report, view)}</section>
<p class="note">Mỗi bộ câu hỏi (và mỗi phiên bản) được tính riêng, không bao giờ gộp với nhau.
Chỉ số của một tiêu chí = số câu trả lời mức 4–5 / số câu trả lời hợp lệ × 100; chỉ số một yếu tố là trung bình các tiêu chí;
chỉ số SIPAS là trung bình các yếu tố có câu trả lời — dưới ${DIMENSION_COUNT} yếu tố thì ghi rõ (ví dụ 4/${DIMENSION_COUNT} yếu tố).
Chỉ xếp hạng đơn vị có đủ ${DIMENSION_COUNT} yếu tố và ít nhất ${formatCount(report.minSample)} ${esc(countLabel('counted').toLowerCase())}; dòng bình quân là trung bình cộng chỉ số của các đơn vị được xếp hạng, không gộp phiếu.
Chỉ tính bản sửa đổi mới nhất của mỗi thiết bị, mỗi ngày, mỗi bộ câu hỏi. Hôm nay: ${esc(report.today)}.</p>
</main>`,
  );
}

export function errorPage(message: string): string {
  return layout(
    'SIPAS — lỗi',
    `<main><h1>Không xem được báo cáo</h1><p role="alert">${esc(message)}</p><p><a href="/">Về trang chính</a></p></main>`,
  );
}

export const HUB_CSS = `body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1b1b;max-width:1100px}
h1{font-size:1.4rem}form{display:flex;gap:.75rem;align-items:end;flex-wrap:wrap}
table{border-collapse:collapse;margin:1rem 0;width:100%}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
td.sipas{font-weight:700}tfoot th,tfoot td{border-top:2px solid #888}small{color:#555}
svg{width:100%;max-width:720px;height:auto}svg .series{fill:none;stroke:#0b5fff;stroke-width:2}svg circle{fill:#0b5fff}
svg .grid{stroke:#ccc}svg text{font-size:10px;fill:#555}.note{color:#444;font-size:.9rem}
.pager{display:flex;gap:.75rem;align-items:center}.pager [aria-disabled]{color:#888}.as-of,.shown,.more{color:#444;font-size:.9rem}`;
