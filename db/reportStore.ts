import type Database from 'better-sqlite3';
import type { ItemCount } from '../src/domain/scoring';
import type { DayRange, ReportStore, ResponseCounts } from '../src/services/ports';

/** Reports are computed by SQL, grouped in the database, never by loading rows into JavaScript. */
export function createReportStore(db: Database.Database): ReportStore {
  const countResponses = db.prepare<[string, string], ResponseCounts>(
    `SELECT coalesce(sum(counted), 0) AS counted,
            coalesce(sum(status = 'completed'), 0) AS completed,
            coalesce(sum(status = 'abandoned'), 0) AS abandoned,
            coalesce(sum(status = 'completed' AND flags <> '[]'), 0) AS suspect
       FROM responses
      WHERE local_day BETWEEN ? AND ?`,
  );
  const countAnswers = db.prepare<[string, string], ItemCount>(
    `SELECT a.item AS item, a.value5 AS value, count(*) AS count
       FROM responses r
       JOIN answers a ON a.response_id = r.id
      WHERE r.local_day BETWEEN ? AND ? AND r.counted = 1 AND a.value5 IS NOT NULL
      GROUP BY a.item, a.value5`,
  );
  return {
    countResponses: ({ from, to }: DayRange) => countResponses.get(from, to) ?? { counted: 0, completed: 0, abandoned: 0, suspect: 0 },
    countAnswers: ({ from, to }: DayRange) => countAnswers.all(from, to),
  };
}
