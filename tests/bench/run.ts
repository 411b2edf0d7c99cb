/**
 * `npm run bench`: every benchmark, a table on stdout and bench-results.json.
 * Each figure stands beside a baseline measured in the same run, with their ratio.
 */
import fs from 'node:fs';
import os from 'node:os';
import type { BenchRow } from './stats';
import { benchDashboard } from './dashboard';
import { benchExport } from './export';
import { benchHub } from './hub';
import { benchKiosk } from './kiosk';
import { benchSubmission } from './submission';

// The kiosk's cold page loads first: the exports leave some 650 MB of files for the disk to write
// back, and the hub a PostgreSQL, either of which showed in the slowest loads when they came before.
const benches: Array<[string, () => Promise<BenchRow[]>]> = [
  ['kiosk', benchKiosk],
  ['submission', benchSubmission],
  ['dashboard', benchDashboard],
  ['hub', benchHub],
  ['export', benchExport],
];

const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const [name, run] of benches) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  rows.push(...(await run()));
}

const fmt = (n: number | undefined) =>
  n === undefined || Number.isNaN(n) ? '' : n >= 100 ? n.toFixed(0) : n.toFixed(3);
const table = rows.map((r) => ({
  figure: r.name,
  value: `${fmt(r.value)} ${r.unit}`,
  baseline: r.baselineName ? `${r.baselineName}: ${fmt(r.baseline)} ${r.unit}` : '',
  ratio: r.baseline ? `${(r.value / r.baseline).toFixed(2)}×` : '',
  target: r.target ?? '',
}));
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
process.stdout.write(`\nSIPAS Kiosk benchmarks — ${new Date().toISOString()}\n${machine}\n\n`);
console.table(table);
fs.writeFileSync('bench-results.json', `${JSON.stringify({ at: new Date().toISOString(), machine, rows }, null, 2)}\n`);
process.stdout.write('written: bench-results.json\n');
