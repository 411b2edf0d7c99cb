import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { autoBackupName, parseBackupName, stampedBackupName } from '../domain/backupNames';
import { AppError } from '../domain/errors';
import { localDayOf } from '../domain/localDay';
import type { BackupInfo, BackupVault, Clock, Logger } from '../services/ports';
import type { AlertKind } from '../services/alerts';
import {
  BACKUPS_DIR,
  describeBackup,
  freeName,
  install,
  isCorruption,
  listBackups,
  moveAside,
  moveBack,
  removeDatabaseFiles,
  removeStaleTemps,
  rotateAutomatic,
  stageCopy,
  StagingError,
  writeBackup,
} from '../node/backupFiles';

/** Two weeks of daily backups: enough to go back past a bad week, small enough for a cheap disk. */
export const KEEP_AUTOMATIC = 14;

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
/** How a file under the data folder is shown to people: relative, with forward slashes on every system. */
const shown = (dataDir: string, file: string) => path.relative(dataDir, file).split(path.sep).join('/');

/** One backup or restore at a time: a restore must not swap files under a backup that is being written. */
function serialize() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const result = tail.then(task);
    tail = result.catch(() => undefined);
    return result;
  };
}

/** A caller's backup name, resolved inside backups/: a strict name, never a path. */
export function resolveBackupName(dir: string, name: string): string {
  if (path.basename(name) !== name || !parseBackupName(name))
    throw new AppError('bad_input', `${name.slice(0, 64)} is not a backup name`);
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) throw new AppError('not_found', `there is no backup ${name}`);
  return file;
}

export interface BackupManagerDeps {
  dataDir: string;
  databaseFile: string;
  clock: Clock;
  logger: Logger;
  /** The live connection, for online backups. */
  database(): Database.Database;
  /**
   * Closes the live database, runs `install` (which swaps the files), opens the
   * result and rebuilds the services on it; when that fails, runs `undo` and
   * reopens what was there before. Resolves to the schema version now open.
   */
  swap(install: () => void, undo: () => void): Promise<number>;
}

export type BackupManager = BackupVault & { daily(): Promise<BackupInfo | null> };

export function createBackupManager({
  dataDir,
  databaseFile,
  clock,
  logger,
  database,
  swap,
}: BackupManagerDeps): BackupManager {
  const dir = path.join(dataDir, BACKUPS_DIR);
  const serial = serialize();
  const stamped = (kind: 'manual' | 'pre-restore') => {
    const now = clock.now();
    return writeBackup(
      database(),
      dir,
      freeName(dir, (attempt) => stampedBackupName(kind, now, attempt)),
      now,
    );
  };

  async function restore(name: string) {
    const source = resolveBackupName(dir, name);
    const restored = describeBackup(dir, name);
    if (!restored) throw new AppError('not_found', `there is no backup ${name}`);
    let staged: ReturnType<typeof stageCopy>;
    try {
      staged = stageCopy(source, dataDir, clock.now());
    } catch (error) {
      if (!(error instanceof StagingError)) throw error;
      throw new AppError('conflict', `the backup ${name} cannot be restored: ${error.message}; nothing was changed`);
    }
    try {
      // The live database may be the damaged one (the usual reason to restore); then only replaced/ keeps it.
      const preRestoreBackup = await stamped('pre-restore').then(
        (backup) => backup.name,
        (error: unknown) => {
          logger.warn('no pre-restore backup', { error: reasonOf(error) });
          return null;
        },
      );
      const moved: { to: string | null } = { to: null };
      const schemaVersion = await swap(
        () => {
          moved.to = moveAside(databaseFile, dataDir, clock.now());
          install(staged.file, databaseFile);
        },
        () => (moved.to ? moveBack(moved.to, databaseFile) : removeDatabaseFiles(databaseFile)),
      );
      logger.warn('backup restored', { name, replacedFile: moved.to, preRestoreBackup });
      return { restored, replacedFile: moved.to ? shown(dataDir, moved.to) : '', preRestoreBackup, schemaVersion };
    } finally {
      removeDatabaseFiles(staged.file);
    }
  }

  return {
    list: () => listBackups(dir),
    create: () => serial(() => stamped('manual')),
    restore: (name) => serial(() => restore(name)),
    /** Today's automatic backup, unless it exists; older automatic ones go only once it is written and checked. */
    daily: () =>
      serial(async () => {
        const now = clock.now();
        const name = autoBackupName(localDayOf(now));
        if (fs.existsSync(path.join(dir, name))) return null;
        removeStaleTemps(dir);
        const backup = await writeBackup(database(), dir, name, now);
        const removed = rotateAutomatic(dir, KEEP_AUTOMATIC);
        logger.info('daily backup written', { name, bytes: backup.bytes, removed });
        return backup;
      }),
  };
}

export interface Recovery {
  /** Why the database could not be opened. */
  error: string;
  /** Where the damaged file went, relative to the data folder. */
  movedTo: string | null;
  /** The backup now in its place; null when none was usable and the kiosk starts empty. */
  restoredFrom: string | null;
}

/**
 * Opens the database. When it is damaged, the kiosk must still take answers:
 * the file (with its -wal/-shm) goes into replaced/, and the newest backup that
 * passes the full check takes its place; with none, an empty database. The
 * caller raises an alert from the returned Recovery.
 */
export function openOrRecover<D>(
  { dataDir, databaseFile, clock, logger }: Pick<BackupManagerDeps, 'dataDir' | 'databaseFile' | 'clock' | 'logger'>,
  open: () => D,
): { db: D; recovery: Recovery | null } {
  removeStaleTemps(dataDir); // a restore a power cut interrupted leaves its staged copy
  try {
    return { db: open(), recovery: null };
  } catch (error) {
    if (!isCorruption(error)) throw error;
    logger.error('the database is damaged; recovering from the backups', { error: reasonOf(error) });
    const movedTo = moveAside(databaseFile, dataDir, clock.now());
    const recovery: Recovery = {
      error: reasonOf(error),
      movedTo: movedTo && shown(dataDir, movedTo),
      restoredFrom: null,
    };
    const dir = path.join(dataDir, BACKUPS_DIR);
    for (const backup of listBackups(dir)) {
      try {
        install(stageCopy(path.join(dir, backup.name), dataDir, clock.now()).file, databaseFile);
        return { db: open(), recovery: { ...recovery, restoredFrom: backup.name } };
      } catch (failure) {
        logger.warn('backup not usable for recovery', { name: backup.name, error: reasonOf(failure) });
        removeDatabaseFiles(databaseFile);
      }
    }
    return { db: open(), recovery };
  }
}

/** What the administrator is told about a recovery at start. */
export function recoveryAlert(recovery: Recovery): {
  kind: AlertKind;
  message: string;
  detail: Record<string, string | null>;
} {
  const kept = recovery.movedTo ? ` The damaged file is kept as ${recovery.movedTo}.` : '';
  const detail = { error: recovery.error, movedTo: recovery.movedTo, restoredFrom: recovery.restoredFrom };
  if (recovery.restoredFrom) {
    return {
      kind: 'database_recovered',
      message: `The database was damaged at start and was replaced by the backup ${recovery.restoredFrom}; answers given after that backup are not in it.${kept}`,
      detail,
    };
  }
  return {
    kind: 'database_replaced',
    message: `The database was damaged at start and no usable backup was found; the kiosk started with an empty database.${kept}`,
    detail,
  };
}
