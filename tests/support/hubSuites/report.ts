import { describe, expect, it } from 'vitest';
import type { AggregateBatch } from '../../../src/contract/syncProtocol';
import { addDays } from '../../../src/domain/localDay';
import { hashToken } from '../../../src/hub/devices';
import { makeBatch, random, randomRows, send } from '../hubClient';
import { useHub, type HubTarget } from '../hubTargets';
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
  batches.flatMap((b) => b.rows.flatMap((row) => row.counts.flatMap((n, i) => Array.from({ length: n }, () => [{ item: row.item, score: i + 1, points: 5 as const }]))));

const vi = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value.toFixed(1).replace('.', ','));

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
        const credentials = await hub.addDevice({ deviceId: spec.deviceId, unitCode: spec.unitCode, unitName: spec.unitName });
        for (let date = spec.days[0]!; date <= spec.days[1]!; date = addDays(date, 1)) {
          let batch = makeBatch({ deviceId: spec.deviceId, unitCode: spec.unitCode, date, rows: randomRows(next) });
          expect((await send(hub.batchesUrl, credentials, batch)).status).toBe(201);
          if (next() < 0.3) {
            batch = makeBatch({ deviceId: spec.deviceId, unitCode: spec.unitCode, date, revision: 2, rows: randomRows(next) });
            expect((await send(hub.batchesUrl, credentials, batch)).status).toBe(201);
          }
          latest.push({ ...batch, unitCode: spec.unitCode });
        }
      }
      // Registered ten days ago, never sent anything.
      await hub.store.addDevice({ deviceId: 'kiosk-05', unitCode: 'ZZ', unitName: 'UBND xã Im Lặng', tokenHash: hashToken('unused-token-0000'), secret: 's', createdAt: '2026-11-20T02:00:00.000Z' });
      const inPeriod = latest.filter((b) => b.date >= PERIOD.from && b.date <= PERIOD.to);
      return { inPeriod };
    }

    it('the index per commune and dimension, the ranking and the trend equal an independent computation', async () => {
      const { hub } = fixture();
      const { inPeriod } = await seed();
      const expected = new Map(['DH', 'DP', 'XX'].map((unit) => [unit, independentScore(answersOf(inPeriod.filter((b) => b.unitCode === unit)))]));

      const report = await (await fetch(`${hub.url}/api/report?from=${PERIOD.from}&to=${PERIOD.to}`)).json();
      for (const unit of report.units) {
        const want = expected.get(unit.unitCode);
        if (!want) {
          expect(unit).toMatchObject({ unitCode: 'ZZ', sipas: null, rank: null, deviceDays: 0 });
          continue;
        }
        expect(unit.sipas).toBeCloseTo(want.index!, 9);
        for (const [dimension, score] of want.dimensions) expect(unit.dimensions[dimension]).toBeCloseTo(score.index, 9);
        const batches = inPeriod.filter((b) => b.unitCode === unit.unitCode);
        expect(unit.responses).toBe(batches.reduce((n, b) => n + b.totals.responses, 0));
        expect(unit.deviceDays).toBe(batches.length);
      }
      const ranked = [...expected].sort(([, a], [, b]) => b.index! - a.index!).map(([unit]) => unit);
      expect(report.units.map((u: { unitCode: string }) => u.unitCode)).toEqual([...ranked, 'ZZ']);
      expect(report.units.map((u: { rank: number | null }) => u.rank)).toEqual([1, 2, 3, null]);
      for (const point of report.trend) {
        const day = inPeriod.filter((b) => b.date === point.date);
        const want = independentScore(answersOf(day)).index;
        if (want === null) expect(point.sipas).toBeNull();
        else expect(point.sipas).toBeCloseTo(want, 9);
      }
      expect(report.trend).toHaveLength(9);
      const ofDp = await (await fetch(`${hub.url}/api/report?from=${PERIOD.from}&to=${PERIOD.to}&unit=DP`)).json();
      for (const point of ofDp.trend) {
        const want = independentScore(answersOf(inPeriod.filter((b) => b.date === point.date && b.unitCode === 'DP'))).index;
        if (want === null) expect(point.sipas).toBeNull();
        else expect(point.sipas).toBeCloseTo(want, 9);
      }
      expect(ofDp.trend.filter((p: { sipas: number | null }) => p.sipas !== null)).toHaveLength(6);

      const html = await (await fetch(`${hub.url}/?from=${PERIOD.from}&to=${PERIOD.to}`)).text();
      const shown = [...html.matchAll(/<tr data-unit="([^"]+)">.*?<td class="num sipas">([^<]*)<\/td>/g)].map((m) => [m[1], m[2]]);
      expect(shown).toEqual([...ranked.map((unit) => [unit, vi(expected.get(unit)!.index)]), ['ZZ', '–']]);
      expect(html).not.toContain('<b>x</b>');
      expect(html).toContain('&#60;b&#62;x&#60;/b&#62;');
      expect(html).toMatch(/<svg[^>]*role="img"/);
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
      const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes.slice(3)));
      expect(header?.slice(0, 6)).toEqual(['Hạng', 'Mã đơn vị', 'Tên đơn vị', 'Từ ngày', 'Đến ngày', 'Chỉ số SIPAS (%)']);
      expect(rows).toHaveLength(4);
      for (const row of rows) {
        const unit = row[1]!;
        const want = independentScore(answersOf(inPeriod.filter((b) => b.unitCode === unit))).index;
        expect(row[5]).toBe(want === null ? '' : String(Number(want.toFixed(1))));
      }
      expect(rows.find((r) => r[1] === 'XX')?.[2]).toBe(`'${HOSTILE}`);
    });

    it('neutralises every cell a spreadsheet would run as a formula', async () => {
      const { hub } = fixture();
      const names = ['=1+2', '+1', '-1', '@SUM(A1)', 'Xã Bình thường'];
      for (const [i, unitName] of names.entries()) await hub.addDevice({ deviceId: `k-${i}`, unitCode: `U${i}`, unitName });
      // Registration trims names; a leading tab or CR can still reach the table (an import, a manual edit).
      await hub.store.addDevice({ deviceId: 'k-tab', unitCode: 'UT', unitName: '\t=cmd', tokenHash: hashToken('tab-token-000000'), secret: 's', createdAt: '2026-11-01T00:00:00.000Z' });
      await hub.store.addDevice({ deviceId: 'k-cr', unitCode: 'UR', unitName: '\r=cmd', tokenHash: hashToken('cr-token-0000000'), secret: 's', createdAt: '2026-11-01T00:00:00.000Z' });
      const text = (await (await fetch(`${hub.url}/export.csv`)).text()).replace(/^\uFEFF/, '');
      const byUnit = new Map(parseCsv(text).slice(1).map((r) => [r[1], r[2]]));
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
