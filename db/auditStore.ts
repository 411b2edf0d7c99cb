import type Database from 'better-sqlite3';
import type { AuditEntry, AuditLog } from '../src/services/ports';

interface Row {
  id: number;
  at: string;
  officer: string;
  action: string;
  target: string | null;
  before: string | null;
  after: string | null;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** Append-only: nothing updates or deletes an audit entry. */
export function createAuditStore(db: Database.Database): AuditLog {
  const insert = db.prepare<[string, string, string, string | null, string | null, string | null]>(
    'INSERT INTO audit_log (at, officer, action, target, before, after) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const page = db.prepare<{ before: number | null; limit: number }, Row>(
    'SELECT * FROM audit_log WHERE (@before IS NULL OR id < @before) ORDER BY id DESC LIMIT @limit',
  );
  return {
    record: (entry) =>
      void insert.run(
        entry.at,
        entry.officer,
        entry.action,
        entry.target ?? null,
        json(entry.before),
        json(entry.after),
      ),
    list: ({ before, limit }) =>
      page.all({ before: before ?? null, limit }).map((row) => ({
        ...row,
        before: row.before === null ? null : (JSON.parse(row.before) as unknown),
        after: row.after === null ? null : (JSON.parse(row.after) as unknown),
      })),
  };
}

export type { AuditEntry };
