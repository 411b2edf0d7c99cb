/**
 * The statements both stores run, written once with `?` parameters (the
 * PostgreSQL store numbers them). Sharing the text is what keeps the two
 * implementations' answers the same; only transactions and the row insert
 * differ per driver.
 */

export const insertBatch = /* sql */ `
INSERT INTO batches (batch_id, device_id, date, revision, body_hash, responses, excluded, received_at, body)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING`;

export const batchHash = 'SELECT body_hash FROM batches WHERE batch_id = ?';

export const latestOf = 'SELECT batch_id, revision FROM latest WHERE device_id = ? AND date = ?';

/** Replaces the day's pointer only for a strictly higher revision; no row changed means stale. */
export const upsertLatest = /* sql */ `
INSERT INTO latest (device_id, date, revision, batch_id) VALUES (?, ?, ?, ?)
ON CONFLICT (device_id, date) DO UPDATE SET revision = excluded.revision, batch_id = excluded.batch_id
WHERE latest.revision < excluded.revision`;

export const deleteLatestRows = 'DELETE FROM latest_rows WHERE device_id = ? AND date = ?';

export const insertDevice = /* sql */ `
INSERT INTO devices (device_id, unit_code, unit_name, token_hash, secret, created_at) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING`;

export const deviceByTokenHash = /* sql */ `
SELECT device_id AS "deviceId", unit_code AS "unitCode", unit_name AS "unitName", secret
FROM devices WHERE token_hash = ?`;

export const deviceStatuses = /* sql */ `
SELECT d.device_id AS "deviceId", d.unit_code AS "unitCode", d.unit_name AS "unitName", d.created_at AS "createdAt",
       MAX(b.date) AS "lastDate", MAX(b.received_at) AS "lastReceivedAt", COUNT(b.batch_id) AS batches
FROM devices d LEFT JOIN batches b ON b.device_id = d.device_id
GROUP BY d.device_id, d.unit_code, d.unit_name, d.created_at
ORDER BY d.unit_code, d.device_id`;

const sums = 'SUM(r.c1) AS c1, SUM(r.c2) AS c2, SUM(r.c3) AS c3, SUM(r.c4) AS c4, SUM(r.c5) AS c5';

export const countsByUnit = /* sql */ `
SELECT d.unit_code AS key, r.item AS item, ${sums}
FROM latest_rows r JOIN devices d ON d.device_id = r.device_id
WHERE r.date BETWEEN ? AND ?
GROUP BY d.unit_code, r.item`;

export const countsByDay = /* sql */ `
SELECT r.date AS key, r.item AS item, ${sums}
FROM latest_rows r
WHERE r.date BETWEEN ? AND ?
GROUP BY r.date, r.item`;

export const countsByDayOfUnit = /* sql */ `
SELECT r.date AS key, r.item AS item, ${sums}
FROM latest_rows r JOIN devices d ON d.device_id = r.device_id
WHERE r.date BETWEEN ? AND ? AND d.unit_code = ?
GROUP BY r.date, r.item`;

/** Every registered unit, with or without batches in the period (a silent commune must show). */
export const unitTotals = /* sql */ `
SELECT d.unit_code AS "unitCode", MIN(d.unit_name) AS "unitName", COUNT(DISTINCT d.device_id) AS devices,
       COUNT(l.batch_id) AS "deviceDays", COALESCE(SUM(b.responses), 0) AS responses, COALESCE(SUM(b.excluded), 0) AS excluded
FROM devices d
LEFT JOIN latest l ON l.device_id = d.device_id AND l.date BETWEEN ? AND ?
LEFT JOIN batches b ON b.batch_id = l.batch_id
GROUP BY d.unit_code
ORDER BY d.unit_code`;

/** Filters for totals(): the device is optional, so the statement is picked, not built from input. */
const totalsWhere = (alias: string, byDevice: boolean) =>
  `${alias}.date BETWEEN ? AND ?${byDevice ? ` AND ${alias}.device_id = ?` : ''}`;

export const totalsOfLatest = (byDevice: boolean) => /* sql */ `
SELECT COUNT(*) AS batches, COALESCE(SUM(b.responses), 0) AS responses, COALESCE(SUM(b.excluded), 0) AS excluded
FROM latest l JOIN batches b ON b.batch_id = l.batch_id
WHERE ${totalsWhere('l', byDevice)}`;

export const totalsOfBatches = (byDevice: boolean) =>
  `SELECT COUNT(*) AS batches FROM batches b WHERE ${totalsWhere('b', byDevice)}`;

export const totalsByItem = (byDevice: boolean) => /* sql */ `
SELECT r.item AS key, r.item AS item, COUNT(*) AS n, ${sums}
FROM latest_rows r
WHERE ${totalsWhere('r', byDevice)}
GROUP BY r.item`;

/** Raw result rows of the count queries, before they become CountsRow. */
export interface CountsSqlRow {
  key: string;
  item: string;
  c1: number;
  c2: number;
  c3: number;
  c4: number;
  c5: number;
}

export const toCounts = (row: CountsSqlRow) => ({
  key: row.key,
  item: row.item,
  counts: [row.c1, row.c2, row.c3, row.c4, row.c5].map(Number) as [number, number, number, number, number],
});

export const WHOLE_TIME = { from: '0000-01-01', to: '9999-12-31' };

/** The totals() answer from its three queries; shared so both stores shape it alike. */
export function assembleTotals(
  latest: { batches: number | string; responses: number | string; excluded: number | string },
  storedBatches: number | string,
  items: ReadonlyArray<CountsSqlRow & { n: number | string }>,
) {
  const byItem: Record<string, [number, number, number, number, number]> = {};
  let rows = 0;
  let answers = 0;
  for (const item of items) {
    const { counts } = toCounts(item);
    byItem[item.item] = counts;
    rows += Number(item.n);
    answers += counts.reduce((sum, n) => sum + n, 0);
  }
  return {
    batches: Number(latest.batches),
    storedBatches: Number(storedBatches),
    responses: Number(latest.responses),
    excluded: Number(latest.excluded),
    rows,
    answers,
    byItem,
  };
}
