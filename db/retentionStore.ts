import type Database from 'better-sqlite3';
import type { RetentionStore } from '../src/services/ports';

/**
 * Personal data lives only in response_personal (migration 0003 keeps it apart
 * for exactly this), so erasing it is one UPDATE: phone and comment become NULL,
 * the consent record stays as proof of what was agreed, and answers, reasons and
 * the count tables are untouched. One statement, so it is atomic.
 */
export function createRetentionStore(db: Database.Database): RetentionStore {
  const purge = db.prepare<[string]>(`
    UPDATE response_personal SET comment = NULL, phone = NULL
     WHERE (comment IS NOT NULL OR phone IS NOT NULL)
       AND response_id IN (SELECT id FROM responses WHERE local_day < ?)`);
  return { purgePersonalBefore: (day) => purge.run(day).changes };
}
