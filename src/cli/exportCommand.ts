/**
 * `npm run cli -- export`: one survey batch, through the startExport operation, so it is
 * written like the UI's, recorded in the same table and audit log under `cli:<os user>`.
 * It runs beside a running kiosk (WAL): it only reads, in chunks, and writes one short
 * transaction at the end. The file stays in <data>/exports (where the admin screen finds
 * the batch); `--out` puts a copy, with its manifest, where the administrator wants it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORTS_FOLDER, MANIFEST_SUFFIX } from '../node/exportFiles';
import { resolveDataFolder } from '../node/dataFolder';
import type { InputOf, OutputOf } from '../contract/operations';
import { DATA_HELP, helpOption, note, parseCommandLine, print, UsageError } from './commandLine';
import { OperationError, withLocalApp, type LocalApp } from './localApp';

export const EXPORT_USAGE = `usage: npm run cli -- export [--data DIR] (--from YYYY-MM-DD --to YYYY-MM-DD | --since-last)
       --format csv|xlsx|json [--out FILE] [--personal-data]
Writes a survey batch, records it and prints the path of its manifest (progress goes to stderr).
  --from, --to     the local days (Asia/Ho_Chi_Minh) of the period, both included
  --since-last     everything stored since the last batch instead of a period
  --format         csv, xlsx or json
  --out FILE       also copy the file (and FILE.manifest.json) there; it stays in <data>/exports
  --personal-data  include phone numbers, consent and case-code hashes (audited)
${DATA_HELP}`;

const POLL_MS = 100;
const PROGRESS_EVERY_MS = 500;

function parse(argv: string[]) {
  const { values } = parseCommandLine(EXPORT_USAGE, () =>
    parseArgs({
      args: argv,
      strict: true,
      options: {
        ...helpOption,
        data: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'since-last': { type: 'boolean', default: false },
        format: { type: 'string' },
        out: { type: 'string' },
        'personal-data': { type: 'boolean', default: false },
      },
    }),
  );
  if (values.help) return null;
  const sinceLast = values['since-last'];
  if (sinceLast && (values.from || values.to))
    throw new UsageError('--since-last goes without --from and --to', EXPORT_USAGE);
  return {
    dataDir: resolveDataFolder(values.data),
    out: values.out ? path.resolve(values.out) : null,
    // As typed: the startExport operation checks it (zod, in the dispatcher), so the CLI cannot accept what the UI refuses.
    input: {
      period: sinceLast ? { sinceLast: true } : { from: values.from, to: values.to },
      format: values.format,
      includePersonalData: values['personal-data'],
    } as InputOf<'startExport'>,
  };
}

type JobStatus = OutputOf<'exportStatus'>;

/** Polls the job until it settles, printing progress to stderr at most twice a second; Ctrl+C cancels it. */
async function settle(app: LocalApp, jobId: string): Promise<JobStatus> {
  let shown = 0;
  const progress = ({ done, total }: JobStatus) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    note(`export: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} responses (${percent}%)`);
  };
  const interrupt = () => void app.call('cancelExport', { jobId }).catch(() => {});
  process.once('SIGINT', interrupt);
  try {
    for (;;) {
      const status = await app.call('exportStatus', { jobId });
      if (status.state !== 'running') {
        progress(status);
        return status;
      }
      if (Date.now() - shown >= PROGRESS_EVERY_MS) {
        shown = Date.now();
        progress(status);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    process.off('SIGINT', interrupt);
  }
}

export async function runExportCommand(argv: string[]): Promise<void> {
  const parsed = parse(argv);
  if (!parsed) return print(EXPORT_USAGE);
  const { dataDir, out, input } = parsed;
  await withLocalApp(dataDir, async (app) => {
    let jobId: string;
    try {
      ({ jobId } = await app.call('startExport', input));
    } catch (error) {
      if (error instanceof OperationError && error.code === 'bad_input')
        throw new Error(`${error.message}\n${EXPORT_USAGE}`, { cause: error });
      throw error;
    }
    const result = await settle(app, jobId);
    if (result.state !== 'done' || !result.batch) throw new Error(result.error ?? `export ${result.state}`);
    let file = path.join(dataDir, EXPORTS_FOLDER, result.batch.fileName);
    if (out) {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.copyFileSync(file, out);
      fs.copyFileSync(`${file}${MANIFEST_SUFFIX}`, `${out}${MANIFEST_SUFFIX}`);
      file = out;
    }
    note(`export: batch ${result.batch.id}, ${result.batch.responses} responses, sha256 ${result.batch.sha256}`);
    print(`${file}${MANIFEST_SUFFIX}`);
  });
}
