/**
 * The statements both stores run, written once with `?` parameters (the
 * PostgreSQL store numbers them). Sharing the text is what keeps the two
 * implementations' answers the same; only transactions and the row insert
 * differ per driver. Every key and every sum carries the questionnaire
 * (id + version): the hub never pools rows of different questionnaires.
 */

import { excludedOf } from '../../domain/responseCounts';
import { decodeItemCounts, encodeItemCounts, type Counts5, type ItemCounts } from './keptSums';
import type { IncomingBatch } from './port';

export const insertBatch = /* sql */ `
INSERT INTO batches (batch_id, device_id, date, questionnaire_id, questionnaire_version, revision, body_hash,
                     responses, excluded, counted, suspect, abandoned, received_at, body, item_counts, row_count)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING`;

/** insertBatch's parameters, in its column order, for both stores; `items` = keptSums.itemSums(batch.rows). */
export const insertBatchParams = (batch: IncomingBatch, items: readonly ItemCounts[]) => {
  const { responses, counted, suspect, abandoned } = batch.totals;
  return [
    batch.batchId,
    batch.deviceId,
    batch.date,
    batch.questionnaire.id,
    batch.questionnaire.version,
    batch.revision,
    batch.bodyHash,
    responses,
    excludedOf(batch.totals),
    counted,
    suspect,
    abandoned,
    batch.receivedAt,
    batch.body,
    encodeItemCounts(items),
    batch.rows.length,
  ] as const;
};

export const batchHash = 'SELECT body_hash FROM batches WHERE batch_id = ?';

export const latestOf = /* sql */ `
SELECT batch_id, revision FROM latest
WHERE device_id = ? AND date = ? AND questionnaire_id = ? AND questionnaire_version = ?`;

export const latestOfDay = /* sql */ `
SELECT questionnaire_id, questionnaire_version, batch_id, revision FROM latest
WHERE device_id = ? AND date = ? ORDER BY questionnaire_id, questionnaire_version`;

/** Replaces the key's pointer only for a strictly higher revision; no row changed means stale. */
export const upsertLatest = /* sql */ `
INSERT INTO latest (device_id, date, questionnaire_id, questionnaire_version, revision, batch_id, responses, counted, suspect, abandoned)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (device_id, date, questionnaire_id, questionnaire_version) DO UPDATE SET revision = excluded.revision, batch_id = excluded.batch_id,
  responses = excluded.responses, counted = excluded.counted, suspect = excluded.suspect, abandoned = excluded.abandoned
WHERE latest.revision < excluded.revision`;

/**
 * The four counts and the counts by item of the revision a new one replaces: its
 * contribution is taken out of the kept sums. Called after upsertLatest
 * succeeded, so the key's row in latest is locked by this transaction: every batch
 * committed for the key was the latest when it committed (a stale one rolls back),
 * hence the highest revision below the new one is the one being replaced.
 */
export const replacedTotals = /* sql */ `
SELECT responses, counted, COALESCE(suspect, 0) AS suspect, COALESCE(abandoned, 0) AS abandoned, item_counts AS "itemCounts"
FROM batches
WHERE device_id = ? AND date = ? AND questionnaire_id = ? AND questionnaire_version = ? AND revision < ?
ORDER BY revision DESC LIMIT 1`;

const addCounts5 = (table: string) =>
  ['c1', 'c2', 'c3', 'c4', 'c5'].map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');

/**
 * Per-item deltas (new revision minus the replaced one) into day_items, the
 * all-units trend. `source` yields the rows: VALUES for SQLite (one item per run),
 * an unnest of arrays for PostgreSQL (all items in one round trip). Items arrive
 * sorted, so concurrent transactions lock shared rows in the same order.
 */
export const addDayItems = (source: string) => /* sql */ `
INSERT INTO day_items (date, questionnaire_id, questionnaire_version, item, stripe, c1, c2, c3, c4, c5)
${source}
ON CONFLICT (date, questionnaire_id, questionnaire_version, item, stripe) DO UPDATE SET ${addCounts5('day_items')}`;

/*
 * The running sums (running.ts). `running_keys` lists each (device, questionnaire)
 * once, so a period reads two running rows per key through the primary key.
 */
const runningKey = 'device_id = ? AND questionnaire_id = ? AND questionnaire_version = ?';

/**
 * What a batch of a day changes of its device's running rows: the last one before
 * the day (what a new day's row starts from), then every one from the day on.
 * Parameters: device, questionnaire id, version, twice, then the day twice.
 */
export const runningAround = /* sql */ `
SELECT date, version, device_days, responses, counted, suspect, abandoned, item_counts FROM device_running
WHERE ${runningKey} AND date >= COALESCE((SELECT MAX(date) FROM device_running WHERE ${runningKey} AND date < ?), ?)
ORDER BY date`;

/** A running row written whole; `version` counts its writes (the PostgreSQL store checks it). */
export const putRunning = /* sql */ `
INSERT INTO device_running (device_id, questionnaire_id, questionnaire_version, date, device_days, responses, counted, suspect, abandoned, item_counts)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (device_id, questionnaire_id, questionnaire_version, date) DO UPDATE SET device_days = excluded.device_days,
  responses = excluded.responses, counted = excluded.counted, suspect = excluded.suspect, abandoned = excluded.abandoned,
  item_counts = excluded.item_counts, version = device_running.version + 1`;

export const addRunningKey = /* sql */ `
INSERT INTO running_keys (device_id, questionnaire_id, questionnaire_version) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`;

/** The last running row of a key on or before a day (`<= ?`) or before it (`< ?`). */
const lastRunning = (alias: string, comparison: '<=' | '<') => `${alias}.date = (
    SELECT MAX(x.date) FROM device_running x
    WHERE x.device_id = k.device_id AND x.questionnaire_id = k.questionnaire_id
      AND x.questionnaire_version = k.questionnaire_version AND x.date ${comparison} ?)`;
const sameKey = (alias: string) =>
  `${alias}.device_id = k.device_id AND ${alias}.questionnaire_id = k.questionnaire_id AND ${alias}.questionnaire_version = k.questionnaire_version`;
const endsOf = (alias: string) =>
  ['device_days', 'responses', 'counted', 'suspect', 'abandoned', 'item_counts']
    .map((c) => `${alias}.${c} AS ${alias === 'e' ? 'end' : 'start'}_${c}`)
    .join(', ');

/**
 * Per (device, questionnaire) with a batch in the period: its running row at the
 * period's end and the one before its start (NULLs when the period holds its first
 * day). Parameters: to, from, from.
 */
export const periodEnds = /* sql */ `
SELECT k.device_id, d.unit_code, d.unit_name, k.questionnaire_id, k.questionnaire_version, ${endsOf('e')}, ${endsOf('s')}
FROM running_keys k
JOIN devices d ON d.device_id = k.device_id
JOIN device_running e ON ${sameKey('e')} AND ${lastRunning('e', '<=')}
LEFT JOIN device_running s ON ${sameKey('s')} AND ${lastRunning('s', '<')}
WHERE e.date >= ?`;

/** A key's last running row on or before a day (`<= ?`) or before it (`< ?`), as a LATERAL subquery. */
const lastRunningLateral = (alias: string, comparison: '<=' | '<') => `LATERAL (
    SELECT r.* FROM device_running r
    WHERE r.device_id = k.device_id AND r.questionnaire_id = k.questionnaire_id
      AND r.questionnaire_version = k.questionnaire_version AND r.date ${comparison} ?
    ORDER BY r.date DESC LIMIT 1) ${alias}`;

/**
 * periodEnds for PostgreSQL (SQLite has no LATERAL): each end is one backward scan of
 * the key's index that stops at its row, where MAX() and then an equality probe
 * descended the index twice. A country's period is 13,000 of these probes, and
 * their index pages mostly come from outside shared_buffers. Parameters: to, from, from.
 */
export const periodEndsLateral = /* sql */ `
SELECT k.device_id, d.unit_code, d.unit_name, k.questionnaire_id, k.questionnaire_version, ${endsOf('e')}, ${endsOf('s')}
FROM running_keys k
JOIN devices d ON d.device_id = k.device_id
CROSS JOIN ${lastRunningLateral('e', '<=')}
LEFT JOIN ${lastRunningLateral('s', '<')} ON true
WHERE e.date >= ?`;

/**
 * One unit's running rows in the period, each (device, questionnaire) preceded by
 * its last row before the period (what its first day is measured from).
 * Parameters: unit, from, from, to.
 */
export const unitRunningDays = /* sql */ `
SELECT r.device_id, r.questionnaire_id, r.questionnaire_version, r.date, r.item_counts
FROM running_keys k
JOIN devices d ON d.device_id = k.device_id
JOIN device_running r ON ${sameKey('r')}
WHERE d.unit_code = ? AND r.date >= COALESCE((
    SELECT MAX(x.date) FROM device_running x
    WHERE x.device_id = k.device_id AND x.questionnaire_id = k.questionnaire_id
      AND x.questionnaire_version = k.questionnaire_version AND x.date < ?), ?) AND r.date <= ?
ORDER BY r.device_id, r.questionnaire_id, r.questionnaire_version, r.date`;

export const noteActivity = /* sql */ `
INSERT INTO device_activity (device_id, last_date, last_received_at, batches) VALUES (?, ?, ?, 1)
ON CONFLICT (device_id) DO UPDATE SET
  last_date = CASE WHEN excluded.last_date > device_activity.last_date THEN excluded.last_date ELSE device_activity.last_date END,
  last_received_at = CASE WHEN excluded.last_received_at > device_activity.last_received_at
                          THEN excluded.last_received_at ELSE device_activity.last_received_at END,
  batches = device_activity.batches + 1`;

export const insertDevice = /* sql */ `
INSERT INTO devices (device_id, unit_code, unit_name, token_hash, secret, created_at) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING`;

export const deviceByTokenHash = /* sql */ `
SELECT device_id AS "deviceId", unit_code AS "unitCode", unit_name AS "unitName", secret
FROM devices WHERE token_hash = ?`;

/** From device_activity, kept per ingest: the page must not count every stored batch per request. */
export const deviceStatuses = /* sql */ `
SELECT d.device_id AS "deviceId", d.unit_code AS "unitCode", d.unit_name AS "unitName", d.created_at AS "createdAt",
       a.last_date AS "lastDate", a.last_received_at AS "lastReceivedAt", COALESCE(a.batches, 0) AS batches
FROM devices d LEFT JOIN device_activity a ON a.device_id = d.device_id
ORDER BY d.unit_code, d.device_id`;

/** The all-units trend: day_items holds every day (its stripes are added here). */
export const countsByDay = /* sql */ `
SELECT questionnaire_id AS "questionnaireId", questionnaire_version AS "questionnaireVersion", date AS key, item,
       SUM(c1) AS c1, SUM(c2) AS c2, SUM(c3) AS c3, SUM(c4) AS c4, SUM(c5) AS c5
FROM day_items
WHERE date BETWEEN ? AND ?
GROUP BY questionnaire_id, questionnaire_version, date, item`;

/** Every registered unit, with or without batches (a silent commune must show). */
export const units = /* sql */ `
SELECT unit_code AS "unitCode", MIN(unit_name) AS "unitName", COUNT(*) AS devices
FROM devices GROUP BY unit_code ORDER BY unit_code`;

/** Filters for totals(): the device is optional, so the statement is picked, not built from input. */
const totalsWhere = (alias: string, byDevice: boolean) =>
  `${alias}.date BETWEEN ? AND ?${byDevice ? ` AND ${alias}.device_id = ?` : ''}`;

export const totalsOfLatest = (byDevice: boolean) => /* sql */ `
SELECT COUNT(*) AS batches, COALESCE(SUM(b.responses), 0) AS responses, COALESCE(SUM(b.counted), 0) AS counted,
       COALESCE(SUM(b.suspect), 0) AS suspect, COALESCE(SUM(b.abandoned), 0) AS abandoned
FROM latest l JOIN batches b ON b.batch_id = l.batch_id
WHERE ${totalsWhere('l', byDevice)}`;

export const totalsOfBatches = (byDevice: boolean) =>
  `SELECT COUNT(*) AS batches FROM batches b WHERE ${totalsWhere('b', byDevice)}`;

/** The latest revisions' counts by item, added up in assembleTotals (a check, not a page: no kept sum per device). */
export const totalsOfItems = (byDevice: boolean) => /* sql */ `
SELECT b.questionnaire_id AS "questionnaireId", b.questionnaire_version AS "questionnaireVersion",
       b.item_counts AS "itemCounts", b.row_count AS "rowCount"
FROM latest l JOIN batches b ON b.batch_id = l.batch_id
WHERE ${totalsWhere('l', byDevice)}`;

/** A row of totalsOfItems. */
export interface LatestItemsRow {
  questionnaireId: string;
  questionnaireVersion: number | string;
  itemCounts: string | null;
  rowCount: number | string | null;
}

/** Raw result rows of the count queries, before they become CountsRow. */
export interface CountsSqlRow {
  questionnaireId: string;
  questionnaireVersion: number | string;
  key: string;
  item: string;
  c1: number;
  c2: number;
  c3: number;
  c4: number;
  c5: number;
}

export const toCounts = (row: CountsSqlRow) => ({
  questionnaire: { id: row.questionnaireId, version: Number(row.questionnaireVersion) },
  key: row.key,
  item: row.item,
  counts: [row.c1, row.c2, row.c3, row.c4, row.c5].map(Number) as [number, number, number, number, number],
});

export const WHOLE_TIME = { from: '0000-01-01', to: '9999-12-31' };

/** The totals() answer from its three queries; shared so both stores shape it alike. */
export function assembleTotals(
  latest: {
    batches: number | string;
    responses: number | string;
    counted: number | string;
    suspect: number | string;
    abandoned: number | string;
  },
  storedBatches: number | string,
  latestItems: readonly LatestItemsRow[],
) {
  const byItem: Record<string, Counts5> = {};
  const byQuestionnaire: Record<string, Record<string, Counts5>> = {};
  const addTo = (to: Record<string, Counts5>, item: string, counts: Counts5) =>
    (to[item] = (to[item] ?? [0, 0, 0, 0, 0]).map((n, i) => n + counts[i]!) as Counts5);
  let rows = 0;
  let answers = 0;
  for (const batch of latestItems) {
    const questionnaire = `${batch.questionnaireId}@${Number(batch.questionnaireVersion)}`;
    for (const { item, counts } of decodeItemCounts(batch.itemCounts)) {
      addTo(byItem, item, counts);
      addTo((byQuestionnaire[questionnaire] ??= {}), item, counts);
      answers += counts.reduce((sum, n) => sum + n, 0);
    }
    rows += Number(batch.rowCount);
  }
  return {
    batches: Number(latest.batches),
    storedBatches: Number(storedBatches),
    responses: Number(latest.responses),
    counted: Number(latest.counted),
    suspect: Number(latest.suspect),
    abandoned: Number(latest.abandoned),
    rows,
    answers,
    byItem,
    byQuestionnaire,
  };
}
