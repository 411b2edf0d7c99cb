import fs from 'node:fs';
import { batchRequestHeaders } from '../node/signing';
import { BATCHES_PATH } from '../contract/syncProtocol';
import { addDays } from '../domain/localDay';
import { registerDevice } from './devices';
import {
  benchPeriods,
  seeded,
  simulatedBody,
  simulatedDay,
  simulatedUnits,
  SIMULATION_START,
} from './simulatedCountry';
import type { HubStore } from './store/port';

/**
 * Timing the hub's ranking page and CSV over HTTP (the bench and `npm run hub -- simulate`):
 * each request cold (a new batch stored through the hub first) or warm, with the hub
 * process's CPU per request from /proc.
 */

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
      headers: batchRequestHeaders(device, batch.batchId, body),
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
