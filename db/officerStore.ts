import type Database from 'better-sqlite3';
import type { OfficerRecord, OfficerStore, SignInAttempt } from '../src/services/ports';

interface OfficerRow {
  code: string;
  name: string;
  role: OfficerRecord['role'];
  pin_hash: string;
  failed_attempts: number;
  locked_until: number | null;
}

export function createOfficerStore(db: Database.Database) {
  // No role: the list is shown at the public desk and must not tell who holds admin rights.
  const list = db.prepare<[], { code: string; name: string; photo: string | null }>(
    'SELECT code, name, photo FROM officers WHERE active = 1 ORDER BY name COLLATE NOCASE',
  );
  const find = db.prepare<[string], OfficerRow>(
    'SELECT code, name, role, pin_hash, failed_attempts, locked_until FROM officers WHERE code = ? AND active = 1',
  );
  const recent = db.prepare<[number], SignInAttempt>(
    'SELECT officer, at, outcome FROM sign_ins ORDER BY id DESC LIMIT ?',
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM officers');
  const logAttempt = db.prepare<[string, string, string]>(
    'INSERT INTO sign_ins (officer, at, outcome) VALUES (?, ?, ?)',
  );
  const setLockout = db.prepare<[number, number | null, string]>(
    'UPDATE officers SET failed_attempts = ?, locked_until = ? WHERE code = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO officers (code, name, role, counter, pin_hash) VALUES (@code, @name, @role, @counter, @pinHash)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, role = excluded.role, counter = excluded.counter`,
  );

  const recordSignIn = db.transaction((attempt: Parameters<OfficerStore['recordSignIn']>[0]) => {
    logAttempt.run(attempt.officer, attempt.at, attempt.outcome);
    if (attempt.failedAttempts !== undefined) {
      setLockout.run(attempt.failedAttempts, attempt.lockedUntil ?? null, attempt.officer);
    }
  });

  return {
    listOfficers: () => list.all(),
    recentSignIns: (limit: number) => recent.all(limit),
    findOfficer(code: string): OfficerRecord | null {
      const row = find.get(code);
      if (!row) return null;
      return {
        code: row.code,
        name: row.name,
        role: row.role,
        pinHash: row.pin_hash,
        failedAttempts: row.failed_attempts,
        lockedUntil: row.locked_until,
      };
    },
    recordSignIn: (attempt: Parameters<OfficerStore['recordSignIn']>[0]) => recordSignIn.immediate(attempt),
    /** Adds an officer, or updates name/role/counter of an existing one (the PIN is kept). */
    upsertOfficer(officer: {
      code: string;
      name: string;
      role: OfficerRecord['role'];
      counter: string | null;
      pinHash: string;
    }) {
      upsert.run(officer);
    },
    countOfficers: () => count.get()?.n ?? 0,
  } satisfies OfficerStore & Record<string, unknown>;
}
