import type Database from 'better-sqlite3';
import type {
  Breakdown,
  DayItemDistribution,
  QuestionnaireItemCount,
  ReportFilter,
  ReportStore,
} from '../../src/services/ports';

/**
 * The benchmark's baseline: the same ReportStore answered by plain GROUP BYs over
 * the raw responses and answers tables (with the responses_by_day index), as a
 * schema without kept counts would. The report service on top is the same code.
 */
export function createRawReportStore(db: Database.Database): ReportStore {
  const where = `r.local_day BETWEEN @from AND @to
    AND (@counter IS NULL OR r.counter = @counter) AND (@officer IS NULL OR r.officer = @officer) AND (@field IS NULL OR r.field = @field)`;
  const kinds = `(r.counted = 1 OR (r.status = 'completed' AND r.flags <> '[]' AND @suspect) OR (r.status = 'abandoned' AND @abandoned))`;
  const columns = `count(*) AS responses, count(*) FILTER (WHERE r.counted = 1) AS counted,
    count(*) FILTER (WHERE r.status = 'completed' AND r.flags <> '[]') AS suspect, count(*) FILTER (WHERE r.status = 'abandoned') AS abandoned`;
  const version = 'r.questionnaire_id AS qid, r.questionnaire_version AS qversion';
  const byVersion = 'r.questionnaire_id, r.questionnaire_version';
  const responses = db.prepare(`SELECT ${version}, ${columns} FROM responses r WHERE ${where} GROUP BY ${byVersion}`);
  const responsesByDay = db.prepare(
    `SELECT r.local_day AS day, ${version}, ${columns} FROM responses r WHERE ${where} GROUP BY r.local_day, ${byVersion}`,
  );
  const answers =
    db.prepare(`SELECT ${version}, a.item, a.value5 AS value, count(*) AS count FROM responses r JOIN answers a ON a.response_id = r.id
    WHERE ${where} AND ${kinds} AND a.value5 IS NOT NULL GROUP BY ${byVersion}, a.item, a.value5`);
  const byDay =
    db.prepare(`SELECT r.local_day AS day, ${version}, a.item, a.value5 AS value, count(*) AS count FROM responses r JOIN answers a ON a.response_id = r.id
    WHERE ${where} AND ${kinds} AND a.value5 IS NOT NULL GROUP BY r.local_day, ${byVersion}, a.item, a.value5`);
  const by = (column: Breakdown) => ({
    answers:
      db.prepare(`SELECT coalesce(r.${column}, '') AS key, ${version}, a.item, a.value5 AS value, count(*) AS count FROM responses r
      JOIN answers a ON a.response_id = r.id WHERE ${where} AND ${kinds} AND a.value5 IS NOT NULL GROUP BY 1, ${byVersion}, a.item, a.value5`),
    responses: db.prepare(
      `SELECT coalesce(r.${column}, '') AS key, ${version}, ${columns} FROM responses r WHERE ${where} GROUP BY 1, ${byVersion}`,
    ),
  });
  /** The questionnaire version nested as the port has it. */
  const nest = <Row>(rows: unknown[]) =>
    (rows as Array<{ qid: string; qversion: number }>).map(
      ({ qid, qversion, ...rest }) => ({ ...rest, questionnaire: { id: qid, version: qversion } }) as Row,
    );
  /** Rows per value back into one distribution per day and item, as the port hands them. */
  const distributionsOf = (rows: Array<QuestionnaireItemCount & { day: string }>): DayItemDistribution[] => {
    const byKey = new Map<string, DayItemDistribution>();
    for (const { day, questionnaire, item, value, count } of rows) {
      const key = `${day}\u0000${questionnaire.id}\u0000${questionnaire.version}\u0000${item}`;
      let row = byKey.get(key);
      if (!row) {
        row = { day, questionnaire, item, distribution: [0, 0, 0, 0, 0] };
        byKey.set(key, row);
      }
      row.distribution[value - 1]! += count;
    }
    return [...byKey.values()];
  };
  /** The same per breakdown key: one distribution per key, version and item. */
  const itemsOf = (rows: Array<QuestionnaireItemCount & { key: string }>) => {
    const byKey = new Map<string, Omit<DayItemDistribution, 'day'> & { key: string }>();
    for (const { key, questionnaire, item, value, count } of rows) {
      const id = `${key}\u0000${questionnaire.id}\u0000${questionnaire.version}\u0000${item}`;
      let row = byKey.get(id);
      if (!row) {
        row = { key, questionnaire, item, distribution: [0, 0, 0, 0, 0] };
        byKey.set(id, row);
      }
      row.distribution[value - 1]! += count;
    }
    return [...byKey.values()];
  };
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
    countResponses: (f) => nest(responses.all(params(f))),
    countResponsesByDay: (f) => nest(responsesByDay.all(params(f))),
    countAnswers: (f) => nest(answers.all(params(f))),
    countAnswersByDay: (f) => distributionsOf(nest(byDay.all(params(f)))),
    countAnswersBy: (f, column) => nest(breakdowns[column].answers.all(params(f))),
    countItemsBy: (f, column) => itemsOf(nest(breakdowns[column].answers.all(params(f)))),
    countResponsesBy: (f, column) => nest(breakdowns[column].responses.all(params(f))),
    revision: () => 0,
    // As the app's store: one read transaction per report, so the baseline pays no lock per statement either.
    readTogether: (reads) => db.transaction(reads)(),
  };
}
