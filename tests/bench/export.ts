import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { createAuditStore } from '../../db/auditStore';
import { openDatabase } from '../../db/openDatabase';
import { createSettingsStore } from '../../db/settingsStore';
import { createSurveyStore } from '../../db/surveyStore';
import { DATABASE_FILE } from '../../src/app/composeApp';
import { composeExports } from '../../src/app/composeExports';
import { silentLogger } from '../../src/node/logger';
import { seedResponses } from './seed';
import type { BenchRow } from './stats';

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
/**
 * A database seeded by an earlier run (seedResponses, RESPONSES of them), reused as it
 * is: seeding 1,000,000 responses takes minutes of its own. Created when missing.
 */
const REUSED_DATABASE = process.env.BENCH_EXPORT_DATABASE;
const SELF = fileURLToPath(import.meta.url);
/** The process the app ships as: this file bundled (dist-electron/main.cjs's way, vite), run by plain node. */
const BUNDLE_NAME = 'export-bench.mjs';
/** Where the bundle goes: inside the project, so its external imports (better-sqlite3; vite, never called there) resolve. */
const BUNDLE_PARENT = path.resolve('node_modules/.cache');

type Mode = 'idle' | 'read' | 'csv' | 'xlsx' | 'json';

interface ChildResult {
  ms: number;
  /** peakRssKb(): kilobytes. */
  maxRssKb: number;
  rows: number;
  bytes: number;
}

/**
 * Bundles this file as vite.electron.config.ts bundles the shell (node20, every
 * import inlined but better-sqlite3): the children then run what the kiosk runs,
 * without tsx's loader thread and transpiler, which alone added 30–90 MB of peak RSS
 * (54 MB to the read-only baseline) on 2026-12-02.
 */
async function bundleSelf(outDir: string): Promise<string> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: path.resolve('.'),
    publicDir: false,
    ssr: { noExternal: true, external: ['better-sqlite3', 'vite'] },
    build: {
      ssr: SELF,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rollupOptions: { output: { format: 'esm', entryFileNames: BUNDLE_NAME, codeSplitting: false } },
    },
  });
  return path.join(outDir, BUNDLE_NAME);
}

/**
 * The process's peak resident set: VmHWM, the kernel's high-water mark of this
 * process's memory since exec (every thread, the native heap, SQLite's page cache).
 * Not getrusage's maxRSS: on Linux that also counts the parent's RSS at fork, and
 * the parent here is a bench process that has just loaded vite.
 */
function peakRssKb(): number {
  const status = fs.existsSync('/proc/self/status') ? fs.readFileSync('/proc/self/status', 'utf8') : '';
  const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  return hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS;
}

/** The floor: the same responses and answers read with .iterate(), nothing written. */
function readOnly(file: string): Omit<ChildResult, 'maxRssKb'> {
  const db = new Database(file, { readonly: true });
  const started = performance.now();
  let rows = 0;
  let bytes = 0;
  const responses = db.prepare(
    `SELECT r.rowid, r.*, p.comment FROM responses r LEFT JOIN response_personal p ON p.response_id = r.id ORDER BY r.rowid`,
  );
  const answers = db.prepare(
    'SELECT a.* FROM responses r JOIN answers a ON a.response_id = r.id ORDER BY r.rowid, a.item',
  );
  for (const row of responses.iterate()) {
    rows += 1;
    bytes += (row as { id: string }).id.length;
  }
  for (const answer of answers.iterate()) bytes += (answer as { item: string }).item.length;
  const ms = performance.now() - started;
  db.close();
  return { ms, rows, bytes };
}

/** One whole export through the app's own service, sink and encoders. */
async function exportAll(
  file: string,
  format: 'csv' | 'xlsx' | 'json',
  dir: string,
): Promise<Omit<ChildResult, 'maxRssKb'>> {
  const db = openDatabase(file);
  const survey = createSurveyStore(db, createSettingsStore(db));
  const service = composeExports({
    db,
    dir,
    questionnaire: (ref) => survey.questionnaire(ref),
    audit: createAuditStore(db),
    clock: { now: Date.now },
    logger: silentLogger,
  });
  const started = performance.now();
  // A period, not "since last": every child exports the same rows from the same database.
  const { jobId } = service.start(
    { period: { from: '2000-01-01', to: '2100-12-31' }, format, includePersonalData: false },
    { officer: 'bench' },
  );
  const status = await service.settled(jobId);
  const ms = performance.now() - started;
  db.close();
  if (status.state !== 'done' || !status.batch) throw new Error(`export ${status.state}: ${status.error ?? ''}`);
  return { ms, rows: status.done, bytes: fs.statSync(path.join(dir, status.batch.fileName)).size };
}

/**
 * Each measurement in a fresh `node <bundle>` process, so its peak RSS is its own:
 * peakRssKb(), read when the work is done — a kernel high-water mark, not sampled.
 */
function child(bundle: string, mode: Mode, file: string, dir: string): ChildResult {
  const run = spawnSync(process.execPath, [bundle, mode, file, dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`bench child ${mode} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

/**
 * Exporting RESPONSES seeded responses to CSV, XLSX and JSON: time and peak RSS, each
 * beside a child process that only reads the same rows. Flat memory shows as an
 * export's peak RSS staying near the baseline's, whatever RESPONSES is.
 */
export async function benchExport(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-bench-export-'));
  fs.mkdirSync(BUNDLE_PARENT, { recursive: true });
  const bundleDir = fs.mkdtempSync(path.join(BUNDLE_PARENT, 'sipas-export-bench-'));
  try {
    const file = REUSED_DATABASE ? path.resolve(REUSED_DATABASE) : path.join(dir, DATABASE_FILE);
    if (!REUSED_DATABASE || !fs.existsSync(file)) seedResponses(file, RESPONSES);
    const bundle = await bundleSelf(bundleDir);
    process.stderr.write(
      'export: peak RSS = VmHWM of a fresh `node <bundled bench>` process per figure (the kernel high-water mark, not sampled); baseline: the same process only reading the rows\n',
    );
    const idle = child(bundle, 'idle', file, dir);
    const base = child(bundle, 'read', file, dir);
    const n = RESPONSES.toLocaleString('en');
    const mb = (kb: number) => kb / 1024;
    const rows: BenchRow[] = [
      {
        group: 'export',
        name: 'bundled node process, app code loaded: peak RSS',
        unit: 'MB',
        value: mb(idle.maxRssKb),
      },
      { group: 'export', name: `read ${n} responses with .iterate() (baseline)`, unit: 's', value: base.ms / 1000 },
      { group: 'export', name: 'read only: peak RSS (VmHWM)', unit: 'MB', value: mb(base.maxRssKb) },
    ];
    for (const format of ['csv', 'xlsx', 'json'] as const) {
      const result = child(bundle, format, file, path.join(dir, format));
      if (result.rows !== RESPONSES) throw new Error(`${format}: exported ${result.rows} of ${RESPONSES}`);
      rows.push(
        {
          group: 'export',
          name: `${format.toUpperCase()} export of ${n} responses`,
          unit: 's',
          value: result.ms / 1000,
          baselineName: 'read only',
          baseline: base.ms / 1000,
          ...(format === 'xlsx' ? { target: '≤ 2.5× read only' } : {}),
        },
        {
          group: 'export',
          name: `${format.toUpperCase()} export: peak RSS (VmHWM)`,
          unit: 'MB',
          value: mb(result.maxRssKb),
          baselineName: 'read only',
          baseline: mb(base.maxRssKb),
          target: '< 200 MB',
        },
        { group: 'export', name: `${format.toUpperCase()} file size`, unit: 'MB', value: result.bytes / 2 ** 20 },
      );
    }
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(bundleDir, { recursive: true, force: true });
  }
}

// Child mode: `node <bundle> <idle|read|csv|xlsx|json> <database> <folder>` (idle: the code loaded, nothing read).
// Real paths: node names a module by its real path, and node_modules may be a link.
if (process.argv[1] && fs.realpathSync(process.argv[1]) === SELF) {
  const [mode, file, dir] = process.argv.slice(2) as [Mode, string, string];
  const result =
    mode === 'idle'
      ? { ms: 0, rows: 0, bytes: 0 }
      : mode === 'read'
        ? readOnly(file)
        : await exportAll(file, mode, dir);
  process.stdout.write(`${JSON.stringify({ ...result, maxRssKb: peakRssKb() })}\n`);
}
