import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signBody } from '../node/signing';
import { BATCHES_PATH } from '../contract/syncProtocol';
import { addDays } from '../domain/localDay';
import { registerDevice } from './devices';
import {
  benchPeriods,
  seeded,
  simulate,
  simulatedBody,
  simulatedDay,
  simulatedUnits,
  SIMULATION_START,
  type SimulateResult,
} from './simulate';
import { DEFAULT_REPORT_MAX_AGE_SECONDS } from './reportCache';
import { openStore } from './store/openStore';
import type { HubStore } from './store/port';

/**
 * `npm run hub -- simulate …` and the bench: start a hub (its own process, as
 * deployed, so the senders do not share its event loop) unless --url names one,
 * send the simulated country, then time the ranking page and the CSV for a month,
 * a quarter, a year and 30 days across a month's end. Loopback only; stops by itself.
 */

export interface RunOptions {
  db: string;
  units: number;
  devicesPerUnit: number;
  days: number;
  concurrency?: number;
  /** A hub already running on this machine; otherwise one is started on a free loopback port. */
  url?: string;
  /** Requests per page and period for the p95 (default 20; 0: no page timing). */
  samples?: number;
  maxSeconds?: number;
  log?: (line: string) => void;
}

/** Wall times (ms) of GETs one after the other, and the hub process's CPU (ms, /proc) per GET. */
export interface GetTiming {
  p50: number;
  p95: number;
  bytes: number;
  cpuP50: number | null;
  cpuP95: number | null;
}

/**
 * Cold: each GET right after one new batch was stored (the report is computed
 * again, as after a night's sending). Warm: the same GET again and again, the data
 * unchanged (the report comes from the hub's cache; the page and the CSV are still
 * written per request).
 */
export interface PageTiming {
  period: string;
  from: string;
  to: string;
  /**
   * served: right after a new batch too, from a second hub process on the same database
   * serving as `npm run hub` does (DEFAULT_REPORT_MAX_AGE_SECONDS): the last ranking
   * shown while the next is computed. Null when no new data was sent.
   */
  page: { cold: GetTiming; warm: GetTiming; served: GetTiming | null };
  csv: { cold: GetTiming; warm: GetTiming };
}

export interface RunFigures {
  ingest: SimulateResult;
  databaseBytes: number;
  pages: PageTiming[];
  /** 1-minute load average when sending ended and when timing ended (other work on the machine). */
  load: { ingest: number; pages: number };
  machine: string;
}

const root = path.resolve(import.meta.dirname, '../..');

/** `npm run hub` in its own process on loopback, as deployed: senders here do not steal its event loop. */
export async function startHubProcess(
  db: string,
  { reportMaxAgeSeconds = 0 }: { reportMaxAgeSeconds?: number } = {},
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    [
      'src/hub/main.ts',
      ...['--port', '0', '--host', '127.0.0.1', '--db', db],
      // 0 unless asked: each request after new data computes the report, which is what "cold" times.
      ...['--report-max-age', String(reportMaxAgeSeconds)],
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /SIPAS hub: (http:\/\/[^/\s]+)\//.exec(out);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the hub exited with ${code}`)));
  });
  // The hub computes its default page once at start (index.ts warmUp). Asking for that page
  // shares the computation and waits for its end, so nothing timed afterwards runs beside it.
  await (await fetch(`${url}/`)).arrayBuffer();
  return { url, child };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

export const machineLine = () =>
  `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;

/** CPU time (ms) a process and its live descendants have used, from /proc (Linux); null elsewhere. */
export function treeCpuMs(pid: number): number | null {
  const statOf = (p: string) => {
    try {
      const text = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      // After the command name in parentheses: state, ppid, …; utime and stime are fields 14 and 15.
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
    } catch {
      return null;
    }
  };
  if (!fs.existsSync('/proc/self/stat')) return null;
  const all = new Map<number, { ppid: number; ticks: number }>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = statOf(name);
    if (stat) all.set(Number(name), stat);
  }
  const tree = new Set([pid]);
  // Parents before children is not guaranteed by the listing: repeat until nothing is added.
  for (let added = true; added;) {
    added = false;
    for (const [p, stat] of all)
      if (!tree.has(p) && tree.has(stat.ppid)) {
        tree.add(p);
        added = true;
      }
  }
  let ticks = 0;
  for (const p of tree) ticks += all.get(p)?.ticks ?? 0;
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};

/** GETs `path` `samples` times one after the other, `before` awaited (untimed) before each. */
async function timeGetsWith(
  url: string,
  path: string,
  samples: number,
  hubPid: number | undefined,
  before: () => Promise<void>,
): Promise<GetTiming> {
  const times: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < samples; i += 1) {
    await before();
    const cpuBefore = hubPid === undefined ? null : treeCpuMs(hubPid);
    const t = performance.now();
    const response = await fetch(`${url}${path}`);
    const text = await response.text();
    times.push(performance.now() - t);
    const cpuAfter = hubPid === undefined ? null : treeCpuMs(hubPid);
    if (cpuBefore !== null && cpuAfter !== null) cpu.push(cpuAfter - cpuBefore);
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${text.slice(0, 200)}`);
    bytes = Buffer.byteLength(text);
  }
  return {
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    bytes,
    cpuP50: cpu.length ? quantile(cpu, 0.5) : null,
    cpuP95: cpu.length ? quantile(cpu, 0.95) : null,
  };
}

/**
 * Stores one new batch through the hub, as a kiosk would (signed, over HTTP): a
 * bench kiosk of its own unit sends the next revision of one day inside every
 * bench period, so every period's report is out of date after it.
 */
export async function newDataSender(url: string, store: HubStore, date: string): Promise<() => Promise<void>> {
  const [unit] = simulatedUnits(1, 365, 99);
  const benchUnit = { ...unit!, code: '99999', name: 'UBND xã Đo Thời Gian' };
  const deviceId = `bench-${process.pid}-${Date.now()}`;
  const device = await registerDevice(
    store,
    { deviceId, unitCode: benchUnit.code, unitName: benchUnit.name },
    Date.now,
  );
  const next = seeded(7);
  let revision = 0;
  return async () => {
    revision += 1;
    let batch = null;
    while (!batch) batch = simulatedDay(benchUnit, deviceId, date, { id: 'sipas-quick', version: 1 }, next);
    const body = simulatedBody({ ...batch, revision });
    const response = await fetch(`${url}${BATCHES_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        authorization: `Bearer ${device.token}`,
        'idempotency-key': batch.batchId,
        'x-sipas-signature': signBody(device.secret, body),
      },
      body,
    });
    if (response.status !== 201) throw new Error(`the bench batch got ${response.status}: ${await response.text()}`);
  };
}

export interface TimePagesOptions {
  samples: number;
  log?: (line: string) => void;
  /** The hub's process (its CPU per request from /proc). */
  hubPid?: number;
  /** Stores a new batch (cold samples); without it only warm figures are taken. */
  newData?: () => Promise<void>;
  /** A second hub process on the same database, as deployed (see PageTiming's served). */
  deployed?: { url: string; pid?: number };
}

const nothing = async () => {};

/** The page and the CSV, cold and warm, `samples` times each, for the bench periods of a simulated span. */
export async function timePages(url: string, days: number, options: TimePagesOptions): Promise<PageTiming[]> {
  const { samples, log = () => {}, hubPid, newData, deployed } = options;
  const pages: PageTiming[] = [];
  const ms = (t: GetTiming) =>
    `p50 ${t.p50.toFixed(0)} / p95 ${t.p95.toFixed(0)} ms${t.cpuP50 === null ? '' : ` (hub CPU p50 ${t.cpuP50.toFixed(0)} / p95 ${t.cpuP95!.toFixed(0)} ms)`}`;
  for (const period of benchPeriods(SIMULATION_START, days)) {
    const query = `from=${period.from}&to=${period.to}`;
    const timing = async (path: string) => {
      const cold = await timeGetsWith(url, path, newData ? samples : 0, hubPid, newData ?? nothing);
      await fetch(`${url}${path}`).then((r) => r.text()); // the warm-up: this version's report computed once
      const warm = await timeGetsWith(url, path, samples, hubPid, nothing);
      return { cold, warm };
    };
    const served = async (path: string) => {
      if (!deployed || !newData) return null;
      await fetch(`${deployed.url}${path}`).then((r) => r.text()); // its first ranking, computed once
      return timeGetsWith(deployed.url, path, samples, deployed.pid, newData);
    };
    const page = { ...(await timing(`/?${query}`)), served: await served(`/?${query}`) };
    const csv = await timing(`/export.csv?${query}`);
    pages.push({ period: period.name, from: period.from, to: period.to, page, csv });
    log(
      `  ${period.name} (${period.from}…${period.to}), ${(page.warm.bytes / 1024).toFixed(0)} KiB page:\n` +
        `    page cold ${newData ? ms(page.cold) : '–'}; warm ${ms(page.warm)}; as deployed after new data ${page.served ? ms(page.served) : '–'}\n` +
        `    CSV  cold ${newData ? ms(csv.cold) : '–'}; warm ${ms(csv.warm)}`,
    );
  }
  return pages;
}

/** The bench's new batches go to a day inside every bench period (the 30 days across a month end included). */
export const benchNewDataDate = (days: number) => addDays(SIMULATION_START, Math.min(20, days - 1));

/** A hub in its own process on `db`, for timing pages after a run (or after the kept sums were filled). */
export async function withHubProcess<T>(
  db: string,
  use: (url: string, pid: number) => Promise<T>,
  options?: { reportMaxAgeSeconds?: number },
): Promise<T> {
  const { url, child } = await startHubProcess(db, options);
  try {
    return await use(url, child.pid!);
  } finally {
    await stopChild(child);
  }
}

/** The same with a second hub process on `db` serving as deployed: timePages' `deployed`. */
const withDeployedHub = <T>(db: string, use: (deployed: { url: string; pid: number }) => Promise<T>): Promise<T> =>
  withHubProcess(db, (url, pid) => use({ url, pid }), { reportMaxAgeSeconds: DEFAULT_REPORT_MAX_AGE_SECONDS });

/** Times the pages of a hub process on `db`, cold (a new batch before each) and warm. */
export async function timeHubPages(
  db: string,
  days: number,
  samples: number,
  log: (line: string) => void = () => {},
): Promise<PageTiming[]> {
  const store = await openStore(db);
  try {
    return await withHubProcess(db, async (url, hubPid) =>
      withDeployedHub(db, async (deployed) =>
        timePages(url, days, {
          samples,
          log,
          hubPid,
          newData: await newDataSender(url, store, benchNewDataDate(days)),
          deployed,
        }),
      ),
    );
  } finally {
    await store.close();
  }
}

export async function runSimulation(options: RunOptions): Promise<RunFigures> {
  const { db, units, devicesPerUnit, days, concurrency = 16, samples = 20, log = () => {} } = options;
  const store = await openStore(db);
  let hub: { url: string; child?: ChildProcess } | undefined;
  try {
    hub = options.url ? { url: options.url.replace(/\/$/, '') } : await startHubProcess(db);
    log(
      `hub ${hub.url}; ${units} units × ${devicesPerUnit} devices × ${days} days from ${SIMULATION_START}, ${concurrency} in flight`,
    );
    const ingest = await simulate({
      url: hub.url,
      store,
      units,
      devicesPerUnit,
      days,
      concurrency,
      maxSeconds: options.maxSeconds,
      progressEvery: 20_000,
      onProgress: (sent, seconds) =>
        log(
          `  ${sent} batches in ${seconds.toFixed(0)} s (${(sent / seconds).toFixed(0)}/s, load ${os.loadavg()[0]!.toFixed(1)})`,
        ),
    });
    const ingestLoad = os.loadavg()[0]!;
    const databaseBytes = await store.sizeBytes();
    log(
      `sent ${ingest.batches} batches in ${ingest.seconds.toFixed(1)} s: ${ingest.perSecond.toFixed(0)} batches/s; database ${(databaseBytes / 2 ** 20).toFixed(0)} MiB`,
    );
    const { url, child } = hub;
    const pages =
      samples > 0
        ? await withDeployedHub(db, async (deployed) =>
            timePages(url, days, {
              samples,
              log,
              hubPid: child?.pid,
              newData: await newDataSender(url, store, benchNewDataDate(days)),
              deployed,
            }),
          )
        : [];
    return {
      ingest,
      databaseBytes,
      pages,
      load: { ingest: ingestLoad, pages: os.loadavg()[0]! },
      machine: machineLine(),
    };
  } finally {
    if (hub?.child) await stopChild(hub.child);
    await store.close();
  }
}
