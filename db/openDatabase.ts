import Database from 'better-sqlite3';
import { applyDurablePragmas } from './durablePragmas';
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
 * better-sqlite3 is compiled twice: for Node in node_modules (tests, HTTP host,
 * CLI) and for Electron's ABI in native/electron/ (scripts/buildElectronNative.ts).
 * The Electron main process names its build here once, before any database opens;
 * everywhere else the default (null) loads the Node build.
 */
let defaultNativeBinding: string | null = null;

export function setDefaultNativeBinding(file: string | null): void {
  defaultNativeBinding = file;
}

/** Database options with the compiled module to load added, for every `new Database` of the app. */
export function withNativeBinding<T extends Database.Options>(options: T, nativeBinding: string | null = defaultNativeBinding): T {
  return nativeBinding ? { ...options, nativeBinding } : options;
}

/**
 * Opens (creating if needed) the kiosk database with the pragmas the README (Architecture) asks
 * for, checks it, and migrates it.
 */
export function openDatabase(file: string, { backupBeforeMigrating, nativeBinding }: OpenOptions = {}): Database.Database {
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
