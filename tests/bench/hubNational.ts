/**
 * The hub at national size, run once by hand (it takes up to an hour):
 *
 *   npx tsx tests/bench/hubNational.ts [--units 3300] [--devices-per-unit 2] [--days 365] [--concurrency 16]
 *        [--max-seconds N] [--fill-year] [--go-file PATH] [--samples 20]
 *   npx tsx tests/bench/hubNational.ts --pages-of postgres://… [--days 365] [--samples 20]
 *
 * --pages-of times the pages of an existing hub database only (no cluster, no ingest).
 * Each page and CSV is timed cold (a new batch stored through the hub before each
 * request: the report is computed again) and warm (the data unchanged), with the hub
 * process's CPU per request from /proc.
 *
 * A throwaway durable PostgreSQL cluster; the simulated country sent over loopback
 * to a hub in its own process; the database size. With --max-seconds the sending
 * stops there (every commune, the first days of the year) and the figures say so.
 *
 * Then, when --go-file exists (so the page can be timed with the newest page code
 * while a long ingest runs; at most an hour of waiting), the page and CSV p95s on a
 * new hub process. --fill-year first fills the days of the year that were not sent
 * from those that were (fillYear) — labelled as such: the quarter and year pages then
 * read a full year's kept rows; it is not ingested data.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { addDays } from '../../src/domain/localDay';
import { treeCpuMs } from '../../src/hub/pageTiming';
import { runSimulation, timeHubPages } from '../../src/hub/simulateRun';
import { runningOf, type Running } from '../../src/hub/store/running';
import { startPostgres } from '../support/postgres';
import { NATIONAL } from './hub';

const { values } = parseArgs({
  options: {
    units: { type: 'string' },
    'devices-per-unit': { type: 'string' },
    days: { type: 'string' },
    concurrency: { type: 'string' },
    'max-seconds': { type: 'string' },
    samples: { type: 'string' },
    'fill-year': { type: 'boolean' },
    'go-file': { type: 'string' },
    'pages-of': { type: 'string' },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  process.stdout.write(`${fs.readFileSync(import.meta.filename, 'utf8').split('*/')[0]}*/\n`);
  process.exit(0);
}
const n = (raw: string | undefined, fallback: number) => (raw === undefined ? fallback : Number(raw));
const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
const days = n(values.days, NATIONAL.days);

/**
 * The days of 2025 that were not sent, filled from the days that were: day i of the
 * year (from 0) repeats sent day (i mod sent) — its all-units day_items as they are, its
 * running rows as that day's row plus k = ⌊i / sent⌋ times each device's last sent row
 * (what k more rounds of the same days would have added up to). The page then reads a
 * year of kept rows; it is not ingested data.
 */
async function fillYear(db: string): Promise<void> {
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    const sent = Number(
      (await client.query("SELECT COUNT(DISTINCT date) AS n FROM day_items WHERE date LIKE '2025-%'")).rows[0].n,
    );
    const dayMap = `SELECT to_char(d, 'YYYY-MM-DD') AS day,
        to_char('2025-01-01'::date + ((d::date - '2025-01-01'::date) % ${sent}), 'YYYY-MM-DD') AS source,
        (d::date - '2025-01-01'::date) / ${sent} AS k
      FROM generate_series('2025-01-01'::date, '2025-12-31'::date, '1 day') d`;
    await client.query(`INSERT INTO day_items SELECT g.day, questionnaire_id, questionnaire_version, item, stripe, c1, c2, c3, c4, c5
      FROM day_items JOIN (${dayMap}) g ON g.source = day_items.date ON CONFLICT DO NOTHING`);
    // The running rows in this process (PostgreSQL adding up JSON per row took minutes): per key,
    // the rows sent, and the new days' rows written 20 keys at a time.
    const sentRows = (
      await client.query(
        'SELECT device_id, questionnaire_id, questionnaire_version, date, device_days, responses, counted, suspect, abandoned, item_counts FROM device_running ORDER BY device_id, questionnaire_id, questionnaire_version, date',
      )
    ).rows as Array<Record<string, unknown>>;
    const byKey = new Map<string, Array<Record<string, unknown>>>();
    for (const row of sentRows) {
      const key = `${row.device_id}|${row.questionnaire_id}|${row.questionnaire_version}`;
      byKey.set(key, [...(byKey.get(key) ?? []), row]);
    }
    const dayOfYear = (date: string) => Math.round((Date.parse(date) - Date.parse('2025-01-01')) / 86_400_000);
    const columns: unknown[][] = Array.from({ length: 10 }, () => []);
    const flush = async () => {
      if (columns[0]!.length === 0) return;
      await client.query(
        `INSERT INTO device_running (device_id, questionnaire_id, questionnaire_version, date, device_days, responses, counted, suspect, abandoned, item_counts)
         SELECT * FROM unnest($1::text[], $2::text[], $3::integer[], $4::text[], $5::integer[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[], $10::text[])
         ON CONFLICT DO NOTHING`,
        columns,
      );
      for (const column of columns) column.length = 0;
    };
    let keys = 0;
    for (const rows of byKey.values()) {
      const bySource = new Map(rows.map((row) => [dayOfYear(String(row.date)), runningOf(row)]));
      const last = runningOf(rows[rows.length - 1]!);
      for (let day = sent; day < 365; day += 1) {
        const source = bySource.get(day % sent);
        if (!source) continue;
        const k = Math.floor(day / sent);
        const scaled = (pick: (r: Running) => number) => pick(source) + k * pick(last);
        const items = new Map(source.items.map(({ item, counts }) => [item, [...counts]]));
        for (const { item, counts } of last.items)
          items.set(
            item,
            (items.get(item) ?? [0, 0, 0, 0, 0]).map((n, i) => n + k * counts[i]!),
          );
        const first = rows[0]!;
        [
          first.device_id,
          first.questionnaire_id,
          first.questionnaire_version,
          addDays('2025-01-01', day),
          scaled((r) => r.deviceDays),
          scaled((r) => r.responses),
          scaled((r) => r.counted),
          scaled((r) => r.suspect),
          scaled((r) => r.abandoned),
          JSON.stringify([...items].map(([item, counts]) => [item, ...counts])),
        ].forEach((value, i) => columns[i]!.push(value));
      }
      if ((keys += 1) % 20 === 0) await flush();
    }
    await flush();
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}

/** A process's own CPU (ms) and that of its children it has reaped (utime, stime, cutime, cstime of /proc/<pid>/stat). */
function ownAndReapedCpuMs(pid: number): { own: number; reaped: number } {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = fields
    .slice(fields.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  return { own: (f[11]! + f[12]!) * 10, reaped: (f[13]! + f[14]!) * 10 }; // USER_HZ is 100 on Linux
}

/**
 * CPU used so far by the simulator (this process), the hub (its child process, counted
 * once reaped) and PostgreSQL (the postmaster, its live processes and its reaped backends).
 */
async function cpuNow(db: string) {
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  const backend = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
  // Its parent, read while the backend is alive.
  const postmaster = Number(fs.readFileSync(`/proc/${backend}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
  await client.end();
  const self = ownAndReapedCpuMs(process.pid);
  return {
    simulator: self.own,
    hub: self.reaped,
    postgres: (treeCpuMs(postmaster) ?? 0) + ownAndReapedCpuMs(postmaster).reaped,
  };
}

log(`load average at start: ${load()}`);
if (values['pages-of']) {
  const pages = await timeHubPages(values['pages-of'], days, n(values.samples, 20), log);
  log(`load average at end: ${load()}`);
  process.stdout.write(`${JSON.stringify({ pages, loadAtEnd: os.loadavg() })}\n`);
  process.exit(0);
}
const cluster = await startPostgres({ durable: true });
try {
  const db = await cluster.createDatabase('hub_national');
  log(`database ${db}`);
  const cpuBefore = await cpuNow(db);
  const figures = await runSimulation({
    db,
    units: n(values.units, NATIONAL.units),
    devicesPerUnit: n(values['devices-per-unit'], NATIONAL.devicesPerUnit),
    days,
    concurrency: n(values.concurrency, 16),
    samples: 0,
    maxSeconds: values['max-seconds'] === undefined ? undefined : Number(values['max-seconds']),
    log,
  });
  log(`ingest: ${JSON.stringify(figures.ingest)}; database ${figures.databaseBytes} bytes; load average ${load()}`);
  const cpuAfter = await cpuNow(db);
  const perBatch = (name: keyof typeof cpuAfter) =>
    `${((cpuAfter[name] - cpuBefore[name]) / figures.ingest.batches).toFixed(2)} ms`;
  log(
    `per batch (hub start, registration and migrations included): CPU hub ${perBatch('hub')}, PostgreSQL ${perBatch('postgres')}, ` +
      `simulator ${perBatch('simulator')}; ${(figures.databaseBytes / figures.ingest.batches).toFixed(0)} bytes on disk`,
  );
  const goFile = values['go-file'];
  if (goFile) {
    log(`waiting for ${goFile} to time the pages`);
    for (let waited = 0; !fs.existsSync(goFile) && waited < 3600; waited += 5)
      await new Promise((done) => setTimeout(done, 5000));
  }
  if (values['fill-year']) {
    const started = performance.now();
    await fillYear(db);
    log(
      `kept sums filled to a year from the days sent (${((performance.now() - started) / 1000).toFixed(0)} s); load average ${load()}`,
    );
  }
  const samples = n(values.samples, 20);
  const pages = samples > 0 ? await timeHubPages(db, days, samples, log) : [];
  log(`load average at end: ${load()}`);
  process.stdout.write(`${JSON.stringify({ ...figures, pages, machine: figures.machine, loadAtEnd: os.loadavg() })}\n`);
} finally {
  await cluster.stop();
}
