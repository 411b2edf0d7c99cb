/**
 * `npm run cli -- sync --data DIR`         one sync pass now (back-off ignored); prints its result
 * `npm run cli -- sync status --data DIR`  what waits, what was refused, the last error
 *   (finished days are queued first, as at every start of the app, so yesterday counts as waiting)
 *
 * It opens the database beside a running kiosk (WAL). If both send the same
 * batch at once the collector answers the second "duplicate" (same batchId,
 * same bytes), and a day is turned into a batch under a write lock, so two
 * processes cannot build the same revision.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAuditStore } from '../../db/auditStore';
import { openDatabase } from '../../db/openDatabase';
import { createSettingsStore } from '../../db/settingsStore';
import { createSurveyStore } from '../../db/surveyStore';
import { DATABASE_FILE } from '../app/composeApp';
import { resolveDataFolder } from '../app/dataFolder';
import { createKioskSync } from '../app/kioskSync';
import { createSecretStore, plainSecretBox, SECRETS_FILE } from '../node/secretFile';
import { createLogger } from '../app/logger';

const USAGE = 'usage: npm run cli -- sync [status] --data DIR';

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { data: { type: 'string' } } });
  const [sub, ...extra] = positionals;
  if (extra.length > 0 || (sub !== undefined && sub !== 'status')) throw new Error(USAGE);
  return { dataDir: resolveDataFolder(values.data), statusOnly: sub === 'status' };
}

export async function runSyncCommand(argv: string[]): Promise<void> {
  const { dataDir, statusOnly } = parse(argv);
  const databaseFile = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(databaseFile)) throw new Error(`no SIPAS database in ${dataDir}`);
  const db = openDatabase(databaseFile, {
    backupBeforeMigrating: (from) => path.join(dataDir, 'backups', `before-migration-v${from}-${Date.now()}.sqlite3`),
  });
  try {
    const settings = createSettingsStore(db);
    const deviceId = settings.get<string>('deviceId');
    if (!deviceId) throw new Error(`${dataDir} holds no kiosk yet (no device id): start the app once first`);
    const log = createLogger('cli.sync');
    const sync = createKioskSync({
      db,
      settings,
      kiosk: createSurveyStore(db, settings),
      audit: createAuditStore(db),
      clock: { now: Date.now },
      deviceId,
      // Progress lines would repeat what the printed result says; problems still go to stderr.
      logger: { info: () => {}, warn: log.warn, error: log.error },
      options: { schedule: false },
      // The credentials the HTTP host saved; those the desktop app sealed with safeStorage only it can open.
      secrets: createSecretStore(path.join(dataDir, SECRETS_FILE), plainSecretBox, log),
    });
    try {
      const result = statusOnly ? sync.operations.status() : await sync.operations.syncNow();
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      if (!statusOnly && 'outcome' in result && result.outcome !== 'done') process.exitCode = 1;
    } finally {
      sync.stop();
    }
  } finally {
    db.close();
  }
}
