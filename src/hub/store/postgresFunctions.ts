import * as sql from './sql';

/**
 * The hub's SQL that runs inside PostgreSQL for one batch (postgresStore.ts uses it):
 * the kept sums other than the running rows, the device lock, and the one-round-trip
 * function for a first revision.
 */

/** The seed of the per-device ingest locks' keys (hashtextextended), apart from postgresStore's MIGRATION_LOCK. */
const DEVICE_LOCK = 4_242_002;

/**
 * The kept sums other than the running rows, for one batch in one statement: its
 * key in running_keys, its change to the all-units day_items, its device's activity.
 * PostgreSQL runs data-modifying WITH parts each to completion, in an order of its
 * own but always the same one for the same statement, so every writer runs this
 * very statement, after taking its device's lock: concurrent batches then lock
 * shared rows (day_items, items sorted) in one order.
 * $1 device, $2 $3 questionnaire, $4 date, $5 stripe, $6 items, $7..$11 c1..c5 per
 * item, $12 received at; `p` puts other expressions in their places.
 */
export function keepOthersText(p: readonly string[] = Array.from({ length: 12 }, (_, i) => `$${i + 1}`)): string {
  const at = (n: number) => p[n - 1]!;
  const numbered = (text: string, numbers: number[]) => text.replace(/\?/g, () => at(numbers.shift()!));
  const items = `unnest(${at(6)}::text[], ${at(7)}::bigint[], ${at(8)}::bigint[], ${at(9)}::bigint[], ${at(10)}::bigint[], ${at(11)}::bigint[]) AS u (i, c1, c2, c3, c4, c5)`;
  return `WITH
  kept_key AS (${numbered(sql.addRunningKey, [1, 2, 3])} RETURNING 1),
  kept_day AS (${sql.addDayItems(`SELECT ${at(4)}::text, ${at(2)}::text, ${at(3)}::integer, i, ${at(5)}::integer, c1, c2, c3, c4, c5 FROM ${items}`)} RETURNING 1),
  kept_activity AS (${numbered(sql.noteActivity, [1, 4, 12])} RETURNING 1)
SELECT 1`;
}

/** One transaction's hold on a device's running rows (see running.ts: a day's row is built from the one before). */
export const lockDeviceText = (device: string) => `pg_advisory_xact_lock(hashtextextended(${device}, ${DEVICE_LOCK}))`;

/**
 * hub_first_revision, created in pg_temp on each of the pool's connections (it is
 * code of this hub version, not schema, so two hub versions on one database never
 * overwrite each other's): the first revision of a key (98 % of a country's
 * traffic) in one round trip and one commit, when the hub already knows its
 * device's last running row (lastRunning in openPostgresStore) and the new day comes after it —
 * a country sending its days in order. It stores the batch and its latest pointer
 * as writeBatch does, takes the device's lock, and checks that the last running row
 * is still the one the hub knows (date and version: another hub process may have
 * written since); if so it appends the day's row the hub computed, otherwise it
 * raises RUNNING_MOVED and the whole statement is undone for writeBatch to redo.
 *
 * Its parameters: $1..$16 insertBatch's, $17 stripe, $18 $19 the last row's date and
 * version as known (NULLs: no row yet), $20..$25 the new row (device-days, the four
 * counts, item_counts), $26..$31 the per-item change (items, c1..c5). It answers
 * 'created', 'duplicate', 'conflict', or 'stale' with the stored revision.
 */
export const RUNNING_MOVED = 'HB001';

export function firstRevisionFunction(): string {
  const numbered = (text: string, numbers: number[]) => text.replace(/\?/g, () => `$${numbers.shift()}`);
  const key = 'device_id = $2 AND date = $3 AND questionnaire_id = $4 AND questionnaire_version = $5';
  return `CREATE FUNCTION pg_temp.hub_first_revision(text, text, text, text, integer, integer, text, integer, integer, integer, integer, integer, timestamptz, json,
    text, integer, integer, text, integer, integer, bigint, bigint, bigint, bigint, text, text[], bigint[], bigint[], bigint[], bigint[], bigint[])
  RETURNS TABLE (outcome text, stored_revision integer) LANGUAGE plpgsql AS $fn$
DECLARE
  stored_hash text;
  last_date text;
  last_version integer;
  done integer;
BEGIN
  ${numbered(sql.insertBatch, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16])};
  IF NOT FOUND THEN
    -- A concurrent twin waited on the unique index and now sees the committed row.
    SELECT body_hash INTO stored_hash FROM batches WHERE batch_id = $1;
    IF FOUND THEN
      RETURN QUERY SELECT CASE WHEN stored_hash = $7 THEN 'duplicate' ELSE 'conflict' END, NULL::integer;
    ELSE
      RETURN QUERY SELECT 'stale', COALESCE((SELECT l.revision FROM latest l WHERE l.${key.replace(/ AND /g, ' AND l.')}), $6);
    END IF;
    RETURN;
  END IF;
  ${numbered(sql.upsertLatest, [2, 3, 4, 5, 6, 1, 8, 10, 11, 12])};
  IF NOT FOUND THEN
    -- A higher revision arrived first: this one is not stored (as writeBatch's ROLLBACK).
    DELETE FROM batches WHERE batch_id = $1;
    RETURN QUERY SELECT 'stale', COALESCE((SELECT l.revision FROM latest l WHERE l.${key.replace(/ AND /g, ' AND l.')}), $6);
    RETURN;
  END IF;
  PERFORM ${lockDeviceText('$2')};
  SELECT date, version INTO last_date, last_version FROM device_running
   WHERE device_id = $2 AND questionnaire_id = $4 AND questionnaire_version = $5 ORDER BY date DESC LIMIT 1;
  IF last_date IS DISTINCT FROM $18 OR last_version IS DISTINCT FROM $19 OR last_date >= $3 THEN
    RAISE EXCEPTION 'the running sums of % moved', $2 USING ERRCODE = '${RUNNING_MOVED}';
  END IF;
  ${numbered(sql.putRunning, [2, 4, 5, 3, 20, 21, 22, 23, 24, 25])};
  ${keepOthersText(['$2', '$4', '$5', '$3', '$17', '$26', '$27', '$28', '$29', '$30', '$31', '$13'])} INTO done;
  RETURN QUERY SELECT 'created', NULL::integer;
END
$fn$`;
}
