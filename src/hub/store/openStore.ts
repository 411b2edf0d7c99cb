import { openPostgresStore } from './postgresStore';
import type { HubStore } from './port';
import { openSqliteStore } from './sqliteStore';

export class BadDatabaseUrlError extends Error {
  readonly code = 'bad_database_url';
  constructor() {
    super('--db must be sqlite:FILE or postgres://user:pass@host[:port]/database');
  }
}

/** `sqlite:FILE` (one district) or `postgres://…` / `postgresql://…` (a province). */
export async function openStore(db: string): Promise<HubStore> {
  if (db.startsWith('sqlite:')) {
    const file = db.slice('sqlite:'.length);
    if (file === '') throw new BadDatabaseUrlError();
    return openSqliteStore(file);
  }
  if (/^postgres(ql)?:\/\//.test(db)) return openPostgresStore(db);
  throw new BadDatabaseUrlError();
}

/** The database named without its password, for logs and messages. */
export function describeDb(db: string): string {
  if (!/^postgres(ql)?:\/\//.test(db)) return db;
  try {
    const url = new URL(db);
    url.password = '';
    return url.toString();
  } catch {
    return 'postgres://…';
  }
}
