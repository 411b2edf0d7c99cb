import type Database from 'better-sqlite3';
import type { ItemCount } from '../src/domain/scoring';
import type { Breakdown, ReportFilter, ReportStore, ResponseCounts } from '../src/services/ports';

/**
 * Reports read the counts kept by the survey store (answer_counts and
 * response_counts), grouped by SQL; no report loads response rows into JavaScript.
 * Every filter is a bound parameter; a NULL parameter means "any".
 */
const WHERE = `local_day BETWEEN @from AND @to
  AND (@counter IS NULL OR counter = @counter)
  AND (@officer IS NULL OR officer = @officer)
  AND (@field IS NULL OR field = @field)
  AND (@questionnaireId IS NULL OR (questionnaire_id = @questionnaireId AND questionnaire_version = @questionnaireVersion))`;

const KINDS = `(kind = 'counted' OR (kind = 'suspect' AND @suspect) OR (kind = 'abandoned' AND @abandoned))`;

const RESPONSE_COLUMNS = `coalesce(sum(n) FILTER (WHERE kind = 'counted'), 0) AS counted,
  coalesce(sum(n) FILTER (WHERE kind <> 'abandoned'), 0) AS completed,
  coalesce(sum(n) FILTER (WHERE kind = 'abandoned'), 0) AS abandoned,
  coalesce(sum(n) FILTER (WHERE kind = 'suspect'), 0) AS suspect`;

// Column names cannot be parameters; they come from this fixed list only.
const BREAKDOWN_COLUMN: Record<Breakdown, string> = { counter: 'counter', officer: 'officer', field: 'field' };

interface Params {
  from: string;
  to: string;
  counter: string | null;
  officer: string | null;
  field: string | null;
  questionnaireId: string | null;
  questionnaireVersion: number | null;
  suspect: number;
  abandoned: number;
}

const paramsOf = (filter: ReportFilter): Params => ({
  from: filter.from,
  to: filter.to,
  counter: filter.counter ?? null,
  officer: filter.officer ?? null,
  field: filter.field ?? null,
  questionnaireId: filter.questionnaire?.id ?? null,
  questionnaireVersion: filter.questionnaire?.version ?? null,
  suspect: filter.include?.suspect ? 1 : 0,
  abandoned: filter.include?.abandoned ? 1 : 0,
});

export function createReportStore(db: Database.Database): ReportStore {
  const responses = db.prepare<Params, ResponseCounts>(`SELECT ${RESPONSE_COLUMNS} FROM response_counts WHERE ${WHERE}`);
  const answers = db.prepare<Params, ItemCount>(
    `SELECT item, value5 AS value, sum(n) AS count FROM answer_counts WHERE ${WHERE} AND ${KINDS} GROUP BY item, value5`,
  );
  const answersByDay = db.prepare<Params, ItemCount & { day: string }>(
    `SELECT local_day AS day, item, value5 AS value, sum(n) AS count FROM answer_counts
      WHERE ${WHERE} AND ${KINDS} GROUP BY local_day, item, value5`,
  );
  const by = (column: string) => ({
    answers: db.prepare<Params, ItemCount & { key: string }>(
      `SELECT ${column} AS key, item, value5 AS value, sum(n) AS count FROM answer_counts
        WHERE ${WHERE} AND ${KINDS} GROUP BY ${column}, item, value5`,
    ),
    responses: db.prepare<Params, ResponseCounts & { key: string }>(
      `SELECT ${column} AS key, ${RESPONSE_COLUMNS} FROM response_counts WHERE ${WHERE} GROUP BY ${column}`,
    ),
  });
  const revision = db.prepare<[], { revision: number }>('SELECT coalesce(max(rowid), 0) AS revision FROM responses');
  const breakdowns = {
    counter: by(BREAKDOWN_COLUMN.counter),
    officer: by(BREAKDOWN_COLUMN.officer),
    field: by(BREAKDOWN_COLUMN.field),
  };

  return {
    countResponses: (filter) => responses.get(paramsOf(filter)) ?? { counted: 0, completed: 0, abandoned: 0, suspect: 0 },
    countAnswers: (filter) => answers.all(paramsOf(filter)),
    countAnswersByDay: (filter) => answersByDay.all(paramsOf(filter)),
    countAnswersBy: (filter, column) => breakdowns[column].answers.all(paramsOf(filter)),
    countResponsesBy: (filter, column) => breakdowns[column].responses.all(paramsOf(filter)),
    revision: () => revision.get()?.revision ?? 0,
  };
}
