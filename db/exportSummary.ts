import type Database from 'better-sqlite3';
import { emptyCounts, responseKind, type ResponseCounts, type ResponseKind } from '../src/domain/responseCounts';
import type { QuestionnaireRef } from '../src/domain/scoring';
import type { BatchRange, BatchSummary } from '../src/services/exportPorts';

type RangeParams = { after: number; to: number; fromDay: string; toDay: string };

interface KeptResponses {
  day: string;
  qid: string;
  qversion: number;
  kind: ResponseKind;
  n: number;
}

interface KeptAnswers {
  day: string;
  qid: string;
  qversion: number;
  item: string;
  v1: number;
  v2: number;
  v3: number;
  v4: number;
  v5: number;
}

/** The batch's own rows on the days it holds only part of, by the JSON list of those days. */
const ON_PARTIAL_DAYS = 'r.local_day IN (SELECT value FROM json_each(@days)) AND r.rowid > @after AND r.rowid <= @to';

/**
 * A batch's questionnaire versions, responses and answers, for its summary.
 * Grouping a million responses' answers took SQLite as long as reading them for
 * the file. So a day the batch holds whole (all its responses have rowids in the
 * batch's range) is taken from the counts kept per day, which every write keeps
 * equal to the rows (db/surveyStore.ts); only the days it holds in part (the
 * edges of a since-last batch, responses stored late for an earlier day) are
 * grouped from its rows. One read transaction, so the days' coverage and their
 * counts agree. tests/integration/exportSummary.test.ts holds it to a GROUP BY.
 */
export function createBatchSummary(db: Database.Database): (range: BatchRange) => BatchSummary {
  const coverage = db.prepare<RangeParams, { day: string; total: number; inBatch: number }>(
    `SELECT local_day AS day, count(*) AS total, count(*) FILTER (WHERE rowid > @after AND rowid <= @to) AS inBatch
       FROM responses WHERE local_day BETWEEN @fromDay AND @toDay GROUP BY local_day`,
  );
  const keptResponses = db.prepare<RangeParams, KeptResponses>(
    `SELECT local_day AS day, questionnaire_id AS qid, questionnaire_version AS qversion, kind, n
       FROM day_response_counts WHERE local_day BETWEEN @fromDay AND @toDay`,
  );
  const keptAnswers = db.prepare<RangeParams, KeptAnswers>(
    `SELECT local_day AS day, questionnaire_id AS qid, questionnaire_version AS qversion, item, v1, v2, v3, v4, v5
       FROM day_item_counts WHERE kind = 'counted' AND local_day BETWEEN @fromDay AND @toDay`,
  );
  // By status and flags as stored: their kind is src/domain's responseKind, as for every response written.
  const partialResponses = db.prepare<
    RangeParams & { days: string },
    { qid: string; qversion: number; status: 'completed' | 'abandoned'; flags: string; n: number }
  >(
    `SELECT questionnaire_id AS qid, questionnaire_version AS qversion, status, flags, count(*) AS n
       FROM responses r WHERE ${ON_PARTIAL_DAYS} GROUP BY 1, 2, 3, 4`,
  );
  const partialAnswers = db.prepare<
    RangeParams & { days: string },
    { qid: string; qversion: number; item: string; value: number; n: number }
  >(
    `SELECT r.questionnaire_id AS qid, r.questionnaire_version AS qversion, a.item, a.value5 AS value, count(*) AS n
       FROM responses r JOIN answers a ON a.response_id = r.id
      WHERE ${ON_PARTIAL_DAYS} AND r.counted = 1 AND a.value5 IS NOT NULL GROUP BY 1, 2, 3, 4`,
  );

  const summarise = db.transaction((range: BatchRange): BatchSummary => {
    const p: RangeParams = { after: range.afterRowid, to: range.toRowid, fromDay: range.fromDay, toDay: range.toDay };
    const whole = new Set<string>();
    const partial: string[] = [];
    for (const { day, total, inBatch } of coverage.iterate(p)) {
      if (inBatch === total) whole.add(day);
      else if (inBatch > 0) partial.push(day);
    }
    const tally = batchTally();
    for (const { day, qid, qversion, kind, n } of keptResponses.iterate(p))
      if (whole.has(day)) tally.responses(qid, qversion, kind, n);
    for (const { day, qid, qversion, item, v1, v2, v3, v4, v5 } of keptAnswers.iterate(p)) {
      if (!whole.has(day)) continue;
      [v1, v2, v3, v4, v5].forEach((n, i) => tally.answers(qid, qversion, item, i + 1, n));
    }
    if (partial.length > 0) {
      const on = { ...p, days: JSON.stringify(partial) };
      for (const { qid, qversion, status, flags, n } of partialResponses.iterate(on))
        tally.responses(qid, qversion, responseKind(status, JSON.parse(flags) as string[]), n);
      for (const { qid, qversion, item, value, n } of partialAnswers.iterate(on))
        tally.answers(qid, qversion, item, value, n);
    }
    return tally.summary();
  });
  return (range) => summarise.deferred(range);
}

/**
 * Adds up kept and grouped counts per questionnaire version; hands them on in
 * (id, version, item, value) order. Arguments, not row objects: spreading SQLite's
 * row objects into new ones cost over a second for a million responses' kept counts.
 */
function batchTally() {
  const versions = new Map<string, { ref: QuestionnaireRef; counts: ResponseCounts; answers: Map<string, number> }>();
  const versionOf = (id: string, version: number) => {
    const key = `${id}\u0000${version}`;
    let entry = versions.get(key);
    if (!entry) {
      entry = { ref: { id, version }, counts: emptyCounts(), answers: new Map() };
      versions.set(key, entry);
    }
    return entry;
  };
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    responses(qid: string, qversion: number, kind: ResponseKind, n: number) {
      if (n === 0) return;
      const { counts } = versionOf(qid, qversion);
      counts.responses += n;
      counts[kind] += n;
    },
    answers(qid: string, qversion: number, item: string, value: number, n: number) {
      if (n === 0) return;
      const { answers } = versionOf(qid, qversion);
      const key = `${item}\u0000${value}`;
      answers.set(key, (answers.get(key) ?? 0) + n);
    },
    summary(): BatchSummary {
      // Binary order, as SQLite's ORDER BY gave it; only versions some response of the batch answered.
      const entries = [...versions.values()]
        .filter((entry) => entry.counts.responses > 0)
        .sort((a, b) => byCode(a.ref.id, b.ref.id) || a.ref.version - b.ref.version);
      return {
        questionnaires: entries.map((entry) => entry.ref),
        responses: entries.map(({ ref, counts }) => ({ ...counts, questionnaire: ref })),
        answers: entries.flatMap(({ ref, answers }) =>
          [...answers]
            .map(([key, count]) => {
              const [item, value] = key.split('\u0000') as [string, string];
              return { questionnaire: ref, item, value: Number(value), count };
            })
            .sort((a, b) => byCode(a.item, b.item) || a.value - b.value),
        ),
      };
    },
  };
}
