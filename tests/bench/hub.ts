import http from 'node:http';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { batchRequestHeaders } from '../../src/node/signing';
import { canonicalJson, type AggregateBatch } from '../../src/contract/syncProtocol';
import { addDays } from '../../src/domain/localDay';
import { registerDevice, type DeviceCredentials } from '../../src/hub/devices';
import { DEFAULT_REPORT_MAX_AGE_SECONDS } from '../../src/hub/reportCache';
import type { GetTiming } from '../../src/hub/pageTiming';
import { runSimulation, startHubProcess, type RunFigures } from '../../src/hub/simulateRun';
import { openStore } from '../../src/hub/store/openStore';
import { findPostgresBin, startPostgres } from '../support/postgres';
import { summarise, type BenchRow } from './stats';

const SENDERS = Number(process.env.BENCH_HUB_SENDERS ?? 50);
const DAYS = Number(process.env.BENCH_HUB_DAYS ?? 40);

/** A busy desk's day: 5 dimensions × 3 counters × 5 procedure fields, a few hundred responses. */
export function busyDay(deviceId: string, date: string): AggregateBatch {
  let seed = date.charCodeAt(9) + deviceId.length;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 9;
  const rows = ['access', 'procedure', 'officer', 'result', 'feedback'].flatMap((item) =>
    ['C1', 'C2', 'C3'].flatMap((counter) =>
      ['ho-tich', 'dat-dai', 'chung-thuc', 'bao-tro', 'kinh-doanh'].map((field) => ({
        item,
        counter,
        field,
        counts: [next() % 2, next() % 3, next(), 10 + next() * 2, 20 + next() * 3] as [
          number,
          number,
          number,
          number,
          number,
        ],
      })),
    ),
  );
  // Each counted response answers an item once: the item with most answers sets the counted total.
  const perItem = new Map<string, number>();
  for (const row of rows) perItem.set(row.item, (perItem.get(row.item) ?? 0) + row.counts.reduce((s, n) => s + n, 0));
  const counted = Math.max(...perItem.values());
  return {
    schema: 'sipas.aggregate.v1',
    batchId: randomUUID(),
    unit: { code: 'DH', name: 'UBND xã Điện Hồng' },
    device: { id: deviceId, appVersion: '1.4.0' },
    questionnaire: { id: 'sipas-2024', version: 3 },
    date,
    revision: 1,
    generatedAt: `${addDays(date, 1)}T00:05:12.345+07:00`,
    totals: { responses: counted + 3, counted, suspect: 1, abandoned: 2 },
    rows,
  };
}

/** node:http with kept-alive sockets: a lighter client than fetch, so the two cores go to the hub more than to the senders. */
const agent = new http.Agent({ keepAlive: true, maxSockets: SENDERS });
function post(url: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function measure(db: string): Promise<{ perSecond: number; p50: number; p95: number }> {
  const store = await openStore(db);
  const devices: DeviceCredentials[] = [];
  for (let i = 0; i < SENDERS; i += 1) {
    devices.push(
      await registerDevice(store, { deviceId: `kiosk-${i}`, unitCode: 'DH', unitName: 'UBND xã Điện Hồng' }, Date.now),
    );
  }
  await store.close();
  // Bodies and signatures are made before the clock starts: the figure is the hub's.
  const work = devices.map((device) =>
    Array.from({ length: DAYS }, (_, d) => {
      const batch = busyDay(device.deviceId, addDays('2026-01-01', d));
      const body = canonicalJson(batch);
      return { body, headers: batchRequestHeaders(device, batch.batchId, body) };
    }),
  );
  const { url, child } = await startHubProcess(db);
  const latencies: number[] = [];
  const send = async () => {
    const started = performance.now();
    await Promise.all(
      work.map(async (queue) => {
        for (const item of queue) {
          const t = performance.now();
          const status = await post(`${url}/v1/sipas/batches`, item.body, item.headers);
          if (status !== 201) throw new Error(`hub answered ${status}`);
          latencies.push(performance.now() - t);
        }
      }),
    );
    return (performance.now() - started) / 1000;
  };
  const seconds = await send().finally(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  });
  // Every 201 must be a stored latest revision: a fast hub that loses batches is no result.
  const check = await openStore(db);
  const stored = (await check.totals({})).batches;
  await check.close();
  if (stored !== latencies.length) throw new Error(`stored ${stored} batches, sent ${latencies.length}`);
  return { perSecond: latencies.length / seconds, ...summarise(latencies) };
}

/** The country the issue sizes the hub for: about 3,300 communes and wards, two kiosks each, a year. */
export const NATIONAL = { units: 3_300, devicesPerUnit: 2, days: 365 };

/**
 * BENCH_SCALE: the fraction of the national unit count simulated by `npm run bench`
 * (default 0.006: 20 communes × 2 kiosks × 365 days ≈ 15,000 batches, a few minutes
 * on this machine). The days stay a whole year so the month, quarter and year pages are real.
 * BENCH_SCALE=1 is the national run (tests/bench/hubNational.ts runs it once).
 */
export function benchScale(): number {
  const scale = Number(process.env.BENCH_SCALE ?? 0.006);
  if (!(scale > 0 && scale <= 1)) throw new Error('BENCH_SCALE: a fraction of the national size, 0 < scale ≤ 1');
  return scale;
}

/** A simulated country on a throwaway, durable PostgreSQL cluster (fsync and synchronous commit on). */
export async function simulateOnPostgres(options: {
  units: number;
  devicesPerUnit: number;
  days: number;
  concurrency?: number;
  samples?: number;
  maxSeconds?: number;
  log?: (line: string) => void;
}): Promise<RunFigures> {
  const cluster = await startPostgres({ durable: true });
  try {
    return await runSimulation({ ...options, db: await cluster.createDatabase('hub_simulation') });
  } finally {
    await cluster.stop();
  }
}

export function simulationRows(figures: RunFigures, label: string): BenchRow[] {
  const { ingest } = figures;
  const load = `load ${figures.load.ingest.toFixed(1)}`;
  const rows: BenchRow[] = [
    {
      group: 'hub',
      name: `simulated country ${label}: ingest on PostgreSQL (${ingest.batches} batches, ${load})`,
      unit: 'batches/s',
      value: ingest.perSecond,
      target: '≥ 670 batches/s (2.4 M in an hour)',
    },
    {
      group: 'hub',
      name: `simulated country ${label}: database size`,
      unit: 'MiB',
      value: figures.databaseBytes / 2 ** 20,
    },
  ];
  const pagesLoad = `load ${figures.load.pages.toFixed(1)}`;
  const cpu = (t: GetTiming) => (t.cpuP50 === null ? '' : `, hub CPU p50 ${t.cpuP50.toFixed(0)} ms`);
  for (const p of figures.pages) {
    rows.push(
      {
        group: 'hub',
        name: `ranking page, ${p.period} (${p.from}…${p.to}), cold p95 (right after a new batch${cpu(p.page.cold)}), ${pagesLoad}`,
        unit: 'ms',
        value: p.page.cold.p95,
        target: '< 300 ms',
      },
      {
        group: 'hub',
        name: `ranking page, ${p.period}, warm p95 (data unchanged${cpu(p.page.warm)})`,
        unit: 'ms',
        value: p.page.warm.p95,
        baselineName: 'cold',
        baseline: p.page.cold.p95,
        target: '< 300 ms',
      },
      ...(p.page.served
        ? [
            {
              group: 'hub',
              name: `ranking page, ${p.period}, p95 right after a new batch as deployed (--report-max-age ${DEFAULT_REPORT_MAX_AGE_SECONDS}: the last ranking shown, the next computed meanwhile)`,
              unit: 'ms',
              value: p.page.served.p95,
              baselineName: 'cold',
              baseline: p.page.cold.p95,
              target: '< 300 ms',
            },
          ]
        : []),
      {
        group: 'hub',
        name: `CSV, ${p.period}, cold p95${cpu(p.csv.cold)}`,
        unit: 'ms',
        value: p.csv.cold.p95,
        baselineName: 'page cold',
        baseline: p.page.cold.p95,
      },
      {
        group: 'hub',
        name: `CSV, ${p.period}, warm p95${cpu(p.csv.warm)}`,
        unit: 'ms',
        value: p.csv.warm.p95,
        baselineName: 'cold',
        baseline: p.csv.cold.p95,
      },
    );
  }
  return rows;
}

/**
 * Ingest throughput with SENDERS concurrent kiosks on loopback, each sending DAYS
 * signed busy-desk days, into the hub on SQLite and on PostgreSQL (both durable:
 * synchronous=FULL, fsync on). PostgreSQL is shown beside SQLite as its baseline.
 * Then the simulated country at BENCH_SCALE on PostgreSQL: ingest, size, page p95s.
 */
export async function benchHub(): Promise<BenchRow[]> {
  const size = Buffer.byteLength(canonicalJson(busyDay('kiosk-01', '2026-11-28')));
  const rows: BenchRow[] = [
    {
      group: 'hub',
      name: "one busy desk's day as a batch (75 rows)",
      unit: 'bytes',
      value: size,
      target: '< 2 MB body limit',
    },
  ];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-bench-hub-'));
  try {
    const sqlite = await measure(`sqlite:${path.join(dir, 'hub.db')}`);
    const label = `${SENDERS} senders × ${DAYS} days`;
    rows.push(
      {
        group: 'hub',
        name: `ingest on SQLite (${label})`,
        unit: 'batches/s',
        value: sqlite.perSecond,
        target: '≥ 100 batches/s',
      },
      { group: 'hub', name: 'ingest on SQLite, latency p95', unit: 'ms', value: sqlite.p95 },
    );
    if (!findPostgresBin()) {
      process.stderr.write('bench hub: PostgreSQL not installed, its figures are left out\n');
      return rows;
    }
    const cluster = await startPostgres({ durable: true });
    try {
      const pg = await measure(await cluster.createDatabase('hub_bench'));
      rows.push(
        {
          group: 'hub',
          name: `ingest on PostgreSQL (${label})`,
          unit: 'batches/s',
          value: pg.perSecond,
          baselineName: 'SQLite',
          baseline: sqlite.perSecond,
          target: '≥ 100 batches/s',
        },
        {
          group: 'hub',
          name: 'ingest on PostgreSQL, latency p95',
          unit: 'ms',
          value: pg.p95,
          baselineName: 'SQLite',
          baseline: sqlite.p95,
        },
      );
    } finally {
      await cluster.stop();
    }
    const scale = benchScale();
    const units = Math.max(20, Math.round(NATIONAL.units * scale));
    const figures = await simulateOnPostgres({
      ...NATIONAL,
      units,
      samples: 20,
      log: (line) => process.stderr.write(`bench hub: ${line}\n`),
    });
    rows.push(
      ...simulationRows(
        figures,
        `${units} units × ${NATIONAL.devicesPerUnit} × ${NATIONAL.days} days (BENCH_SCALE=${scale})`,
      ),
    );
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
