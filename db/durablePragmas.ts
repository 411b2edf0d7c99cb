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
