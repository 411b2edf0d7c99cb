import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAuditStore } from '../../db/auditStore';
import { openDatabase } from '../../db/openDatabase';
import { createSettingsStore } from '../../db/settingsStore';
import { createSurveyStore } from '../../db/surveyStore';
import { DATABASE_FILE } from '../app/composeApp';
import { composeExports } from '../app/composeExports';
import { EXPORTS_FOLDER, MANIFEST_SUFFIX } from '../app/exportFiles';
import { createLogger } from '../app/logger';
import { StartExportInput } from '../contract/exports';
import { formatZodError } from '../contract/validation';

const USAGE = `usage: npm run cli -- export --data DIR (--from YYYY-MM-DD --to YYYY-MM-DD | --since-last)
       --format csv|xlsx|json [--out FILE] [--personal-data]`;
const PROGRESS_EVERY_MS = 500;

function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      data: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'since-last': { type: 'boolean', default: false },
      format: { type: 'string' },
      out: { type: 'string' },
      'personal-data': { type: 'boolean', default: false },
    },
  });
  if (!values.data) throw new Error(`--data is required\n${USAGE}`);
  const sinceLast = values['since-last'];
  if (sinceLast && (values.from || values.to)) throw new Error(`--since-last goes without --from and --to\n${USAGE}`);
  // The same rules as the startExport operation, so the CLI cannot accept what the UI refuses.
  const input = StartExportInput.safeParse({
    period: sinceLast ? { sinceLast: true } : { from: values.from, to: values.to },
    format: values.format,
    includePersonalData: values['personal-data'],
  });
  if (!input.success) throw new Error(`${formatZodError(input.error)}\n${USAGE}`);
  return { dataDir: path.resolve(values.data), out: values.out ? path.resolve(values.out) : null, input: input.data };
}

/**
 * `export`: one survey batch, written like the UI's, recorded in the same table and
 * audit log under `cli:<os user>`. It opens the database beside a running kiosk
 * (WAL): it only reads, in chunks, and writes one short transaction at the end.
 */
export async function runExportCommand(argv: string[]): Promise<void> {
  const { dataDir, out, input } = parse(argv);
  const databaseFile = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(databaseFile)) throw new Error(`no SIPAS database in ${dataDir}`);
  const db = openDatabase(databaseFile, {
    backupBeforeMigrating: (from) => path.join(dataDir, 'backups', `before-migration-v${from}-${Date.now()}.sqlite3`),
  });
  const log = createLogger('cli.export');
  const surveyStore = createSurveyStore(db, createSettingsStore(db));
  const service = composeExports({
    db,
    dir: out ? path.dirname(out) : path.join(dataDir, EXPORTS_FOLDER),
    questionnaire: (ref) => surveyStore.questionnaire(ref),
    audit: createAuditStore(db),
    clock: { now: Date.now },
    logger: { info: () => {}, warn: log.warn, error: log.error },
  });

  let shown = 0;
  const progress = (done: number, total: number) => {
    const now = Date.now();
    if (now - shown < PROGRESS_EVERY_MS && done < total) return;
    shown = now;
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    process.stderr.write(`export: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} responses (${percent}%)\n`);
  };

  try {
    const { jobId } = service.start(input, { officer: `cli:${osUser()}` }, { ...(out ? { fileName: path.basename(out) } : {}), onProgress: progress });
    const interrupt = () => service.cancel({ jobId });
    process.once('SIGINT', interrupt);
    const result = await service.settled(jobId);
    process.off('SIGINT', interrupt);
    if (result.state !== 'done' || !result.batch) throw new Error(result.error ?? `export ${result.state}`);
    const file = out ?? path.join(dataDir, EXPORTS_FOLDER, result.batch.fileName);
    process.stderr.write(`export: batch ${result.batch.id}, ${result.batch.responses} responses, sha256 ${result.batch.sha256}\n`);
    process.stdout.write(`${file}${MANIFEST_SUFFIX}\n`);
  } finally {
    db.close();
  }
}
