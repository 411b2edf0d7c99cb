import type Database from 'better-sqlite3';
import type { ResponseCounts, ResponseKind } from '../src/domain/responseCounts';
import type { QuestionnaireRef } from '../src/domain/scoring';
import type {
  BatchRange,
  BatchSummary,
  ExportBatchRecord,
  ExportRow,
  ExportRowSource,
} from '../src/services/exportPorts';

interface BatchRow {
  id: string;
  created_at: string;
  created_by: string;
  from_day: string;
  to_day: string;
  from_rowid: number;
  to_rowid: number;
  response_count: number;
  format: ExportBatchRecord['format'];
  personal_data: number;
  sha256: string;
  file_name: string;
}

interface ResponseRow {
  rowid: number;
  id: string;
  local_day: string;
  submitted_at: string;
  questionnaire_id: string;
  questionnaire_version: number;
  language: string;
  status: ExportRow['status'];
  flags: string;
  counter: string | null;
  officer: string | null;
  field: string | null;
  comment: string | null;
  phone?: string | null;
  consent_version?: string | null;
  consent_at?: string | null;
  case_code_hash?: string | null;
}

type RangeParams = { after: number; to: number; fromDay: string; toDay: string };
type PartialParams = RangeParams & { days: string };

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

/**
 * A batch's rows by rowid range. The unary + keeps SQLite off the local_day index:
 * the rows must come in rowid order, chunk after chunk, without sorting a whole period.
 */
const IN_RANGE = 'r.rowid > @after AND r.rowid <= @to AND +r.local_day BETWEEN @fromDay AND @toDay';
const params = (range: BatchRange, after = range.afterRowid, to = range.toRowid): RangeParams => ({
  after,
  to,
  fromDay: range.fromDay,
  toDay: range.toDay,
});

const toRecord = (row: BatchRow): ExportBatchRecord => ({
  id: row.id,
  createdAt: row.created_at,
  createdBy: row.created_by,
  fromDay: row.from_day,
  toDay: row.to_day,
  afterRowid: row.from_rowid,
  toRowid: row.to_rowid,
  responseCount: row.response_count,
  format: row.format,
  personalData: row.personal_data === 1,
  sha256: row.sha256,
  fileName: row.file_name,
});

/** The export's row source: reads in short statements so the kiosk can keep writing in between. */
export function createExportStore(db: Database.Database): ExportRowSource {
  const highWater = db.prepare<[], { n: number }>('SELECT coalesce(max(rowid), 0) AS n FROM responses');
  const periodSnapshot = db.prepare<[string, string, number], { count: number; first: number }>(
    'SELECT count(*) AS count, coalesce(min(rowid), 0) AS first FROM responses WHERE local_day BETWEEN ? AND ? AND rowid <= ?',
  );
  const afterSnapshot = db.prepare<[number, number], { count: number; fromDay: string | null; toDay: string | null }>(
    'SELECT count(*) AS count, min(local_day) AS fromDay, max(local_day) AS toDay FROM responses WHERE rowid > ? AND rowid <= ?',
  );
  // The batch's summary (see summarise below).
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
  // The batch's own rows on the days it holds only part of, grouped as the kept counts are.
  const ON_PARTIAL_DAYS = 'r.local_day IN (SELECT value FROM json_each(@days)) AND r.rowid > @after AND r.rowid <= @to';
  const partialResponses = db.prepare<PartialParams, Omit<KeptResponses, 'day'>>(
    `SELECT questionnaire_id AS qid, questionnaire_version AS qversion,
            CASE WHEN status = 'abandoned' THEN 'abandoned' WHEN flags <> '[]' THEN 'suspect' ELSE 'counted' END AS kind,
            count(*) AS n
       FROM responses r WHERE ${ON_PARTIAL_DAYS} GROUP BY 1, 2, 3`,
  );
  const partialAnswers = db.prepare<
    PartialParams,
    { qid: string; qversion: number; item: string; value: number; n: number }
  >(
    `SELECT r.questionnaire_id AS qid, r.questionnaire_version AS qversion, a.item, a.value5 AS value, count(*) AS n
       FROM responses r JOIN answers a ON a.response_id = r.id
      WHERE ${ON_PARTIAL_DAYS} AND r.counted = 1 AND a.value5 IS NOT NULL GROUP BY 1, 2, 3, 4`,
  );
  const base = `r.rowid AS rowid, r.id, r.local_day, r.submitted_at, r.questionnaire_id, r.questionnaire_version, r.language,
                r.status, r.flags, r.counter, r.officer, r.field, p.comment`;
  const chunk = (columns: string) =>
    db.prepare<RangeParams & { limit: number }, ResponseRow>(
      `SELECT ${columns} FROM responses r LEFT JOIN response_personal p ON p.response_id = r.id
        WHERE ${IN_RANGE} ORDER BY r.rowid LIMIT @limit`,
    );
  const chunkPlain = chunk(base);
  // Personal columns are not even read unless the batch asked for them.
  const chunkPersonal = chunk(`${base}, p.phone, p.consent_version, p.consent_at, r.case_code_hash`);
  const chunkAnswers = db.prepare<RangeParams, { rowid: number; item: string; points: number; score: number | null }>(
    `SELECT r.rowid AS rowid, a.item, a.points, a.score FROM responses r JOIN answers a ON a.response_id = r.id
      WHERE ${IN_RANGE} ORDER BY r.rowid, a.item`,
  );
  const chunkReasons = db.prepare<RangeParams, { rowid: number; dimension: string; reason: string }>(
    `SELECT r.rowid AS rowid, x.dimension, x.reason FROM responses r JOIN response_reasons x ON x.response_id = r.id
      WHERE ${IN_RANGE} ORDER BY r.rowid, x.dimension, x.reason`,
  );
  const lastBatch = db.prepare<[], BatchRow>('SELECT * FROM export_batches ORDER BY rowid DESC LIMIT 1');
  const findBatch = db.prepare<[string], BatchRow>('SELECT * FROM export_batches WHERE id = ?');
  const listBatches = db.prepare<[], BatchRow>('SELECT * FROM export_batches ORDER BY rowid DESC');
  const insertBatch = db.prepare(
    `INSERT INTO export_batches (id, created_at, created_by, from_day, to_day, from_rowid, to_rowid, response_count, format, personal_data, sha256, file_name)
     VALUES (@id, @createdAt, @createdBy, @fromDay, @toDay, @afterRowid, @toRowid, @responseCount, @format, @personalData, @sha256, @fileName)`,
  );

  function readChunk(range: BatchRange, afterRowid: number, limit: number, withPersonal: boolean): ExportRow[] {
    const rows: ExportRow[] = [];
    const byRowid = new Map<number, ExportRow>();
    for (const r of (withPersonal ? chunkPersonal : chunkPlain).iterate({ ...params(range, afterRowid), limit })) {
      const row: ExportRow = {
        rowid: r.rowid,
        id: r.id,
        localDay: r.local_day,
        submittedAt: r.submitted_at,
        questionnaire: { id: r.questionnaire_id, version: r.questionnaire_version },
        language: r.language,
        status: r.status,
        flags: JSON.parse(r.flags) as string[],
        counter: r.counter,
        officer: r.officer,
        field: r.field,
        answers: [],
        reasons: [],
        comment: r.comment,
        ...(withPersonal
          ? {
              personal: {
                phone: r.phone ?? null,
                consentVersion: r.consent_version ?? null,
                consentAt: r.consent_at ?? null,
                caseCodeHash: r.case_code_hash ?? null,
              },
            }
          : {}),
      };
      rows.push(row);
      byRowid.set(row.rowid, row);
    }
    const last = rows.at(-1);
    if (!last) return rows;
    // Answers and reasons of the same rowid span: two range joins instead of a query per response.
    const span = params(range, afterRowid, last.rowid);
    for (const a of chunkAnswers.iterate(span))
      byRowid.get(a.rowid)?.answers.push({ item: a.item, points: a.points, score: a.score });
    for (const x of chunkReasons.iterate(span))
      byRowid.get(x.rowid)?.reasons.push({ dimension: x.dimension, reason: x.reason });
    return rows;
  }

  /**
   * The batch's questionnaire versions, responses and answers, for its summary.
   * Grouping a million responses' answers took SQLite as long as reading them for
   * the file. So a day the batch holds whole (all its responses have rowids in the
   * batch's range) is taken from the counts kept per day, which every write keeps
   * equal to the rows (db/surveyStore.ts); only the days it holds in part (the
   * edges of a since-last batch) are grouped from its rows. One read transaction,
   * so the days' coverage and their counts agree.
   */
  const summarise = db.transaction((range: BatchRange): BatchSummary => {
    const p = params(range);
    const whole = new Set<string>();
    const partial: string[] = [];
    for (const { day, total, inBatch } of coverage.iterate(p)) {
      if (inBatch === total) whole.add(day);
      else if (inBatch > 0) partial.push(day);
    }
    const tally = batchTally();
    for (const row of keptResponses.iterate(p)) if (whole.has(row.day)) tally.responses(row);
    for (const { day, qid, qversion, item, v1, v2, v3, v4, v5 } of keptAnswers.iterate(p)) {
      if (!whole.has(day)) continue;
      [v1, v2, v3, v4, v5].forEach((n, i) => tally.answers(qid, qversion, item, i + 1, n));
    }
    if (partial.length > 0) {
      const on = { ...p, days: JSON.stringify(partial) };
      for (const row of partialResponses.iterate(on)) tally.responses(row);
      for (const { qid, qversion, item, value, n } of partialAnswers.iterate(on))
        tally.answers(qid, qversion, item, value, n);
    }
    return tally.summary();
  });

  const recordBatch = db.transaction(
    (batch: ExportBatchRecord, options: Parameters<ExportRowSource['recordBatch']>[1]) => {
      if (options.expectLastToRowid !== undefined && (lastBatch.get()?.to_rowid ?? null) !== options.expectLastToRowid)
        return 'conflict' as const;
      insertBatch.run({ ...batch, personalData: batch.personalData ? 1 : 0 });
      options.alsoInTransaction?.();
      return 'recorded' as const;
    },
  );

  return {
    snapshotPeriod(fromDay, toDay) {
      const top = highWater.get()?.n ?? 0;
      const { count, first } = periodSnapshot.get(fromDay, toDay, top) ?? { count: 0, first: 0 };
      return { count, firstRowid: first, highWater: top };
    },
    snapshotAfter(afterRowid) {
      const top = highWater.get()?.n ?? 0;
      const snap = afterSnapshot.get(afterRowid, top) ?? { count: 0, fromDay: null, toDay: null };
      return { ...snap, highWater: top };
    },
    summarise: (range) => summarise.deferred(range),
    readChunk,
    lastBatch: () => {
      const row = lastBatch.get();
      return row ? toRecord(row) : null;
    },
    findBatch: (id) => {
      const row = findBatch.get(id);
      return row ? toRecord(row) : null;
    },
    listBatches: () => listBatches.all().map(toRecord),
    // A short write transaction: the kiosk may be storing responses at the same moment.
    recordBatch: (batch, options) => recordBatch.immediate(batch, options),
  };
}

/** Adds up kept and grouped counts per questionnaire version; hands them on in (id, version, item, value) order. */
function batchTally() {
  const versions = new Map<string, { ref: QuestionnaireRef; counts: ResponseCounts; answers: Map<string, number> }>();
  const versionOf = (id: string, version: number) => {
    const key = `${id}\u0000${version}`;
    let entry = versions.get(key);
    if (!entry) {
      entry = {
        ref: { id, version },
        counts: { responses: 0, counted: 0, suspect: 0, abandoned: 0 },
        answers: new Map(),
      };
      versions.set(key, entry);
    }
    return entry;
  };
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    responses({ qid, qversion, kind, n }: Omit<KeptResponses, 'day'>) {
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
