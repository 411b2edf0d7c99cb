import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { batchRequestHeaders } from '../node/signing';
import { BATCHES_PATH, type AggregateBatch } from '../contract/syncProtocol';
import { addDays } from '../domain/localDay';
import { registerDevice, type DeviceCredentials } from './devices';
import type { HubStore } from './store/port';

/**
 * The country in miniature, for `npm run hub -- simulate`, the bench and a test:
 * N communes × D kiosks send one signed `sipas.aggregate.v1` batch a day per
 * questionnaire over loopback HTTP, as the kiosks' senders do. Everything is drawn
 * from a seeded generator, so a run is repeatable; batch ids are random (a second
 * run on the same database sends new batches, not duplicates).
 *
 * A commune's day: 20–80 responses (a few communes far fewer, so "chưa đủ mẫu"
 * shows), a handful suspect or abandoned, quick-form rows by item × counter ×
 * procedure field. A tenth of communes use the full form (22 criteria). Some
 * communes move to a second quick-form version part-way: that day they send both
 * versions. About 2 % of device-days are corrected by a revision 2, a few by a 3.
 */

export interface SimulateOptions {
  /** Base URL of a running hub (loopback). */
  url: string;
  /** The hub's store, to register the simulated devices (the protocol has no registration call). */
  store: HubStore;
  units: number;
  devicesPerUnit: number;
  days: number;
  /** First simulated day (default 2025-01-01, so 365 days are one calendar year). */
  from?: string;
  /** Batches in flight at once (default 16). */
  concurrency?: number;
  seed?: number;
  /** Every batch the hub accepted, in the order each device sent it (tests re-sum them). */
  onAccepted?: (batch: AggregateBatch) => void;
  /** Called every `progressEvery` batches with the count so far. */
  onProgress?: (sent: number, seconds: number) => void;
  progressEvery?: number;
  /** Stop after this many seconds of sending, with what was sent (a fraction of a run that does not fit). */
  maxSeconds?: number;
}

export interface SimulateResult {
  units: number;
  devices: number;
  /** Device-days sent (each one or more batches). */
  deviceDays: number;
  batches: number;
  revisions: number;
  secondVersionDays: number;
  seconds: number;
  perSecond: number;
  /** False when maxSeconds cut the run short. */
  complete: boolean;
}

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

export interface SimDevice extends DeviceCredentials {
  unit: SimUnit;
}

/**
 * Registers units × devicesPerUnit kiosks (kiosk ids `<unit code>-k<n>`) and returns their credentials,
 * in unit order. Sixteen at a time: each is a durable commit, and a country's 6,600 one after the other
 * wait minutes on the disk before the first batch is sent.
 */
export async function registerSimulatedDevices(
  store: HubStore,
  units: readonly SimUnit[],
  devicesPerUnit: number,
): Promise<SimDevice[]> {
  const wanted = units.flatMap((unit) =>
    Array.from({ length: devicesPerUnit }, (_, k) => ({ unit, deviceId: `${unit.code}-k${k + 1}` })),
  );
  const devices: SimDevice[] = new Array<SimDevice>(wanted.length);
  let next = 0;
  const registrar = async () => {
    for (let i = next++; i < wanted.length; i = next++) {
      const { unit, deviceId } = wanted[i]!;
      devices[i] = {
        ...(await registerDevice(store, { deviceId, unitCode: unit.code, unitName: unit.name }, Date.now)),
        unit,
      };
    }
  };
  await Promise.all(Array.from({ length: 16 }, registrar));
  return devices;
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

function post(
  agent: http.Agent,
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** Sends the simulated days, `concurrency` device-days in flight, day after day; resolves when all are stored. */
export async function simulate(options: SimulateOptions): Promise<SimulateResult> {
  const {
    url,
    store,
    units: unitCount,
    devicesPerUnit,
    days,
    from = SIMULATION_START,
    concurrency = 16,
    seed = 1,
    onAccepted,
    onProgress,
  } = options;
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host))
    throw new Error(`simulate sends to a loopback hub only, not ${host}`);
  const units = simulatedUnits(unitCount, days, seed);
  const devices = await registerSimulatedDevices(store, units, devicesPerUnit);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const batchesUrl = `${url}${BATCHES_PATH}`;
  const progressEvery = options.progressEvery ?? 10_000;
  const deadline = options.maxSeconds === undefined ? Infinity : performance.now() + options.maxSeconds * 1000;

  // Device-days in the order kiosks send them: every device's yesterday, then the next day.
  function* work() {
    for (let day = 0; day < days; day += 1) {
      for (let d = 0; d < devices.length; d += 1)
        yield { day, device: devices[d]!, next: seeded(seed * 1_000_003 + day * 100_003 + d) };
    }
  }
  const queue = work();
  const result = { deviceDays: 0, batches: 0, revisions: 0, secondVersionDays: 0 };
  let complete = true;
  const started = performance.now();

  async function worker(): Promise<void> {
    for (let job = queue.next(); !job.done; job = queue.next()) {
      if (performance.now() > deadline) {
        complete = false;
        return;
      }
      const { day, device, next } = job.value;
      const batches = deviceDayBatches(device.unit, device.deviceId, day, from, next);
      result.deviceDays += 1;
      if (new Set(batches.map((b) => b.questionnaire.version)).size > 1) result.secondVersionDays += 1;
      for (const batch of batches) {
        const body = simulatedBody(batch);
        const answer = await post(agent, batchesUrl, body, batchRequestHeaders(device, batch.batchId, body));
        if (answer.status !== 201)
          throw new Error(
            `the hub answered ${answer.status} to ${device.deviceId} ${batch.date} r${batch.revision}: ${answer.text.slice(0, 300)}`,
          );
        result.batches += 1;
        if (batch.revision > 1) result.revisions += 1;
        onAccepted?.(batch);
        if (onProgress && result.batches % progressEvery === 0)
          onProgress(result.batches, (performance.now() - started) / 1000);
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    units: unitCount,
    devices: devices.length,
    ...result,
    seconds,
    perSecond: result.batches / seconds,
    complete,
  };
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
