import type Database from 'better-sqlite3';
import type { TargetsStore } from '../src/services/targets';

/** The plan's targets (one JSON document per year) and the public holidays. */
export function createTargetsStore(db: Database.Database): TargetsStore {
  const one = db.prepare<[number], { targets: string }>('SELECT targets FROM plan_targets WHERE year = ?');
  const upsert = db.prepare<{ year: number; targets: string; by: string; at: string }>(
    `INSERT INTO plan_targets (year, targets, updated_by, updated_at) VALUES (@year, @targets, @by, @at)
     ON CONFLICT (year) DO UPDATE SET targets = excluded.targets, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  );
  const all = db.prepare<[], { day: string; name: string }>('SELECT day, name FROM holidays ORDER BY day');
  const ofYear = db.prepare<[string], { day: string; name: string }>(
    'SELECT day, name FROM holidays WHERE substr(day, 1, 4) = ? ORDER BY day',
  );
  const dropYear = db.prepare<[string]>('DELETE FROM holidays WHERE substr(day, 1, 4) = ?');
  const insertHoliday = db.prepare<[string, string]>('INSERT INTO holidays (day, name) VALUES (?, ?)');
  return {
    targets(year) {
      const row = one.get(year);
      return row ? (JSON.parse(row.targets) as unknown) : null;
    },
    saveTargets: (year, targets, by, at) => void upsert.run({ year, targets: JSON.stringify(targets), by, at }),
    holidays: () => all.all(),
    holidaysOf: (year) => ofYear.all(String(year)),
    replaceHolidays(year, holidays) {
      dropYear.run(String(year));
      for (const h of holidays) insertHoliday.run(h.day, h.name);
    },
    inTransaction: (work) => db.transaction(work).immediate(),
  };
}
