import type Database from 'better-sqlite3';
import type { ItemCount } from '../../src/domain/scoring';
import type { Breakdown, ReportFilter, ReportStore, ResponseCounts } from '../../src/services/ports';

/**
 * The benchmark's baseline: the same ReportStore answered by plain GROUP BYs over
 * the raw responses and answers tables (with the responses_by_day index), as a
 * schema without kept counts would. The report service on top is the same code.
 */
export function createRawReportStore(db: Database.Database): ReportStore {
  const where = `r.local_day BETWEEN @from AND @to
    AND (@counter IS NULL OR r.counter = @counter) AND (@officer IS NULL OR r.officer = @officer) AND (@field IS NULL OR r.field = @field)`;
  const kinds = `(r.counted = 1 OR (r.status = 'completed' AND r.flags <> '[]' AND @suspect) OR (r.status = 'abandoned' AND @abandoned))`;
  const columns = `count(*) FILTER (WHERE r.counted = 1) AS counted, count(*) FILTER (WHERE r.status = 'completed') AS completed,
    count(*) FILTER (WHERE r.status = 'abandoned') AS abandoned, count(*) FILTER (WHERE r.status = 'completed' AND r.flags <> '[]') AS suspect`;
  const responses = db.prepare(`SELECT ${columns} FROM responses r WHERE ${where}`);
  const answers = db.prepare(`SELECT a.item, a.value5 AS value, count(*) AS count FROM responses r JOIN answers a ON a.response_id = r.id
    WHERE ${where} AND ${kinds} AND a.value5 IS NOT NULL GROUP BY a.item, a.value5`);
  const byDay = db.prepare(`SELECT r.local_day AS day, a.item, a.value5 AS value, count(*) AS count FROM responses r JOIN answers a ON a.response_id = r.id
    WHERE ${where} AND ${kinds} AND a.value5 IS NOT NULL GROUP BY r.local_day, a.item, a.value5`);
  const by = (column: Breakdown) => ({
    answers: db.prepare(`SELECT coalesce(r.${column}, '') AS key, a.item, a.value5 AS value, count(*) AS count FROM responses r
      JOIN answers a ON a.response_id = r.id WHERE ${where} AND ${kinds} AND a.value5 IS NOT NULL GROUP BY 1, a.item, a.value5`),
    responses: db.prepare(`SELECT coalesce(r.${column}, '') AS key, ${columns} FROM responses r WHERE ${where} GROUP BY 1`),
  });
  const breakdowns = { counter: by('counter'), officer: by('officer'), field: by('field') };
  const params = (f: ReportFilter) => ({
    from: f.from,
    to: f.to,
    counter: f.counter ?? null,
    officer: f.officer ?? null,
    field: f.field ?? null,
    suspect: f.include?.suspect ? 1 : 0,
    abandoned: f.include?.abandoned ? 1 : 0,
  });
  return {
    countResponses: (f) => responses.get(params(f)) as ResponseCounts,
    countAnswers: (f) => answers.all(params(f)) as ItemCount[],
    countAnswersByDay: (f) => byDay.all(params(f)) as Array<ItemCount & { day: string }>,
    countAnswersBy: (f, column) => breakdowns[column].answers.all(params(f)) as Array<ItemCount & { key: string }>,
    countResponsesBy: (f, column) => breakdowns[column].responses.all(params(f)) as Array<ResponseCounts & { key: string }>,
    revision: () => 0,
  };
}
