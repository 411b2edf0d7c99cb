import type Database from 'better-sqlite3';
import type { FeedbackDeadlineRow, FeedbackRecord, FeedbackStore } from '../src/services/feedbackPorts';

interface Row {
  cursor: number;
  id: string;
  submitted_at: string;
  local_day: string;
  response_status: FeedbackRecord['responseStatus'];
  flags: string;
  counter: string | null;
  officer: string | null;
  field: string | null;
  status: FeedbackRecord['status'];
  note: string | null;
  updated_by: string | null;
  updated_at: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  callback_day: string | null;
  callback_result: string | null;
  callback_by: string | null;
  callback_at: string | null;
  comment: string | null;
  phone: string | null;
}

const SELECT = `SELECT f.response_seq AS cursor, r.id, r.submitted_at, r.local_day, r.status AS response_status, r.flags,
       r.counter, r.officer, r.field, f.status, f.note, f.updated_by, f.updated_at, f.resolved_by, f.resolved_at,
       f.callback_day, f.callback_result, f.callback_by, f.callback_at, p.comment, p.phone
  FROM feedback f
  JOIN responses r ON r.id = f.response_id
  LEFT JOIN response_personal p ON p.response_id = f.response_id`;

/** Items not resolved yet: the oldest of them is the one waiting longest. */
const OPEN_STATUSES: ReadonlyArray<FeedbackRecord['status']> = ['new', 'in_progress'];

/**
 * The feedback inbox. Newest first by the response's insertion order, which a
 * clock jump cannot disturb: each item keeps its response's rowid (response_seq,
 * db/migrations/0014), indexed by itself and after the status. Each filter has
 * its own statement, so every page is one index range read newest first that
 * stops at its LIMIT; an unset filter is left out of the SQL, as
 * `(@x IS NULL OR col = @x)` keeps SQLite from using the index.
 * tests/integration/queryPlans.test.ts holds every statement to its plan.
 */
export function createFeedbackStore(db: Database.Database): FeedbackStore {
  const pageOf = (where: string[]) =>
    db.prepare<{ status?: string; before?: number; limit: number }, Row>(
      `${SELECT}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY f.response_seq DESC LIMIT @limit`,
    );
  const pages = {
    all: pageOf([]),
    allBefore: pageOf(['f.response_seq < @before']),
    ofStatus: pageOf(['f.status = @status']),
    ofStatusBefore: pageOf(['f.status = @status', 'f.response_seq < @before']),
  };
  const one = db.prepare<[string], Row>(`${SELECT} WHERE f.response_id = ?`);
  // The ids of one page travel as a JSON array: one bound parameter, any length.
  const lowScores = db.prepare<[string, number], { response_id: string; item: string; value: number }>(
    `SELECT response_id, item, value5 AS value FROM answers
      WHERE response_id IN (SELECT value FROM json_each(?)) AND value5 <= ? ORDER BY item`,
  );
  const reasons = db.prepare<[string], { response_id: string; dimension: string; reason: string }>(
    `SELECT response_id, dimension, reason FROM response_reasons WHERE response_id IN (SELECT value FROM json_each(?))`,
  );
  // Handled = resolved by someone other than the officer the rating is about: resolving
  // the complaint about oneself must not raise "Đã xử lý %".
  const stats = db.prepare<[], { total: number; handled: number }>(
    `SELECT count(*) AS total,
            coalesce(sum(f.status = 'resolved' AND (r.officer IS NULL OR f.resolved_by IS NOT r.officer)), 0) AS handled
       FROM feedback f JOIN responses r ON r.id = f.response_id`,
  );
  // The oldest item of one status; the oldest open item is the older of each open status's.
  const oldestOf = db.prepare<[string], { response_id: string; submitted_at: string; seq: number }>(
    `SELECT f.response_id, r.submitted_at, f.response_seq AS seq FROM feedback f JOIN responses r ON r.id = f.response_id
      WHERE f.status = ? ORDER BY f.response_seq LIMIT 1`,
  );
  const update = db.prepare<{ status: string; note: string | null; by: string; at: string; responseId: string }>(
    // No note given keeps the one there: reopening an item must not erase how it was handled.
    // Resolving records who and when; any other move clears it (the item is open again).
    `UPDATE feedback SET status = @status, note = coalesce(@note, note), updated_by = @by, updated_at = @at,
            resolved_by = CASE WHEN @status = 'resolved' THEN @by END,
            resolved_at = CASE WHEN @status = 'resolved' THEN @at END
      WHERE response_id = @responseId`,
  );
  const callBack = db.prepare<{ responseId: string; day: string; result: string; by: string; at: string }>(
    `UPDATE feedback SET callback_day = @day, callback_result = @result, callback_by = @by, callback_at = @at
      WHERE response_id = @responseId`,
  );
  const deadlines = db.prepare<
    { from: string; to: string },
    {
      id: string;
      local_day: string;
      officer: string | null;
      status: FeedbackRecord['status'];
      resolved_by: string | null;
      resolved_at: string | null;
      has_phone: number;
      callback_day: string | null;
    }
  >(
    `SELECT r.id, r.local_day, r.officer, f.status, f.resolved_by, f.resolved_at, (p.phone IS NOT NULL) AS has_phone, f.callback_day
       FROM feedback f
       JOIN responses r ON r.id = f.response_id
       LEFT JOIN response_personal p ON p.response_id = f.response_id
      WHERE r.local_day BETWEEN @from AND @to`,
  );
  const openOfDay = db.prepare<{ day: string; threshold: number }, Row>(
    `${SELECT} WHERE r.local_day = @day AND f.status <> 'resolved'
        AND (EXISTS (SELECT 1 FROM answers a WHERE a.response_id = r.id AND a.value5 <= @threshold)
             OR EXISTS (SELECT 1 FROM response_reasons x WHERE x.response_id = r.id))
      ORDER BY r.rowid DESC LIMIT 50`,
  );
  const deskHeads = db.prepare<[], { code: string; name: string }>(
    'SELECT code, name FROM officers WHERE desk_head = 1 AND active = 1 ORDER BY name',
  );

  function complete(rows: Row[], threshold: number): FeedbackRecord[] {
    const ids = JSON.stringify(rows.map((r) => r.id));
    const low = lowScores.all(ids, threshold);
    const why = reasons.all(ids);
    return rows.map((row) => ({
      cursor: row.cursor,
      responseId: row.id,
      submittedAt: row.submitted_at,
      day: row.local_day,
      responseStatus: row.response_status,
      flags: JSON.parse(row.flags) as string[],
      counter: row.counter,
      officer: row.officer,
      field: row.field,
      lowScores: low.filter((l) => l.response_id === row.id).map(({ item, value }) => ({ item, value })),
      reasons: why.filter((r) => r.response_id === row.id).map(({ dimension, reason }) => ({ dimension, reason })),
      comment: row.comment,
      phone: row.phone,
      status: row.status,
      note: row.note,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at,
      resolvedBy: row.resolved_by,
      resolvedAt: row.resolved_at,
      callBack:
        row.callback_day === null
          ? null
          : {
              day: row.callback_day,
              result: row.callback_result ?? '',
              by: row.callback_by ?? '',
              at: row.callback_at ?? '',
            },
    }));
  }

  return {
    page({ status, before, limit, threshold }) {
      const rows =
        status === null
          ? before === null
            ? pages.all.all({ limit })
            : pages.allBefore.all({ before, limit })
          : before === null
            ? pages.ofStatus.all({ status, limit })
            : pages.ofStatusBefore.all({ status, before, limit });
      return complete(rows, threshold);
    },
    find(responseId, threshold) {
      const row = one.get(responseId);
      return row ? (complete([row], threshold)[0] ?? null) : null;
    },
    stats() {
      const { total, handled } = stats.get() ?? { total: 0, handled: 0 };
      const row = OPEN_STATUSES.flatMap((status) => oldestOf.all(status)).sort((a, b) => a.seq - b.seq)[0];
      return {
        total,
        handled,
        oldestUnhandled: row ? { responseId: row.response_id, submittedAt: row.submitted_at } : null,
      };
    },
    update: (change) => update.run(change).changes > 0,
    recordCallBack: (change) => callBack.run(change).changes > 0,
    deadlineRows: (range) =>
      deadlines.all(range).map((row): FeedbackDeadlineRow => ({
        responseId: row.id,
        day: row.local_day,
        officer: row.officer,
        status: row.status,
        resolvedBy: row.resolved_by,
        resolvedAt: row.resolved_at,
        hasPhone: row.has_phone === 1,
        callBackDay: row.callback_day,
      })),
    openOfDay: (day, threshold) => complete(openOfDay.all({ day, threshold }), threshold),
    deskHeads: () => deskHeads.all(),
    inTransaction: (work) => db.transaction(work).immediate(),
  };
}
