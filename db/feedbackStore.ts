import type Database from 'better-sqlite3';
import type { FeedbackRecord, FeedbackStore } from '../src/services/ports';

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
  comment: string | null;
  phone: string | null;
}

const SELECT = `SELECT r.rowid AS cursor, r.id, r.submitted_at, r.local_day, r.status AS response_status, r.flags,
       r.counter, r.officer, r.field, f.status, f.note, f.updated_by, f.updated_at, p.comment, p.phone
  FROM feedback f
  JOIN responses r ON r.id = f.response_id
  LEFT JOIN response_personal p ON p.response_id = f.response_id`;

/** The feedback inbox. Newest first by insertion order, which a clock jump cannot disturb. */
export function createFeedbackStore(db: Database.Database): FeedbackStore {
  const page = db.prepare<{ status: string | null; before: number | null; limit: number }, Row>(
    `${SELECT} WHERE (@status IS NULL OR f.status = @status) AND (@before IS NULL OR r.rowid < @before)
      ORDER BY r.rowid DESC LIMIT @limit`,
  );
  const one = db.prepare<[string], Row>(`${SELECT} WHERE f.response_id = ?`);
  // The ids of one page travel as a JSON array: one bound parameter, any length.
  const lowScores = db.prepare<[string, number], { response_id: string; item: string; value: number }>(
    `SELECT response_id, item, value5 AS value FROM answers
      WHERE response_id IN (SELECT value FROM json_each(?)) AND value5 <= ? ORDER BY item`,
  );
  const reasons = db.prepare<[string], { response_id: string; dimension: string; reason: string }>(
    `SELECT response_id, dimension, reason FROM response_reasons WHERE response_id IN (SELECT value FROM json_each(?))`,
  );
  const stats = db.prepare<[], { total: number; handled: number }>(
    "SELECT count(*) AS total, coalesce(sum(status = 'resolved'), 0) AS handled FROM feedback",
  );
  const oldest = db.prepare<[], { response_id: string; submitted_at: string }>(
    `SELECT f.response_id, r.submitted_at FROM feedback f JOIN responses r ON r.id = f.response_id
      WHERE f.status <> 'resolved' ORDER BY r.rowid LIMIT 1`,
  );
  const update = db.prepare<[string, string | null, string, string, string]>(
    // No note given keeps the one there: reopening an item must not erase how it was handled.
    'UPDATE feedback SET status = ?, note = coalesce(?, note), updated_by = ?, updated_at = ? WHERE response_id = ?',
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
    }));
  }

  return {
    page: ({ status, before, limit, threshold }) => complete(page.all({ status, before, limit }), threshold),
    find(responseId, threshold) {
      const row = one.get(responseId);
      return row ? (complete([row], threshold)[0] ?? null) : null;
    },
    stats() {
      const { total, handled } = stats.get() ?? { total: 0, handled: 0 };
      const row = oldest.get();
      return { total, handled, oldestUnhandled: row ? { responseId: row.response_id, submittedAt: row.submitted_at } : null };
    },
    update: ({ responseId, status, note, by, at }) => update.run(status, note, by, at, responseId).changes > 0,
  };
}
