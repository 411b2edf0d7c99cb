/**
 * `npm run cli -- backup [--data DIR]`
 *   writes a checked backup of the database now (the app may keep running): createBackup.
 * `npm run cli -- restore [--data DIR] --file NAME_OR_PATH`
 *   puts a backup in place of the database, after checking it: restoreBackup. A file from
 *   elsewhere (a USB stick) is first copied into backups/ as a manual backup, since the
 *   operation, like the admin screen, only takes names from that folder. The replaced
 *   database is kept in replaced/. The app must be closed: a running one is detected and
 *   the restore refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseBackupName, stampedBackupName } from '../domain/backupNames';
import { BACKUPS_DIR, databaseInUse, freeName } from '../node/backupFiles';
import { resolveDataFolder } from '../node/dataFolder';
import { DATABASE_FILE } from '../app/composeApp';
import { DATA_HELP, helpOption, parseCommandLine, print, UsageError } from './commandLine';
import { OperationError, withLocalApp } from './localApp';

export const BACKUP_USAGE = `usage: npm run cli -- backup [--data DIR]
Writes a backup of the database now, checked (integrity, schema version) before it is named;
the kiosk app may keep running. Recorded in the audit log as cli:<OS user>.
${DATA_HELP}`;

export const RESTORE_USAGE = `usage: npm run cli -- restore [--data DIR] --file NAME_OR_PATH
Checks a backup and puts it in place of the database; the replaced one is kept in replaced/.
Close the kiosk app first (or restore from the admin screen while it runs).
  --file NAME_OR_PATH  a name from the backups folder, or the path of a backup file
                       (copied into the backups folder first, as a manual backup)
${DATA_HELP}`;

export async function runBackupCommand(argv: string[]): Promise<void> {
  const { values } = parseCommandLine(BACKUP_USAGE, () =>
    parseArgs({ args: argv, strict: true, options: { ...helpOption, data: { type: 'string' } } }),
  );
  if (values.help) return print(BACKUP_USAGE);
  const dataDir = resolveDataFolder(values.data);
  await withLocalApp(dataDir, async (app) => {
    const backup = await app.call('createBackup', {});
    const { schemaVersion } = await app.call('health', {});
    print(`backup written: ${path.join(dataDir, BACKUPS_DIR, backup.name)}`);
    print(`  ${backup.bytes} bytes, schema v${schemaVersion}, integrity check ok`);
  });
}

/** A name from backups/ when it is one there; otherwise a file, copied in under a manual backup's name. */
function bringIn(file: string, backupsDir: string): { name: string; copied: boolean } {
  if (parseBackupName(file) && fs.existsSync(path.join(backupsDir, file))) return { name: file, copied: false };
  const source = path.resolve(file);
  if (!fs.statSync(source, { throwIfNoEntry: false })?.isFile()) {
    throw new Error(`there is no backup ${file} (neither in ${backupsDir} nor as a path)`);
  }
  fs.mkdirSync(backupsDir, { recursive: true });
  const now = Date.now();
  const name = freeName(backupsDir, (attempt) => stampedBackupName('manual', now, attempt));
  fs.copyFileSync(source, path.join(backupsDir, name), fs.constants.COPYFILE_EXCL);
  return { name, copied: true };
}

export async function runRestoreCommand(argv: string[]): Promise<void> {
  const { values } = parseCommandLine(RESTORE_USAGE, () =>
    parseArgs({
      args: argv,
      strict: true,
      options: { ...helpOption, data: { type: 'string' }, file: { type: 'string' } },
    }),
  );
  if (values.help) return print(RESTORE_USAGE);
  if (!values.file)
    throw new UsageError(
      '--file NAME_OR_PATH is required: a name from the backups folder or the path of a backup file',
      RESTORE_USAGE,
    );
  const dataDir = resolveDataFolder(values.data);
  const backupsDir = path.join(dataDir, BACKUPS_DIR);
  // Files are swapped under the database: another process must not have it open.
  if (databaseInUse(path.join(dataDir, DATABASE_FILE))) {
    throw new Error('the kiosk app is running on this data folder; close it first, or restore from the admin screen');
  }
  if (!fs.existsSync(path.join(dataDir, DATABASE_FILE))) throw new Error(`no SIPAS database in ${dataDir}`);

  const source = path.resolve(values.file);
  const { name, copied } = bringIn(values.file, backupsDir);
  if (copied) print(`copied ${source} into ${backupsDir} as ${name}`);
  await withLocalApp(
    dataDir,
    async (app) => {
      try {
        const result = await app.call('restoreBackup', { name });
        print(`restored: ${path.join(backupsDir, name)}`);
        print(`  integrity check ok, schema v${result.schemaVersion}`);
        print(
          result.replacedFile
            ? `the database it replaced is kept as ${path.join(dataDir, result.replacedFile)}`
            : 'there was no database to replace',
        );
        if (result.preRestoreBackup) print(`  and backed up as ${result.preRestoreBackup}`);
        print('start the app again; staff and administrators sign in again');
      } catch (error) {
        // A file brought in that cannot be restored must not stay listed as a backup.
        if (!copied) throw error;
        fs.rmSync(path.join(backupsDir, name), { force: true });
        const reason = error instanceof OperationError ? error.message : String(error);
        throw new Error(`${reason} (the copy of ${source}; it was removed from the backups folder again)`, {
          cause: error,
        });
      }
    },
    { alone: true },
  );
}
