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

/** Adds a (signed) contribution to a device's month; device_days is +1 for a new key, 0 for a replacement. */
export const addMonthTotals = /* sql */ `
INSERT INTO month_totals (month, questionnaire_id, questionnaire_version, device_id, device_days, responses, counted, suspect, abandoned)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (month, questionnaire_id, questionnaire_version, device_id) DO UPDATE SET
  device_days = month_totals.device_days + excluded.device_days, responses = month_totals.responses + excluded.responses,
  counted = month_totals.counted + excluded.counted, suspect = month_totals.suspect + excluded.suspect,
  abandoned = month_totals.abandoned + excluded.abandoned`;

const addCounts5 = (table: string) =>
  ['c1', 'c2', 'c3', 'c4', 'c5'].map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');

/**
 * Per-item deltas (new revision minus the replaced one) into month_items,
 * unit_day_items and day_items. `source` yields the rows: VALUES for SQLite (one item per run), an
 * unnest of arrays for PostgreSQL (all items in one round trip). Items arrive
 * sorted, so concurrent transactions lock shared rows in the same order.
 */
export const addMonthItems = (source: string) => /* sql */ `
INSERT INTO month_items (month, questionnaire_id, questionnaire_version, unit_code, item, c1, c2, c3, c4, c5)
${source}
ON CONFLICT (month, questionnaire_id, questionnaire_version, unit_code, item) DO UPDATE SET ${addCounts5('month_items')}`;

export const addUnitDayItems = (source: string) => /* sql */ `
INSERT INTO unit_day_items (date, questionnaire_id, questionnaire_version, unit_code, item, c1, c2, c3, c4, c5)
${source}
ON CONFLICT (date, questionnaire_id, questionnaire_version, unit_code, item) DO UPDATE SET ${addCounts5('unit_day_items')}`;

export const addDayItems = (source: string) => /* sql */ `
INSERT INTO day_items (date, questionnaire_id, questionnaire_version, item, stripe, c1, c2, c3, c4, c5)
${source}
ON CONFLICT (date, questionnaire_id, questionnaire_version, item, stripe) DO UPDATE SET ${addCounts5('day_items')}`;

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

const sums = 'SUM(r.c1) AS c1, SUM(r.c2) AS c2, SUM(r.c3) AS c3, SUM(r.c4) AS c4, SUM(r.c5) AS c5';
const questionnaire = 'r.questionnaire_id AS "questionnaireId", r.questionnaire_version AS "questionnaireVersion"';

/*
 * The report's statements read a period in parts (store/periods.ts): months from
 * the per-month sums, days added from the per-day ones (unit_day_items, and latest,
 * which carries each batch's four counts), and days taken away from a month read
 * whole. Their ten parameters are always: first month, last month, the two added
 * day ranges, the two taken-away day ranges (an empty part matches nothing).
 */
const edgeDays = (alias: string) => `(${alias}.date BETWEEN ? AND ? OR ${alias}.date BETWEEN ? AND ?)`;

export const countsByUnit = /* sql */ `
SELECT s.questionnaire_id AS "questionnaireId", s.questionnaire_version AS "questionnaireVersion", s.unit_code AS key, s.item AS item,
       SUM(s.c1) AS c1, SUM(s.c2) AS c2, SUM(s.c3) AS c3, SUM(s.c4) AS c4, SUM(s.c5) AS c5
FROM (
  SELECT questionnaire_id, questionnaire_version, unit_code, item, c1, c2, c3, c4, c5
  FROM month_items WHERE month BETWEEN ? AND ?
  UNION ALL
  SELECT questionnaire_id, questionnaire_version, unit_code, item, c1, c2, c3, c4, c5
  FROM unit_day_items u WHERE ${edgeDays('u')}
  UNION ALL
  SELECT questionnaire_id, questionnaire_version, unit_code, item, -c1, -c2, -c3, -c4, -c5
  FROM unit_day_items m WHERE ${edgeDays('m')}
) s
GROUP BY s.questionnaire_id, s.questionnaire_version, s.unit_code, s.item`;

/** The all-units trend: day_items holds every day, so no edges (its stripes are added here). */
export const countsByDay = /* sql */ `
SELECT questionnaire_id AS "questionnaireId", questionnaire_version AS "questionnaireVersion", date AS key, item,
       SUM(c1) AS c1, SUM(c2) AS c2, SUM(c3) AS c3, SUM(c4) AS c4, SUM(c5) AS c5
FROM day_items
WHERE date BETWEEN ? AND ?
GROUP BY questionnaire_id, questionnaire_version, date, item`;

/** One unit's trend: its kept sums by day (a unit's year is a few thousand rows). */
export const countsByDayOfUnit = /* sql */ `
SELECT ${questionnaire}, r.date AS key, r.item AS item, ${sums}
FROM unit_day_items r
WHERE r.date BETWEEN ? AND ? AND r.unit_code = ?
GROUP BY r.questionnaire_id, r.questionnaire_version, r.date, r.item`;

/**
 * The four counts per unit and questionnaire in the period, from the latest revisions:
 * per device first, so a device whose only batches are on days taken away from a
 * month (its device-days then add up to 0) is not counted among the unit's devices.
 */
export const unitTotals = /* sql */ `
SELECT d.unit_code AS "unitCode", MIN(d.unit_name) AS "unitName",
       s.questionnaire_id AS "questionnaireId", s.questionnaire_version AS "questionnaireVersion",
       COUNT(*) AS devices, SUM(s.device_days) AS "deviceDays",
       SUM(s.responses) AS responses, SUM(s.counted) AS counted, SUM(s.suspect) AS suspect, SUM(s.abandoned) AS abandoned
FROM (
  SELECT device_id, questionnaire_id, questionnaire_version, SUM(device_days) AS device_days, SUM(responses) AS responses,
         SUM(counted) AS counted, SUM(suspect) AS suspect, SUM(abandoned) AS abandoned
  FROM (
    SELECT device_id, questionnaire_id, questionnaire_version, device_days, responses, counted, suspect, abandoned
    FROM month_totals WHERE month BETWEEN ? AND ?
    UNION ALL
    SELECT device_id, questionnaire_id, questionnaire_version, 1, responses, counted, suspect, abandoned
    FROM latest l WHERE ${edgeDays('l')}
    UNION ALL
    SELECT device_id, questionnaire_id, questionnaire_version, -1, -responses, -counted, -suspect, -abandoned
    FROM latest m WHERE ${edgeDays('m')}
  ) parts
  GROUP BY device_id, questionnaire_id, questionnaire_version
  HAVING SUM(device_days) > 0
) s
JOIN devices d ON d.device_id = s.device_id
GROUP BY d.unit_code, s.questionnaire_id, s.questionnaire_version
ORDER BY s.questionnaire_id, s.questionnaire_version, d.unit_code`;

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

/** Numbers from either driver (PostgreSQL's sums arrive as strings before the pool's parser, SQLite's as numbers). */
export const toUnitTotals = (row: Record<string, unknown>) => ({
  unitCode: String(row.unitCode),
  unitName: String(row.unitName),
  questionnaire: { id: String(row.questionnaireId), version: Number(row.questionnaireVersion) },
  devices: Number(row.devices),
  deviceDays: Number(row.deviceDays),
  counts: {
    responses: Number(row.responses),
    counted: Number(row.counted),
    suspect: Number(row.suspect),
    abandoned: Number(row.abandoned),
  },
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
