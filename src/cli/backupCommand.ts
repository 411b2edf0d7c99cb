/**
 * `npm run cli -- backup --data DIR`
 *   writes a checked backup of the database now (the app may keep running).
 * `npm run cli -- restore --data DIR --file NAME_OR_PATH`
 *   puts a backup (a name from backups/, or a path, e.g. on a USB stick) in place
 *   of the database, after checking it; the replaced database is kept in replaced/.
 *   The app must be closed: a running one is detected and the restore refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createAuditStore } from '../../db/auditStore';
import { openDatabase, schemaVersion } from '../../db/openDatabase';
import {
  BACKUPS_DIR,
  databaseInUse,
  freeName,
  install,
  moveAside,
  moveBack,
  removeDatabaseFiles,
  stageCopy,
  StagingError,
  writeBackup,
} from '../app/backupFiles';
import { DATABASE_FILE } from '../app/composeApp';
import { resolveDataFolder } from '../app/dataFolder';
import { parseBackupName, stampedBackupName } from '../domain/backupNames';

/** The audit log names the command line as the actor: no PIN was given, the OS account is the authority. */
const CLI_OFFICER = 'cli';
/** The first schema with the audit_log table (db/migrations/0006_admin.ts). */
const AUDIT_SINCE = 6;

const print = (text: string) => process.stdout.write(`${text}\n`);

function folders(data: string | undefined) {
  const dataDir = resolveDataFolder(data);
  return { dataDir, databaseFile: path.join(dataDir, DATABASE_FILE), backupsDir: path.join(dataDir, BACKUPS_DIR) };
}

function audit(db: Database.Database, action: string, target: string, after: unknown): void {
  if (schemaVersion(db) < AUDIT_SINCE) return;
  createAuditStore(db).record({ at: new Date().toISOString(), officer: CLI_OFFICER, action, target, after });
}

export async function runBackupCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' } }, strict: true });
  const { dataDir, databaseFile, backupsDir } = folders(values.data);
  if (!fs.existsSync(databaseFile)) throw new Error(`there is no database in ${dataDir}`);

  // A plain connection: a backup must not migrate or seed anything. WAL lets the app keep writing meanwhile.
  const db = new Database(databaseFile, { fileMustExist: true, timeout: 5_000 });
  try {
    const now = Date.now();
    const name = freeName(backupsDir, (attempt) => stampedBackupName('manual', now, attempt));
    const backup = await writeBackup(db, backupsDir, name, now);
    audit(db, 'createBackup', backup.name, backup);
    print(`backup written: ${path.join(backupsDir, backup.name)}`);
    print(`  ${backup.bytes} bytes, schema v${schemaVersion(db)}, integrity check ok`);
  } finally {
    db.close();
  }
}

/** A name from backups/ when it is one, otherwise a path. */
function resolveSource(file: string, backupsDir: string): string {
  const inBackups = path.join(backupsDir, file);
  if (parseBackupName(file) && fs.existsSync(inBackups)) return inBackups;
  const resolved = path.resolve(file);
  if (!fs.existsSync(resolved)) throw new Error(`there is no backup ${file} (neither in ${backupsDir} nor as a path)`);
  return resolved;
}

export async function runRestoreCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, file: { type: 'string' } }, strict: true });
  if (!values.file) throw new Error('--file NAME_OR_PATH is required: a name from the backups folder or the path of a backup file');
  const { dataDir, databaseFile, backupsDir } = folders(values.data);
  const source = resolveSource(values.file, backupsDir);
  if (databaseInUse(databaseFile)) {
    throw new Error('the kiosk app is running on this data folder; close it first, or restore from the admin screen');
  }

  const now = Date.now();
  let staged: ReturnType<typeof stageCopy>;
  try {
    staged = stageCopy(source, dataDir, now);
  } catch (error) {
    if (!(error instanceof StagingError)) throw error;
    throw new Error(`the backup ${values.file} cannot be restored: ${error.message}; nothing was changed`, { cause: error });
  }
  try {
    const replaced = moveAside(databaseFile, dataDir, now);
    install(staged.file, databaseFile);
    let db: Database.Database;
    try {
      // Opened as the app opens it: pragmas, quick_check, and migrations for an older backup (backed up first).
      db = openDatabase(databaseFile, {
        backupBeforeMigrating: (from) => path.join(backupsDir, `before-migration-v${from}-${Date.now()}.sqlite3`),
      });
    } catch (error) {
      if (replaced) moveBack(replaced, databaseFile);
      throw new Error(`the restored database did not open (${String(error)}); the previous one was put back`, { cause: error });
    }
    try {
      audit(db, 'restoreBackup', path.basename(source), { source, replacedFile: replaced, schemaVersion: schemaVersion(db) });
      print(`restored: ${source}`);
      print(`  integrity check ok, schema v${staged.schemaVersion}${schemaVersion(db) > staged.schemaVersion ? `, migrated to v${schemaVersion(db)}` : ''}`);
      print(replaced ? `the database it replaced is kept as ${replaced}` : 'there was no database to replace');
      print('start the app again; staff and administrators sign in again');
    } finally {
      db.close();
    }
  } finally {
    removeDatabaseFiles(staged.file);
  }
}
