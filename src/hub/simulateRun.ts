import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { simulate, type SimulateResult } from './simulate';
import { SIMULATION_START } from './simulatedCountry';
import { benchNewDataDate, newDataSender, timePages, type PageTiming } from './pageTiming';
import { DEFAULT_REPORT_MAX_AGE_SECONDS } from './reportCache';
import { openStore } from './store/openStore';

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
