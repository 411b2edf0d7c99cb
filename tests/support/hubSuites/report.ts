import { describe, expect, it } from 'vitest';
import type { AggregateBatch } from '../../../src/contract/syncProtocol';
import { addDays } from '../../../src/domain/localDay';
import { hashToken } from '../../../src/hub/devices';
import { makeBatch, random, randomRows, send } from '../hubClient';
import { startHub, type QuestionnaireReport } from '../../../src/hub';
import { HUB_NOW, useHub, type HubTarget } from '../hubTargets';
import { independentScore, type PlainAnswer } from '../independentScore';

/** What the page and the CSV show, checked against the plain formulas of tests/support/independentScore.ts. */

const HOSTILE = '=HYPERLINK("http://x","bấm") <b>x</b>, "quoted"';
const DEVICES = [
  { deviceId: 'kiosk-01', unitCode: 'DH', unitName: 'UBND xã Điện Hồng', days: ['2026-11-21', '2026-11-30'] },
  { deviceId: 'kiosk-02', unitCode: 'DH', unitName: 'UBND xã Điện Hồng', days: ['2026-11-21', '2026-11-27'] },
  { deviceId: 'kiosk-03', unitCode: 'DP', unitName: 'UBND xã Điện Phước', days: ['2026-11-25', '2026-11-30'] },
  { deviceId: 'kiosk-04', unitCode: 'XX', unitName: HOSTILE, days: ['2026-11-29', '2026-11-30'] },
];
const PERIOD = { from: '2026-11-22', to: '2026-11-30' };

/** Every answer the latest revisions hold, expanded one by one (the independent formulas take answers, not counts). */
const answersOf = (batches: readonly AggregateBatch[]): PlainAnswer[][] =>
  batches.flatMap((b) =>
    b.rows.flatMap((row) =>
      row.counts.flatMap((n, i) =>
        Array.from({ length: n }, () => [{ item: row.item, score: i + 1, points: 5 as const }]),
      ),
    ),
  );

const vi = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : value.toFixed(1).replace('.', ',');

/** RFC 4180, enough for the hub's export. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i += 1;
    } else cell += ch;
  }
  return records;
}

export function reportSuite(target: HubTarget): void {
  describe('page, figures and export', () => {
    const fixture = useHub(target);

    /** Ten days of random counts from four kiosks in three communes, some days corrected by a second revision. */
    async function seed() {
      const { hub } = fixture();
      const next = random(7);
      const latest: Array<AggregateBatch & { unitCode: string }> = [];
      for (const spec of DEVICES) {
        const credentials = await hub.addDevice({
          deviceId: spec.deviceId,
          unitCode: spec.unitCode,
          unitName: spec.unitName,
        });
        for (let date = spec.days[0]!; date <= spec.days[1]!; date = addDays(date, 1)) {
          let batch = makeBatch({ deviceId: spec.deviceId, unitCode: spec.unitCode, date, rows: randomRows(next) });
          expect((await send(hub.batchesUrl, credentials, batch)).status).toBe(201);
          if (next() < 0.3) {
            batch = makeBatch({
              deviceId: spec.deviceId,
              unitCode: spec.unitCode,
              date,
              revision: 2,
              rows: randomRows(next),
            });
            expect((await send(hub.batchesUrl, credentials, batch)).status).toBe(201);
          }
          latest.push({ ...batch, unitCode: spec.unitCode });
        }
      }
      // Registered ten days ago, never sent anything.
      await hub.store.addDevice({
        deviceId: 'kiosk-05',
        unitCode: 'ZZ',
        unitName: 'UBND xã Im Lặng',
        tokenHash: hashToken('unused-token-0000'),
        secret: 's',
        createdAt: '2026-11-20T02:00:00.000Z',
      });
      const inPeriod = latest.filter((b) => b.date >= PERIOD.from && b.date <= PERIOD.to);
      return { inPeriod };
    }

    it('the index per commune and dimension, the ranking and the trend equal an independent computation', async () => {
      const { hub } = fixture();
      const { inPeriod } = await seed();
      const expected = new Map(
        ['DH', 'DP', 'XX'].map((unit) => [
          unit,
          independentScore(answersOf(inPeriod.filter((b) => b.unitCode === unit))),
        ]),
      );
      const countedOf = (unit: string) =>
        inPeriod.filter((b) => b.unitCode === unit).reduce((n, b) => n + b.totals.counted, 0);
      // Ranked: all five dimensions and at least 30 counted responses (the default minimum).
      const rankable = (unit: string) => expected.get(unit)!.dimensions.size === 5 && countedOf(unit) >= 30;

      const report = await (await fetch(`${hub.url}/api/report?from=${PERIOD.from}&to=${PERIOD.to}`)).json();
      expect(report.minSample).toBe(30);
      expect(report.questionnaires).toHaveLength(1);
      const section = report.questionnaires[0];
      expect(section.questionnaire).toEqual({ id: 'sipas-2024', version: 3 });
      for (const unit of [...section.ranked, ...section.notRanked]) {
        const want = expected.get(unit.unitCode)!;
        expect(unit.sipas).toBeCloseTo(want.index!, 9);
        expect(unit.coverage).toBe(want.dimensions.size);
        for (const [dimension, score] of want.dimensions)
          expect(unit.dimensions[dimension]).toBeCloseTo(score.index, 9);
        const batches = inPeriod.filter((b) => b.unitCode === unit.unitCode);
        const sum = (name: 'responses' | 'counted' | 'suspect' | 'abandoned') =>
          batches.reduce((n, b) => n + b.totals[name], 0);
        expect(unit.counts).toEqual({
          responses: sum('responses'),
          counted: sum('counted'),
          suspect: sum('suspect'),
          abandoned: sum('abandoned'),
        });
        expect(unit.deviceDays).toBe(batches.length);
      }
      expect(report.silentUnits.map((u: { unitCode: string }) => u.unitCode)).toEqual(['ZZ']);
      const ranked = [...expected]
        .filter(([unit]) => rankable(unit))
        .sort(([, a], [, b]) => b.index! - a.index!)
        .map(([unit]) => unit);
      expect(ranked.length).toBeGreaterThan(1);
      expect(section.ranked.map((u: { unitCode: string }) => u.unitCode)).toEqual(ranked);
      expect(section.ranked.map((u: { rank: number | null }) => u.rank)).toEqual(ranked.map((_, i) => i + 1));
      expect(section.notRanked.map((u: { unitCode: string }) => u.unitCode).sort()).toEqual(
        ['DH', 'DP', 'XX'].filter((u) => !rankable(u)),
      );
      // The all-units figure: the mean of the ranked units' indices, not their answers pooled.
      const meanOfUnits = ranked.reduce((sum, unit) => sum + expected.get(unit)!.index!, 0) / ranked.length;
      expect(section.allUnits).toMatchObject({ basis: 'mean_of_ranked_units', units: ranked.length });
      expect(section.allUnits.sipas).toBeCloseTo(meanOfUnits, 9);
      for (const point of section.trend) {
        const day = inPeriod.filter((b) => b.date === point.date);
        const want = independentScore(answersOf(day)).index;
        if (want === null) expect(point.sipas).toBeNull();
        else expect(point.sipas).toBeCloseTo(want, 9);
      }
      expect(section.trend).toHaveLength(9);
      const ofDp = await (await fetch(`${hub.url}/api/report?from=${PERIOD.from}&to=${PERIOD.to}&unit=DP`)).json();
      const dpTrend = ofDp.questionnaires[0].trend;
      for (const point of dpTrend) {
        const want = independentScore(
          answersOf(inPeriod.filter((b) => b.date === point.date && b.unitCode === 'DP')),
        ).index;
        if (want === null) expect(point.sipas).toBeNull();
        else expect(point.sipas).toBeCloseTo(want, 9);
      }
      expect(dpTrend.filter((p: { sipas: number | null }) => p.sipas !== null)).toHaveLength(6);

      const html = await (await fetch(`${hub.url}/?from=${PERIOD.from}&to=${PERIOD.to}`)).text();
      const rankingHtml = /<table class="ranking"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
      const shown = [...rankingHtml.matchAll(/<tr data-unit="([^"]+)">.*?<td class="num sipas">([^<]*)<\/td>/g)].map(
        (m) => [m[1], m[2]],
      );
      expect(shown).toEqual(ranked.map((unit) => [unit, vi(expected.get(unit)!.index)]));
      expect(rankingHtml).toContain(
        `Bình quân ${ranked.length} đơn vị được xếp hạng (trung bình cộng chỉ số các đơn vị, không gộp phiếu)`,
      );
      expect(rankingHtml).toContain(`<td class="num sipas">${vi(meanOfUnits)}</td>`);
      expect(html).toMatch(/<li data-unit="ZZ">UBND xã Im Lặng/);
      expect(html).not.toContain('<b>x</b>');
      expect(html).toContain('&#60;b&#62;x&#60;/b&#62;');
      expect(html).toMatch(/<svg[^>]*role="img"/);
    });

    it('ranks only units with all five dimensions and the minimum sample; lists the others apart as "chưa đủ mẫu"', async () => {
      const { hub } = fixture();
      const quick = { id: 'sipas-quick', version: 1 };
      const full = { id: 'sipas-full', version: 1 };
      const row = (item: string, counts: number[]) => ({
        item,
        counter: null,
        field: null,
        counts: counts as [number, number, number, number, number],
      });
      const five = (n: number, low: number) =>
        ['access', 'procedure', 'officer', 'result', 'feedback'].map((item) => row(item, [low, 0, 0, 0, n - low]));
      const units = [
        { code: 'AA', name: 'UBND xã An', rows: five(40, 10), counted: 40 }, // ranked: 75 %
        { code: 'DD', name: 'UBND xã Định', rows: five(100, 50), counted: 100 }, // ranked: 50 %
        { code: 'BB', name: 'UBND xã Bình', rows: five(12, 0), counted: 12 }, // 100 %, but 12 < 30
        { code: 'CC', name: 'UBND xã Cẩm', rows: five(50, 0).slice(0, 4), counted: 50 }, // 4/5: no feedback answers
      ];
      for (const [i, unit] of units.entries()) {
        const credentials = await hub.addDevice({ deviceId: `kiosk-${i}`, unitCode: unit.code, unitName: unit.name });
        const totals = { responses: unit.counted + 1, counted: unit.counted, suspect: 1, abandoned: 0 };
        expect(
          (
            await send(
              hub.batchesUrl,
              credentials,
              makeBatch({
                deviceId: `kiosk-${i}`,
                unitCode: unit.code,
                date: '2026-11-29',
                questionnaire: quick,
                rows: unit.rows,
                totals,
              }),
            )
          ).status,
        ).toBe(201);
        if (unit.code === 'AA') {
          // The same unit on the full form: its own section, never pooled with the quick form.
          const fullRows = five(35, 35);
          expect(
            (
              await send(
                hub.batchesUrl,
                credentials,
                makeBatch({
                  deviceId: 'kiosk-0',
                  unitCode: 'AA',
                  date: '2026-11-29',
                  questionnaire: full,
                  rows: fullRows,
                  totals: { responses: 35, counted: 35, suspect: 0, abandoned: 0 },
                }),
              )
            ).status,
          ).toBe(201);
        }
      }
      const report = await hub.report({ from: '2026-11-29', to: '2026-11-29' });
      expect(report.questionnaires.map((q) => q.questionnaire)).toEqual([full, quick]);
      const [fullSection, quickSection] = report.questionnaires as [QuestionnaireReport, QuestionnaireReport];
      expect(fullSection.ranked.map((u) => [u.unitCode, u.sipas])).toEqual([['AA', 0]]);
      expect(quickSection.ranked.map((u) => [u.rank, u.unitCode, u.sipas])).toEqual([
        [1, 'AA', 75],
        [2, 'DD', 50],
      ]);
      expect(quickSection.notRanked.map((u) => [u.unitCode, u.notRanked, u.coverage, u.sipas])).toEqual([
        ['CC', 'partial', 4, 100],
        ['BB', 'small_sample', 5, 100],
      ]);
      // Mean of the two ranked units (62.5), not their 140 responses pooled (40 % + … ≠ 62.5).
      expect(quickSection.allUnits).toEqual({
        basis: 'mean_of_ranked_units',
        units: 2,
        sipas: 62.5,
        dimensions: { access: 62.5, procedure: 62.5, officer: 62.5, result: 62.5, feedback: 62.5 },
      });
      expect(quickSection.counts).toEqual({ responses: 206, counted: 202, suspect: 4, abandoned: 0 });

      const html = await (await fetch(`${hub.url}/?from=2026-11-29&to=2026-11-29`)).text();
      const quickHtml =
        /<section class="questionnaire" data-questionnaire="sipas-quick@1">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
      const ranking = /<table class="ranking"[\s\S]*?<\/table>/.exec(quickHtml)?.[0] ?? '';
      const apart = /<table class="not-ranked"[\s\S]*?<\/table>/.exec(quickHtml)?.[0] ?? '';
      const unitsIn = (table: string) => [...table.matchAll(/<tr data-unit="([^"]+)">/g)].map((m) => m[1]);
      expect(unitsIn(ranking)).toEqual(['AA', 'DD']);
      expect(unitsIn(apart)).toEqual(['CC', 'BB']);
      expect(ranking).toContain('ít nhất 30 phiếu hợp lệ');
      expect(ranking).toContain(
        'Bình quân 2 đơn vị được xếp hạng (trung bình cộng chỉ số các đơn vị, không gộp phiếu)',
      );
      expect(ranking).toContain('<td class="num sipas">62,5</td>');
      expect(apart).toContain('<caption>Chưa đủ mẫu — không xếp hạng</caption>');
      expect(apart).toContain('100,0 (4/5 yếu tố)');
      expect(apart).toContain('Chưa đủ mẫu: chỉ có 4/5 yếu tố');
      expect(apart).toContain('Chưa đủ mẫu: 12 phiếu hợp lệ, cần ít nhất 30');
      for (const name of [
        'Số phiếu',
        'Phiếu hợp lệ',
        'Phiếu nghi vấn',
        'Phiếu bỏ dở',
        'Tiếp cận dịch vụ',
        'Góp ý, phản ánh',
      ])
        expect(ranking).toContain(name);

      const [, ...rows] = parseCsv(
        (await (await fetch(`${hub.url}/export.csv?from=2026-11-29&to=2026-11-29`)).text()).replace(/^\uFEFF/, ''),
      );
      const quickRows = rows.filter((r) => r[0] === 'sipas-quick');
      expect(quickRows.map((r) => [r[2], r[3], r[7], r.at(-1)])).toEqual([
        ['1', 'AA', '75', 'Có'],
        ['2', 'DD', '50', 'Có'],
        ['', 'CC', '100', 'Chưa đủ mẫu: chỉ có 4/5 yếu tố'],
        ['', 'BB', '100', 'Chưa đủ mẫu: 12 phiếu hợp lệ, cần ít nhất 30'],
        ['', '', '62.5', ''],
      ]);
      expect(quickRows.at(-1)?.[4]).toBe(
        'Bình quân 2 đơn vị được xếp hạng (trung bình cộng chỉ số các đơn vị, không gộp phiếu)',
      );
    });

    it('the minimum sample is a setting: --min-sample 10 ranks the unit with 12', async () => {
      const db = await target.newDatabase();
      const hub = await startHub({ db, port: 0, now: () => HUB_NOW, minSample: 10 });
      try {
        const credentials = await hub.addDevice({ deviceId: 'kiosk-01', unitCode: 'BB', unitName: 'UBND xã Bình' });
        const rows = ['access', 'procedure', 'officer', 'result', 'feedback'].map((item) => ({
          item,
          counter: null,
          field: null,
          counts: [0, 0, 0, 0, 12] as [number, number, number, number, number],
        }));
        await send(
          hub.batchesUrl,
          credentials,
          makeBatch({ deviceId: 'kiosk-01', unitCode: 'BB', date: '2026-11-29', rows }),
        );
        const report = await hub.report({ from: '2026-11-29', to: '2026-11-29' });
        expect(report.minSample).toBe(10);
        expect(report.questionnaires[0]!.ranked.map((u) => u.unitCode)).toEqual(['BB']);
      } finally {
        await hub.close();
      }
      await expect(startHub({ db, port: 0, minSample: 0 })).rejects.toThrow(/minSample/);
    });

    it('lists the devices late to report: nothing for yesterday since their last batch', async () => {
      const { hub } = fixture();
      await seed();
      const report = await hub.report(PERIOD);
      expect(report.late.map((d) => [d.deviceId, d.lastDate, d.daysMissing])).toEqual([
        ['kiosk-05', null, 11],
        ['kiosk-02', '2026-11-27', 3],
      ]);
      const html = await (await fetch(`${hub.url}/`)).text();
      expect([...html.matchAll(/<tr data-device="([^"]+)">/g)].map((m) => m[1])).toEqual(['kiosk-05', 'kiosk-02']);
    });

    it('exports the ranking as CSV: UTF-8 with BOM, the same figures, formulas neutralised', async () => {
      const { hub } = fixture();
      const { inPeriod } = await seed();
      const response = await fetch(`${hub.url}/export.csv?from=${PERIOD.from}&to=${PERIOD.to}`);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toContain(`sipas-${PERIOD.from}-${PERIOD.to}.csv`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...lines] = parseCsv(new TextDecoder().decode(bytes.slice(3)));
      expect(header?.slice(0, 9)).toEqual([
        'Bộ câu hỏi',
        'Phiên bản',
        'Hạng',
        'Mã đơn vị',
        'Tên đơn vị',
        'Từ ngày',
        'Đến ngày',
        'Chỉ số SIPAS (%)',
        'Số yếu tố có dữ liệu',
      ]);
      expect(header?.slice(14, 18)).toEqual(['Số phiếu', 'Phiếu hợp lệ', 'Phiếu nghi vấn', 'Phiếu bỏ dở']);
      // Three units with batches, the all-units line, and the silent unit.
      expect(lines).toHaveLength(5);
      expect(lines.at(-1)?.slice(3, 5)).toEqual(['ZZ', 'UBND xã Im Lặng']);
      const rows = lines.filter((r) => r[3] !== '' && r[3] !== 'ZZ').map((r) => r.slice(2));
      expect(rows).toHaveLength(3);
      for (const row of rows) {
        const unit = row[1]!;
        const want = independentScore(answersOf(inPeriod.filter((b) => b.unitCode === unit))).index;
        expect(row[5]).toBe(want === null ? '' : String(Number(want.toFixed(1))));
      }
      expect(rows.find((r) => r[1] === 'XX')?.[2]).toBe(`'${HOSTILE}`);
      for (const row of rows) expect(Number(row[12])).toBe(Number(row[13]) + Number(row[14]) + Number(row[15])); // responses = counted + suspect + abandoned
    });

    it('neutralises every cell a spreadsheet would run as a formula', async () => {
      const { hub } = fixture();
      const names = ['=1+2', '+1', '-1', '@SUM(A1)', 'Xã Bình thường'];
      for (const [i, unitName] of names.entries())
        await hub.addDevice({ deviceId: `k-${i}`, unitCode: `U${i}`, unitName });
      // Registration trims names; a leading tab or CR can still reach the table (an import, a manual edit).
      await hub.store.addDevice({
        deviceId: 'k-tab',
        unitCode: 'UT',
        unitName: '\t=cmd',
        tokenHash: hashToken('tab-token-000000'),
        secret: 's',
        createdAt: '2026-11-01T00:00:00.000Z',
      });
      await hub.store.addDevice({
        deviceId: 'k-cr',
        unitCode: 'UR',
        unitName: '\r=cmd',
        tokenHash: hashToken('cr-token-0000000'),
        secret: 's',
        createdAt: '2026-11-01T00:00:00.000Z',
      });
      const text = (await (await fetch(`${hub.url}/export.csv`)).text()).replace(/^\uFEFF/, '');
      const byUnit = new Map(
        parseCsv(text)
          .slice(1)
          .map((r) => [r[3], r[4]]),
      );
      expect(byUnit.get('U0')).toBe("'=1+2");
      expect(byUnit.get('U1')).toBe("'+1");
      expect(byUnit.get('U2')).toBe("'-1");
      expect(byUnit.get('U3')).toBe("'@SUM(A1)");
      expect(byUnit.get('UT')).toBe("'\t=cmd");
      expect(byUnit.get('UR')).toBe("'\r=cmd");
      expect(byUnit.get('U4')).toBe('Xã Bình thường');
    });

    it('refuses a bad period with 400 naming it', async () => {
      const { hub } = fixture();
      const json = await fetch(`${hub.url}/api/report?from=2026-11-30&to=2026-11-01`);
      expect([json.status, (await json.json()).error.code]).toEqual([400, 'bad_period']);
      const page = await fetch(`${hub.url}/?from=2026-13-01`);
      expect(page.status).toBe(400);
      expect(await page.text()).toContain('YYYY-MM-DD');
    });
  });
}
