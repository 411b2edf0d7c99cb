import { randomUUID } from 'node:crypto';
import type { AggregateBatch } from '../contract/syncProtocol';
import { addDays } from '../domain/localDay';

/**
 * The simulated country's data (simulate.ts sends it): seeded communes, their days as
 * `sipas.aggregate.v1` batches, the exact bytes of each body, and the periods the bench
 * times. Everything is drawn from a seeded generator, so a run is repeatable; batch ids
 * are random (a second run on the same database sends new batches, not duplicates).
 *
 * A commune's day: 20–80 responses (a few communes far fewer, so "chưa đủ mẫu"
 * shows), a handful suspect or abandoned, quick-form rows by item × counter ×
 * procedure field. A tenth of communes use the full form (22 criteria). Some
 * communes move to a second quick-form version part-way: that day they send both
 * versions. About 2 % of device-days are corrected by a revision 2, a few by a 3.
 */

export const SIMULATION_START = '2025-01-01';
const QUICK = ['access', 'procedure', 'officer', 'result', 'feedback'] as const;
const FULL = [
  ...[1, 2, 3, 4].map((n) => `access.${n}`),
  ...[1, 2, 3, 4, 5].map((n) => `procedure.${n}`),
  ...[1, 2, 3, 4, 5, 6].map((n) => `officer.${n}`),
  ...[1, 2, 3].map((n) => `result.${n}`),
  ...[1, 2, 3, 4].map((n) => `feedback.${n}`),
];
const FIELDS = ['ho-tich', 'chung-thuc', 'dat-dai', 'kinh-doanh', 'xay-dung', 'bao-tro-xa-hoi', 'tu-phap'];
const PLACES = [
  'An',
  'Bình',
  'Phú',
  'Tân',
  'Hòa',
  'Thạnh',
  'Long',
  'Mỹ',
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Hưng',
  'Thịnh',
  'Lộc',
  'Phước',
  'Điện',
  'Hồng',
  'Quang',
  'Trung',
  'Sơn',
  'Hải',
  'Thủy',
  'Lâm',
  'Vĩnh',
  'Xuân',
  'Thuận',
  'Cát',
  'Kim',
  'Ngọc',
];

/** Mulberry32: small, seedable, good enough for counts. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface SimUnit {
  code: string;
  name: string;
  /** 0..1: how satisfied its citizens tend to be. */
  quality: number;
  /** Responses a day: [min, max]. */
  volume: [number, number];
  form: 'quick' | 'full';
  /** Day index from which it uses quick-form version 2 (both versions that day), or null. */
  switchDay: number | null;
  counters: string[];
  /** Some communes never get the "result" question answered: their SIPAS is partial (4/5). */
  partial: boolean;
}

/** Commune codes as the General Statistics Office numbers them (five digits), names "UBND xã/phường …". */
export function simulatedUnits(count: number, days: number, seed = 1): SimUnit[] {
  const next = seeded(seed);
  return Array.from({ length: count }, (_, i) => {
    const kind = next() < 0.8 ? 'xã' : 'phường';
    const n = PLACES.length;
    const name = `UBND ${kind} ${PLACES[i % n]} ${PLACES[(Math.floor(i / n) + i + 1) % n]}${i >= n * n ? ` ${Math.floor(i / (n * n)) + 1}` : ''}`;
    const small = next() < 0.03;
    return {
      code: String(1 + 3 * i).padStart(5, '0'),
      name,
      quality: 0.35 + next() * 0.6,
      volume: small ? [0, 2] : [20, 80],
      form: next() < 0.1 ? 'full' : 'quick',
      switchDay: next() < 0.3 ? Math.floor(days * (0.4 + next() * 0.4)) : null,
      counters: ['1', '2', '3'].slice(0, 1 + Math.floor(next() * 3)).map((n) => `quay-${n}`),
      partial: next() < 0.01,
    };
  });
}

const itemKind = (item: string) =>
  item.startsWith('result') ? 'result' : item.startsWith('feedback') ? 'feedback' : 'other';

/** One rating on 1..5, leaning to the unit's quality. */
function rating(next: () => number, quality: number): number {
  const r = next() * 0.6 + quality * 0.55;
  return r < 0.2 ? 1 : r < 0.35 ? 2 : r < 0.55 ? 3 : r < 0.8 ? 4 : 5;
}

/** A device's day of one questionnaire as the kiosk would report it (revision 1, or a later recount). */
export function simulatedDay(
  unit: SimUnit,
  deviceId: string,
  date: string,
  questionnaire: { id: string; version: number },
  next: () => number,
  share = 1,
): AggregateBatch | null {
  const [min, max] = unit.volume;
  const responses = Math.round((min + Math.floor(next() * (max - min + 1))) * share);
  if (responses === 0) return null;
  const suspect = Math.min(responses, next() < 0.3 ? Math.floor(next() * 3) : 0);
  const abandoned = Math.min(responses - suspect, next() < 0.5 ? Math.floor(next() * 4) : 0);
  const counted = responses - suspect - abandoned;
  const items = questionnaire.id === 'sipas-full' ? FULL : QUICK;
  const counters = unit.counters.length;
  // Rows found by (item, counter, field) index, not by a string key built per answer: the same
  // draws and the same rows in the same order, for a fraction of the simulator's CPU per batch.
  const rowAt: Array<AggregateBatch['rows'][number] | undefined> = new Array(items.length * counters * FIELDS.length);
  const rows: AggregateBatch['rows'] = [];
  const skipsResult = unit.partial;
  const kinds = items.map(itemKind);
  for (let r = 0; r < counted; r += 1) {
    const c = Math.floor(next() * counters);
    const f = Math.floor(next() * next() * FIELDS.length);
    // Result questions are asked of those who came for a result; feedback is optional.
    const collects = next() < 0.55;
    const givesFeedback = next() < 0.7;
    for (let i = 0; i < items.length; i += 1) {
      const kind = kinds[i];
      if (kind === 'result' && (!collects || skipsResult)) continue;
      if (kind === 'feedback' && !givesFeedback) continue;
      const at = (i * counters + c) * FIELDS.length + f;
      let row = rowAt[at];
      if (!row) {
        // Keys in canonical order (simulatedBody writes the rows as they are).
        row = { counter: unit.counters[c]!, counts: [0, 0, 0, 0, 0], field: FIELDS[f]!, item: items[i]! };
        rowAt[at] = row;
        rows.push(row);
      }
      row.counts[rating(next, unit.quality) - 1]! += 1;
    }
  }
  return {
    schema: 'sipas.aggregate.v1',
    batchId: randomUUID(),
    unit: { code: unit.code, name: unit.name },
    device: { id: deviceId, appVersion: '1.4.0' },
    questionnaire,
    date,
    revision: 1,
    generatedAt: `${addDays(date, 1)}T00:05:${String(Math.floor(next() * 60)).padStart(2, '0')}.000+07:00`,
    totals: { responses, counted, suspect, abandoned },
    rows,
  };
}

/** Every batch one device sends for one day, in sending order (revisions after the first). */
export function deviceDayBatches(
  unit: SimUnit,
  deviceId: string,
  dayIndex: number,
  from: string,
  next: () => number,
): AggregateBatch[] {
  const date = addDays(from, dayIndex);
  const forms: Array<[{ id: string; version: number }, number]> =
    unit.form === 'full'
      ? [[{ id: 'sipas-full', version: 2 }, 1]]
      : unit.switchDay === null || dayIndex < unit.switchDay
        ? [[{ id: 'sipas-quick', version: 1 }, 1]]
        : dayIndex === unit.switchDay
          ? [
              [{ id: 'sipas-quick', version: 1 }, 0.5],
              [{ id: 'sipas-quick', version: 2 }, 0.5],
            ]
          : [[{ id: 'sipas-quick', version: 2 }, 1]];
  const out: AggregateBatch[] = [];
  for (const [questionnaire, share] of forms) {
    const first = simulatedDay(unit, deviceId, date, questionnaire, next, share);
    if (!first) continue;
    out.push(first);
    // A recount: a response synced late, or the officer corrected a flag.
    const revisions = next() < 0.02 ? (next() < 0.15 ? 2 : 1) : 0;
    for (let r = 2; r <= revisions + 1; r += 1) {
      const again = simulatedDay(unit, deviceId, date, questionnaire, next, share);
      if (again) out.push({ ...again, revision: r });
    }
  }
  return out;
}

/**
 * canonicalJson(batch) for a simulated batch, written by JSON.stringify with every
 * object's keys already in sorted order: the same bytes, without sorting the keys
 * of a hundred rows per batch (a country's year is millions of bodies on the
 * machine that also runs the hub). The rows are written as simulatedDay made them, their
 * keys in sorted order. tests/integration/hubSimulate.test.ts checks the two agree.
 */
export function simulatedBody(b: AggregateBatch): string {
  return JSON.stringify({
    batchId: b.batchId,
    date: b.date,
    device: { appVersion: b.device.appVersion, id: b.device.id },
    generatedAt: b.generatedAt,
    questionnaire: { id: b.questionnaire.id, version: b.questionnaire.version },
    revision: b.revision,
    rows: b.rows,
    schema: b.schema,
    totals: {
      abandoned: b.totals.abandoned,
      counted: b.totals.counted,
      responses: b.totals.responses,
      suspect: b.totals.suspect,
    },
    unit: { code: b.unit.code, name: b.unit.name },
  });
}

/** The periods the bench times: a month, a quarter and a year of the simulated span, and 30 days across a month's end. */
export function benchPeriods(from: string, days: number): Array<{ name: string; from: string; to: string }> {
  const last = addDays(from, days - 1);
  const clip = (to: string) => (to > last ? last : to);
  const monthEnd = (day: string) => addDays(`${addDays(`${day.slice(0, 7)}-01`, 32).slice(0, 7)}-01`, -1);
  const firstMonth = from.endsWith('-01') ? from : addDays(monthEnd(from), 1);
  const quarterEnd = monthEnd(addDays(firstMonth, 62));
  return [
    { name: 'month', from: firstMonth, to: clip(monthEnd(firstMonth)) },
    { name: 'quarter', from: firstMonth, to: clip(quarterEnd) },
    { name: 'year', from: firstMonth, to: clip(addDays(firstMonth, 364)) },
    {
      name: '30 days across a month end',
      from: addDays(monthEnd(firstMonth), -14),
      to: clip(addDays(monthEnd(firstMonth), 15)),
    },
  ];
}
