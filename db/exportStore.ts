import type Database from 'better-sqlite3';
import type { BatchRange, ExportBatchRecord, ExportRow, ExportRowSource } from '../src/services/exportPorts';
import { createBatchSummary } from './exportSummary';

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
    summarise: createBatchSummary(db),
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
