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
const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');

interface ChildResult {
  ms: number;
  /** process.resourceUsage().maxRSS: kilobytes. */
  maxRssKb: number;
  rows: number;
  bytes: number;
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

/** Each measurement in a fresh process, so its peak RSS is its own. */
function child(mode: string, file: string, dir: string): ChildResult {
  const run = spawnSync(process.execPath, [TSX, SELF, mode, file, dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
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
  try {
    const file = REUSED_DATABASE ? path.resolve(REUSED_DATABASE) : path.join(dir, DATABASE_FILE);
    if (!REUSED_DATABASE || !fs.existsSync(file)) seedResponses(file, RESPONSES);
    const base = child('read', file, dir);
    const n = RESPONSES.toLocaleString('en');
    const mb = (kb: number) => kb / 1024;
    const rows: BenchRow[] = [
      { group: 'export', name: `read ${n} responses with .iterate() (baseline)`, unit: 's', value: base.ms / 1000 },
      { group: 'export', name: 'read only: peak RSS', unit: 'MB', value: mb(base.maxRssKb) },
    ];
    for (const format of ['csv', 'xlsx', 'json'] as const) {
      const result = child(format, file, path.join(dir, format));
      if (result.rows !== RESPONSES) throw new Error(`${format}: exported ${result.rows} of ${RESPONSES}`);
      rows.push(
        {
          group: 'export',
          name: `${format.toUpperCase()} export of ${n} responses`,
          unit: 's',
          value: result.ms / 1000,
          baselineName: 'read only',
          baseline: base.ms / 1000,
        },
        {
          group: 'export',
          name: `${format.toUpperCase()} export: peak RSS`,
          unit: 'MB',
          value: mb(result.maxRssKb),
          baselineName: 'read only',
          baseline: mb(base.maxRssKb),
          target: 'flat: independent of the count',
        },
        { group: 'export', name: `${format.toUpperCase()} file size`, unit: 'MB', value: result.bytes / 2 ** 20 },
      );
    }
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Child mode: `tsx tests/bench/export.ts <read|csv|xlsx|json> <database> <folder>`.
if (process.argv[1] === SELF) {
  const [mode, file, dir] = process.argv.slice(2) as [string, string, string];
  const result = mode === 'read' ? readOnly(file) : await exportAll(file, mode as 'csv' | 'xlsx' | 'json', dir);
  process.stdout.write(`${JSON.stringify({ ...result, maxRssKb: process.resourceUsage().maxRSS })}\n`);
}
