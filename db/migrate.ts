import type Database from 'better-sqlite3';
import { migrations as allMigrations } from './migrations/index';

export class DatabaseTooNewError extends Error {
  readonly code = 'database_too_new';
  constructor(found: number, supported: number) {
    super(`the database is at schema version ${found}, newer than this app (${supported}); update the app`);
  }
}

export interface MigrateOptions {
  migrations?: readonly string[];
  /** Called with the current version before the first pending migration runs. */
  beforeMigrating?: (fromVersion: number) => void;
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema to the latest version: all pending migrations in one
 * transaction, user_version set inside it, so a power cut leaves the old
 * schema or the new one, never half of it.
 */
export function migrate(
  db: Database.Database,
  { migrations = allMigrations, beforeMigrating }: MigrateOptions = {},
): number {
  const current = schemaVersion(db);
  if (current > migrations.length) throw new DatabaseTooNewError(current, migrations.length);
  if (current === migrations.length) return current;
  beforeMigrating?.(current);
  db.transaction(() => {
    for (let version = current + 1; version <= migrations.length; version += 1) {
      db.exec(migrations[version - 1] ?? '');
    }
    // user_version cannot be bound as a parameter; the value is our own integer.
    db.pragma(`user_version = ${migrations.length}`);
  })();
  return migrations.length;
}
