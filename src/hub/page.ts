import { dimensionIds } from '../domain/dimensions';
import { localIsoString } from '../domain/localDay';
import type { HubReport, TrendPoint } from './report';
import { DIMENSION_FULL, DIMENSION_SHORT, formatCount, formatIndex } from './text';

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

function rankingTable(report: HubReport): string {
  const { from, to } = report.period;
  const heads = dimensionIds.map((id) => `<th scope="col" title="${esc(DIMENSION_FULL[id])}">${esc(DIMENSION_SHORT[id])}</th>`).join('');
  const rows = report.units
    .map((u) => {
      const dims = dimensionIds.map((id) => `<td class="num">${formatIndex(u.dimensions[id])}</td>`).join('');
      return `<tr data-unit="${esc(u.unitCode)}"><td class="num">${u.rank ?? '–'}</td><th scope="row"><a href="/?${esc(query(from, to, u.unitCode))}#trend-heading">${esc(u.unitName)}</a> <small>(${esc(u.unitCode)})</small></th>`
        + `<td class="num sipas">${formatIndex(u.sipas)}</td>${dims}<td class="num">${formatCount(u.responses)}</td><td class="num">${formatCount(u.devices)}</td></tr>`;
    })
    .join('\n');
  const o = report.overall;
  const overall = `<tr class="overall" data-unit=""><td></td><th scope="row">Toàn địa bàn</th><td class="num sipas">${formatIndex(o.sipas)}</td>`
    + `${dimensionIds.map((id) => `<td class="num">${formatIndex(o.dimensions[id])}</td>`).join('')}`
    + `<td class="num">${formatCount(report.units.reduce((n, u) => n + u.responses, 0))}</td><td class="num">${formatCount(report.units.reduce((n, u) => n + u.devices, 0))}</td></tr>`;
  return `<table id="ranking">
<caption>Xếp hạng các đơn vị theo chỉ số SIPAS (% hài lòng)</caption>
<thead><tr><th scope="col">Hạng</th><th scope="col">Đơn vị</th><th scope="col">SIPAS</th>${heads}<th scope="col">Số phiếu</th><th scope="col">Thiết bị</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="10">Chưa có đơn vị nào được đăng ký.</td></tr>'}
</tbody>
<tfoot>${overall}</tfoot>
</table>`;
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
    .map((run) => (run.length === 1 ? `<circle cx="${run[0]!.split(',')[0]}" cy="${run[0]!.split(',')[1]}" r="2.5"/>` : `<polyline points="${run.join(' ')}"/>`))
    .join('');
  const grid = [0, 50, 100]
    .map((v) => `<line class="grid" x1="${pad}" x2="${width - pad}" y1="${y(v)}" y2="${y(v)}"/><text x="2" y="${y(v) + 4}">${v}%</text>`)
    .join('');
  const rows = points
    .map((p) => `<tr><td>${esc(p.date)}</td><td class="num">${formatIndex(p.sipas)}</td><td class="num">${formatCount(p.answers)}</td></tr>`)
    .join('');
  return `<figure>
<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="Chỉ số SIPAS theo ngày, ${esc(of)}"><title>Chỉ số SIPAS theo ngày, ${esc(of)}</title>${grid}<g class="series">${lines}</g></svg>
<figcaption>Chỉ số SIPAS theo ngày, ${esc(of)}</figcaption>
</figure>
<details><summary>Số liệu theo ngày</summary>
<table id="trend"><thead><tr><th scope="col">Ngày</th><th scope="col">SIPAS</th><th scope="col">Số câu trả lời</th></tr></thead><tbody>${rows}</tbody></table>
</details>`;
}

/** 2026-12-01 10:00, Vietnam time, as the people reading the page live it. */
const localTime = (iso: string) => localIsoString(Date.parse(iso)).slice(0, 16).replace('T', ' ');

function lateTable(report: HubReport): string {
  if (report.late.length === 0) return '<p>Tất cả thiết bị đã gửi số liệu đến hết ngày hôm qua.</p>';
  const rows = report.late
    .map((d) => `<tr data-device="${esc(d.deviceId)}"><th scope="row">${esc(d.deviceId)}</th><td>${esc(d.unitName)} (${esc(d.unitCode)})</td>`
      + `<td>${esc(d.lastDate ?? 'chưa gửi lần nào')}</td><td>${esc(d.lastReceivedAt ? localTime(d.lastReceivedAt) : '–')}</td><td class="num">${d.daysMissing}</td></tr>`)
    .join('\n');
  return `<table id="late">
<caption>Thiết bị chậm gửi số liệu (không có số liệu của ngày hôm qua)</caption>
<thead><tr><th scope="col">Thiết bị</th><th scope="col">Đơn vị</th><th scope="col">Ngày có số liệu gần nhất</th><th scope="col">Nhận lúc</th><th scope="col">Số ngày thiếu</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

const trendOf = (report: HubReport): string => {
  if (report.trendUnit === null) return 'toàn địa bàn';
  const unit = report.units.find((u) => u.unitCode === report.trendUnit);
  return unit ? `${unit.unitName} (${unit.unitCode})` : report.trendUnit;
};

export function reportPage(report: HubReport): string {
  const { from, to } = report.period;
  return layout(
    `SIPAS — ${from} đến ${to}`,
    `<header>
<h1>Chỉ số hài lòng SIPAS theo đơn vị</h1>
<form method="get" action="/">
<label>Từ ngày <input type="date" name="from" value="${esc(from)}" required></label>
<label>Đến ngày <input type="date" name="to" value="${esc(to)}" required></label>
${report.trendUnit === null ? '' : `<input type="hidden" name="unit" value="${esc(report.trendUnit)}">`}
<button type="submit">Xem</button>
<a href="/export.csv?${esc(query(from, to))}" download>Tải CSV</a>
</form>
</header>
<main>
<section>${rankingTable(report)}</section>
<section><h2 id="trend-heading">Diễn biến theo ngày</h2>${trend(report.trend, trendOf(report))}</section>
<section><h2>Thiết bị chậm gửi</h2>${lateTable(report)}</section>
<p class="note">Chỉ số của một tiêu chí = số câu trả lời mức 4–5 / số câu trả lời hợp lệ × 100; chỉ số một yếu tố là trung bình các tiêu chí;
chỉ số SIPAS là trung bình 5 yếu tố. Chỉ tính bản sửa đổi mới nhất của mỗi thiết bị, mỗi ngày. Hôm nay: ${esc(report.today)}.</p>
</main>`,
  );
}

export function errorPage(message: string): string {
  return layout('SIPAS — lỗi', `<main><h1>Không xem được báo cáo</h1><p role="alert">${esc(message)}</p><p><a href="/">Về trang chính</a></p></main>`);
}

export const HUB_CSS = `body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1b1b;max-width:1100px}
h1{font-size:1.4rem}form{display:flex;gap:.75rem;align-items:end;flex-wrap:wrap}
table{border-collapse:collapse;margin:1rem 0;width:100%}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
td.sipas{font-weight:700}tfoot th,tfoot td{border-top:2px solid #888}small{color:#555}
svg{width:100%;max-width:720px;height:auto}svg .series{fill:none;stroke:#0b5fff;stroke-width:2}svg circle{fill:#0b5fff}
svg .grid{stroke:#ccc}svg text{font-size:10px;fill:#555}.note{color:#444;font-size:.9rem}`;
