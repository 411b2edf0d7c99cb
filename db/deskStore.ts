import type Database from 'better-sqlite3';
import type { DeskStore, NamedCode } from '../src/services/ports';

/** Counters and procedure fields: small lists the admin keeps, read by names. */
export function createDeskStore(db: Database.Database) {
  const listCounters = db.prepare<[], NamedCode>('SELECT code, name FROM counters WHERE active = 1 ORDER BY code');
  const listFields = db.prepare<[], NamedCode>('SELECT code, name FROM fields WHERE active = 1 ORDER BY name');
  const counter = db.prepare<[string], NamedCode>('SELECT code, name FROM counters WHERE code = ?');
  const field = db.prepare<[string], NamedCode>('SELECT code, name FROM fields WHERE code = ?');
  const officer = db.prepare<[string], NamedCode>('SELECT code, name FROM officers WHERE code = ?');
  const listOfficers = db.prepare<[], NamedCode>('SELECT code, name FROM officers WHERE active = 1 ORDER BY name');
  const upsertCounter = db.prepare<[string, string]>(
    'INSERT INTO counters (code, name) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, active = 1',
  );
  const upsertField = db.prepare<[string, string]>(
    'INSERT INTO fields (code, name) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, active = 1',
  );
  const countCounters = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM counters');
  return {
    listCounters: () => listCounters.all(),
    listFields: () => listFields.all(),
    counter: (code: string) => counter.get(code) ?? null,
    field: (code: string) => field.get(code) ?? null,
    officer: (code: string) => officer.get(code) ?? null,
    listOfficers: () => listOfficers.all(),
    upsertCounter: (code: string, name: string) => void upsertCounter.run(code, name),
    upsertField: (code: string, name: string) => void upsertField.run(code, name),
    countCounters: () => countCounters.get()?.n ?? 0,
  } satisfies DeskStore & Record<string, unknown>;
}
