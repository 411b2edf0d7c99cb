import type Database from 'better-sqlite3';

/**
 * The pragmas of a database whose commits must survive a power cut: WAL, and
 * synchronous=FULL (better-sqlite3 is compiled with WAL synchronous=NORMAL, which
 * can lose the last commits when the power goes). Used by the kiosk and the hub.
 */
export function applyDurablePragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
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
export function withNativeBinding<T extends Database.Options>(
  options: T,
  nativeBinding: string | null = defaultNativeBinding,
): T {
  return nativeBinding ? { ...options, nativeBinding } : options;
}
