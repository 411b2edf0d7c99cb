import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createDeskStore } from '../../db/deskStore';
import { createReportStore } from '../../db/reportStore';
import { DATABASE_FILE } from '../../src/app/composeApp';
import { createReportService } from '../../src/services/reports';
import { createRawReportStore } from './rawReportStore';
import { seedResponses, SEED_LAST_DAY } from './seed';
import { summarise, timeEach, type BenchRow } from './stats';

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

/** Issue 15: each of these < 20 ms p95 on 1,000,000 responses, and ≥ 10× faster than the plain GROUP BYs. */
const TARGET = '< 20 ms, ≤ 0.10×';

/**
 * Dashboard queries on RESPONSES seeded responses: the report service over the
 * kept counts (the app's schema), next to the very same service over plain
 * GROUP BYs of the raw answers. The ratio is what the schema and indexes buy.
 * A year filtered by counter, officer or field reads the counts kept by that
 * column (db/migrations/0010_report_count_grains.ts).
 */
export async function benchDashboard(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-bench-dashboard-'));
  try {
    const file = path.join(dir, DATABASE_FILE);
    const started = performance.now();
    seedResponses(file, RESPONSES);
    const seedSeconds = (performance.now() - started) / 1000;
    const db = new Database(file, { readonly: true });
    const clock = { now: () => Date.parse(`${SEED_LAST_DAY}T09:00:00Z`) };
    const desks = createDeskStore(db);
    const ours = createReportService({ store: createReportStore(db), desks, clock });
    const plain = createReportService({ store: createRawReportStore(db), desks, clock });
    const year = { period: { kind: 'year' as const, of: '2025-06-01' }, filter: { includeSuspect: false, includeAbandoned: false } };
    const filtered = (filter: { counter: string } | { officer: string } | { field: string }) => ({ ...year, filter: { ...year.filter, ...filter } });
    const counterYear = filtered({ counter: 'Q2' });
    const officerYear = filtered({ officer: 'nv01' });
    const fieldYear = filtered({ field: 'dat-dai' });

    const measure = async (runs: number, run: () => unknown) => summarise(await timeEach(runs, run));
    const rows: BenchRow[] = [{ group: 'dashboard', name: `seed ${RESPONSES.toLocaleString('en')} responses (setup)`, unit: 's', value: seedSeconds }];
    for (const [name, run, plainRun] of [
      ['Today overview', () => ours.todayOverview({}), () => plain.todayOverview({})],
      ['one-year period report', () => ours.periodReport(year), () => plain.periodReport(year)],
      ['one-year report, one counter', () => ours.periodReport(counterYear), () => plain.periodReport(counterYear)],
      ['one-year report, one officer', () => ours.periodReport(officerYear), () => plain.periodReport(officerYear)],
      ['one-year report, one field', () => ours.periodReport(fieldYear), () => plain.periodReport(fieldYear)],
    ] as const) {
      // One untimed call each: the first prepares the statements this filter needs.
      run();
      plainRun();
      const a = await measure(RUNS, run);
      const b = await measure(Math.max(3, Math.floor(RUNS / 5)), plainRun);
      rows.push(
        { group: 'dashboard', name: `${name} p50`, unit: 'ms', value: a.p50, baselineName: 'plain GROUP BY p50', baseline: b.p50 },
        { group: 'dashboard', name: `${name} p95`, unit: 'ms', value: a.p95, baselineName: 'plain GROUP BY p95', baseline: b.p95, target: TARGET },
      );
    }
    db.close();
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
