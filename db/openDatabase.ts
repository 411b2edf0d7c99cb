import Database from 'better-sqlite3';
import { applyDurablePragmas, withNativeBinding } from '../src/node/sqliteOptions';
import { migrate, schemaVersion } from './migrate';

export class DatabaseCorruptError extends Error {
  readonly code = 'database_corrupt';
  constructor(file: string, detail: string) {
    super(`the database ${file} failed its integrity check: ${detail}`);
  }
}

export interface OpenOptions {
  /** Where to write a copy of the database before migrating an existing one. */
  backupBeforeMigrating?: (fromVersion: number) => string;
  /** better-sqlite3's compiled module to load; default: the process-wide one (below). */
  nativeBinding?: string;
}

/**
 * Opens (creating if needed) the kiosk database with the pragmas docs/ARCHITECTURE.md asks
 * for, checks it, and migrates it.
 */
export function openDatabase(
  file: string,
  { backupBeforeMigrating, nativeBinding }: OpenOptions = {},
): Database.Database {
  const db = new Database(file, withNativeBinding({}, nativeBinding));
  try {
    applyDurablePragmas(db);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DatabaseCorruptError(file, String(check));
    migrate(db, {
      beforeMigrating: (fromVersion) => {
        if (fromVersion === 0 || !backupBeforeMigrating) return;
        db.prepare('VACUUM INTO ?').run(backupBeforeMigrating(fromVersion));
      },
    });
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export { schemaVersion };
