/**
 * The hub's SQLite schema, one entry per version (PRAGMA user_version). Never
 * edit one that has shipped; add the next. postgres.ts holds the same schema in
 * PostgreSQL's dialect, version for version.
 *
 * Why the shape cannot double count:
 * - batches: every accepted batch, keyed by batch_id; (device, date, revision) is
 *   unique too, so two batches can never claim the same revision of a day.
 * - latest: one row per (device, date) naming the batch that counts.
 * - latest_rows (versions 1–3): the counts of that batch only. The deferred foreign
 *   key to latest (device_id, date, batch_id) meant that at commit every row belonged
 *   to the batch latest names, so a report summing latest_rows saw each day once.
 *   Version 4 replaced it by each batch's counts by item (batches.item_counts) and
 *   the kept sums of version 3, moved in the same transaction as latest.
 * Unknown counter/field is '' (a NULL would never collide in a unique key).
 */
export const sqliteMigrations: readonly string[] = [
  /* sql */ `
CREATE TABLE devices (
  device_id   TEXT PRIMARY KEY,
  unit_code   TEXT NOT NULL,
  unit_name   TEXT NOT NULL,
  token_hash  TEXT NOT NULL UNIQUE,
  secret      TEXT NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE batches (
  batch_id     TEXT PRIMARY KEY,
  device_id    TEXT NOT NULL REFERENCES devices (device_id),
  date         TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  revision     INTEGER NOT NULL CHECK (revision >= 1),
  body_hash    TEXT NOT NULL,
  responses    INTEGER NOT NULL CHECK (responses >= 0),
  excluded     INTEGER NOT NULL CHECK (excluded >= 0),
  received_at  TEXT NOT NULL,
  body         TEXT NOT NULL,
  UNIQUE (device_id, date, revision)
) STRICT;

CREATE TABLE latest (
  device_id  TEXT NOT NULL REFERENCES devices (device_id),
  date       TEXT NOT NULL,
  revision   INTEGER NOT NULL,
  batch_id   TEXT NOT NULL UNIQUE REFERENCES batches (batch_id),
  PRIMARY KEY (device_id, date),
  UNIQUE (device_id, date, batch_id)
) STRICT;
CREATE INDEX latest_by_date ON latest (date);

CREATE TABLE latest_rows (
  device_id  TEXT NOT NULL,
  date       TEXT NOT NULL,
  item       TEXT NOT NULL,
  counter    TEXT NOT NULL,
  field      TEXT NOT NULL,
  batch_id   TEXT NOT NULL,
  c1 INTEGER NOT NULL CHECK (c1 >= 0),
  c2 INTEGER NOT NULL CHECK (c2 >= 0),
  c3 INTEGER NOT NULL CHECK (c3 >= 0),
  c4 INTEGER NOT NULL CHECK (c4 >= 0),
  c5 INTEGER NOT NULL CHECK (c5 >= 0),
  PRIMARY KEY (device_id, date, item, counter, field),
  FOREIGN KEY (device_id, date, batch_id) REFERENCES latest (device_id, date, batch_id) DEFERRABLE INITIALLY DEFERRED
) STRICT, WITHOUT ROWID;
CREATE INDEX latest_rows_by_date ON latest_rows (date, item);
`,
  /* sql */ `
-- Version 2: one batch per (device, date, questionnaire id + version), and the four counts
-- (responses = counted + suspect + abandoned). The questionnaire of a stored batch is read
-- from its body. Batches stored before kept only "excluded" (suspect and abandoned
-- together): their counted is responses − excluded, their suspect and abandoned are NULL
-- (not known), never guessed; the kiosk's migration sends those days again, per
-- questionnaire, as higher revisions that replace them. excluded stays, = suspect + abandoned.
-- SQLite cannot change a table's keys in place: each table is renamed, rebuilt and copied
-- (renaming also points the other tables' foreign keys at the old copies, dropped last).
ALTER TABLE latest_rows RENAME TO v1_latest_rows;
ALTER TABLE latest RENAME TO v1_latest;
ALTER TABLE batches RENAME TO v1_batches;
DROP INDEX latest_by_date;
DROP INDEX latest_rows_by_date;

CREATE TABLE batches (
  batch_id               TEXT PRIMARY KEY,
  device_id              TEXT NOT NULL REFERENCES devices (device_id),
  date                   TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  questionnaire_id       TEXT NOT NULL,
  questionnaire_version  INTEGER NOT NULL,
  revision               INTEGER NOT NULL CHECK (revision >= 1),
  body_hash              TEXT NOT NULL,
  responses              INTEGER NOT NULL CHECK (responses >= 0),
  excluded               INTEGER NOT NULL CHECK (excluded >= 0),
  counted                INTEGER NOT NULL CHECK (counted >= 0),
  suspect                INTEGER CHECK (suspect >= 0),
  abandoned              INTEGER CHECK (abandoned >= 0),
  received_at            TEXT NOT NULL,
  body                   TEXT NOT NULL,
  UNIQUE (device_id, date, questionnaire_id, questionnaire_version, revision)
) STRICT;

CREATE TABLE latest (
  device_id              TEXT NOT NULL REFERENCES devices (device_id),
  date                   TEXT NOT NULL,
  questionnaire_id       TEXT NOT NULL,
  questionnaire_version  INTEGER NOT NULL,
  revision               INTEGER NOT NULL,
  batch_id               TEXT NOT NULL UNIQUE REFERENCES batches (batch_id),
  PRIMARY KEY (device_id, date, questionnaire_id, questionnaire_version),
  UNIQUE (device_id, date, batch_id)
) STRICT;
CREATE INDEX latest_by_date ON latest (date);

CREATE TABLE latest_rows (
  device_id              TEXT NOT NULL,
  date                   TEXT NOT NULL,
  questionnaire_id       TEXT NOT NULL,
  questionnaire_version  INTEGER NOT NULL,
  item                   TEXT NOT NULL,
  counter                TEXT NOT NULL,
  field                  TEXT NOT NULL,
  batch_id               TEXT NOT NULL,
  c1 INTEGER NOT NULL CHECK (c1 >= 0),
  c2 INTEGER NOT NULL CHECK (c2 >= 0),
  c3 INTEGER NOT NULL CHECK (c3 >= 0),
  c4 INTEGER NOT NULL CHECK (c4 >= 0),
  c5 INTEGER NOT NULL CHECK (c5 >= 0),
  PRIMARY KEY (device_id, date, questionnaire_id, questionnaire_version, item, counter, field),
  FOREIGN KEY (device_id, date, batch_id) REFERENCES latest (device_id, date, batch_id) DEFERRABLE INITIALLY DEFERRED
) STRICT, WITHOUT ROWID;
CREATE INDEX latest_rows_by_date ON latest_rows (date, questionnaire_id, questionnaire_version, item);

INSERT INTO batches (batch_id, device_id, date, questionnaire_id, questionnaire_version, revision, body_hash,
                     responses, excluded, counted, suspect, abandoned, received_at, body)
SELECT batch_id, device_id, date, json_extract(body, '$.questionnaire.id'), json_extract(body, '$.questionnaire.version'),
       revision, body_hash, responses, excluded, responses - excluded, NULL, NULL, received_at, body
  FROM v1_batches;

INSERT INTO latest (device_id, date, questionnaire_id, questionnaire_version, revision, batch_id)
SELECT l.device_id, l.date, b.questionnaire_id, b.questionnaire_version, l.revision, l.batch_id
  FROM v1_latest l JOIN batches b ON b.batch_id = l.batch_id;

INSERT INTO latest_rows (device_id, date, questionnaire_id, questionnaire_version, item, counter, field, batch_id, c1, c2, c3, c4, c5)
SELECT r.device_id, r.date, b.questionnaire_id, b.questionnaire_version, r.item, r.counter, r.field, r.batch_id, r.c1, r.c2, r.c3, r.c4, r.c5
  FROM v1_latest_rows r JOIN batches b ON b.batch_id = r.batch_id;

DROP TABLE v1_latest_rows;
DROP TABLE v1_latest;
DROP TABLE v1_batches;
`,
  /* sql */ `
-- Version 3: sums kept as batches arrive, so the report page does not re-add every
-- latest row of the country per request (issue 15). Each ingest transaction adds the
-- new revision's contribution and takes away the one it replaces:
-- - month_totals: per (month, questionnaire, device) the latest revisions' four counts
--   and how many device-days they are (kept per device: a unit's "devices" is a
--   COUNT(DISTINCT device) over the period, which per-unit sums could not give);
-- - month_items: per (month, questionnaire, unit, item) the latest rows' c1..c5;
-- - unit_day_items: per (day, questionnaire, unit, item) the same, for the days at the
--   edges of a period that does not fill whole months (a unit-day is 5 to 22 rows, where
--   latest_rows holds every counter × field of every kiosk);
-- - latest also carries its batch's four counts, so those edge days need no join to the
--   (wide) batches table;
-- - day_items: per (day, questionnaire, item) the same, for the all-units trend, in
--   16 stripes by device so concurrent kiosks do not queue on one row (read: SUM over stripes);
-- - device_activity: what "late devices" needs (last day, last receipt, batches stored).
-- Suspect and abandoned not known (NULL, before schema 2) are kept as 0, as the report always showed them.
CREATE TABLE month_totals (
  month                  TEXT NOT NULL,
  questionnaire_id       TEXT NOT NULL,
  questionnaire_version  INTEGER NOT NULL,
  device_id              TEXT NOT NULL REFERENCES devices (device_id),
  device_days            INTEGER NOT NULL,
  responses              INTEGER NOT NULL,
  counted                INTEGER NOT NULL,
  suspect                INTEGER NOT NULL,
  abandoned              INTEGER NOT NULL,
  PRIMARY KEY (month, questionnaire_id, questionnaire_version, device_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE month_items (
  month                  TEXT NOT NULL,
  questionnaire_id       TEXT NOT NULL,
  questionnaire_version  INTEGER NOT NULL,
  unit_code              TEXT NOT NULL,
  item                   TEXT NOT NULL,
  c1 INTEGER NOT NULL, c2 INTEGER NOT NULL, c3 INTEGER NOT NULL, c4 INTEGER NOT NULL, c5 INTEGER NOT NULL,
  PRIMARY KEY (month, questionnaire_id, questionnaire_version, unit_code, item)
) STRICT, WITHOUT ROWID;

CREATE TABLE unit_day_items (
  date                   TEXT NOT NULL,
  questionnaire_id       TEXT NOT NULL,
  questionnaire_version  INTEGER NOT NULL,
  unit_code              TEXT NOT NULL,
  item                   TEXT NOT NULL,
  c1 INTEGER NOT NULL, c2 INTEGER NOT NULL, c3 INTEGER NOT NULL, c4 INTEGER NOT NULL, c5 INTEGER NOT NULL,
  PRIMARY KEY (date, questionnaire_id, questionnaire_version, unit_code, item)
) STRICT, WITHOUT ROWID;

CREATE TABLE day_items (
  date                   TEXT NOT NULL,
  questionnaire_id       TEXT NOT NULL,
  questionnaire_version  INTEGER NOT NULL,
  item                   TEXT NOT NULL,
  stripe                 INTEGER NOT NULL,
  c1 INTEGER NOT NULL, c2 INTEGER NOT NULL, c3 INTEGER NOT NULL, c4 INTEGER NOT NULL, c5 INTEGER NOT NULL,
  PRIMARY KEY (date, questionnaire_id, questionnaire_version, item, stripe)
) STRICT, WITHOUT ROWID;

CREATE TABLE device_activity (
  device_id         TEXT PRIMARY KEY REFERENCES devices (device_id),
  last_date         TEXT NOT NULL,
  last_received_at  TEXT NOT NULL,
  batches           INTEGER NOT NULL
) STRICT;

ALTER TABLE latest ADD COLUMN responses INTEGER NOT NULL DEFAULT 0;
ALTER TABLE latest ADD COLUMN counted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE latest ADD COLUMN suspect INTEGER NOT NULL DEFAULT 0;
ALTER TABLE latest ADD COLUMN abandoned INTEGER NOT NULL DEFAULT 0;
UPDATE latest SET responses = b.responses, counted = b.counted, suspect = COALESCE(b.suspect, 0), abandoned = COALESCE(b.abandoned, 0)
  FROM batches b WHERE b.batch_id = latest.batch_id;

INSERT INTO month_totals (month, questionnaire_id, questionnaire_version, device_id, device_days, responses, counted, suspect, abandoned)
SELECT substr(l.date, 1, 7), l.questionnaire_id, l.questionnaire_version, l.device_id, COUNT(*),
       SUM(b.responses), SUM(b.counted), COALESCE(SUM(b.suspect), 0), COALESCE(SUM(b.abandoned), 0)
  FROM latest l JOIN batches b ON b.batch_id = l.batch_id
 GROUP BY substr(l.date, 1, 7), l.questionnaire_id, l.questionnaire_version, l.device_id;

INSERT INTO month_items (month, questionnaire_id, questionnaire_version, unit_code, item, c1, c2, c3, c4, c5)
SELECT substr(r.date, 1, 7), r.questionnaire_id, r.questionnaire_version, d.unit_code, r.item,
       SUM(r.c1), SUM(r.c2), SUM(r.c3), SUM(r.c4), SUM(r.c5)
  FROM latest_rows r JOIN devices d ON d.device_id = r.device_id
 GROUP BY substr(r.date, 1, 7), r.questionnaire_id, r.questionnaire_version, d.unit_code, r.item;

INSERT INTO unit_day_items (date, questionnaire_id, questionnaire_version, unit_code, item, c1, c2, c3, c4, c5)
SELECT r.date, r.questionnaire_id, r.questionnaire_version, d.unit_code, r.item, SUM(r.c1), SUM(r.c2), SUM(r.c3), SUM(r.c4), SUM(r.c5)
  FROM latest_rows r JOIN devices d ON d.device_id = r.device_id
 GROUP BY r.date, r.questionnaire_id, r.questionnaire_version, d.unit_code, r.item;

INSERT INTO day_items (date, questionnaire_id, questionnaire_version, item, stripe, c1, c2, c3, c4, c5)
SELECT date, questionnaire_id, questionnaire_version, item, 0, SUM(c1), SUM(c2), SUM(c3), SUM(c4), SUM(c5)
  FROM latest_rows GROUP BY date, questionnaire_id, questionnaire_version, item;

INSERT INTO device_activity (device_id, last_date, last_received_at, batches)
SELECT device_id, MAX(date), MAX(received_at), COUNT(*) FROM batches GROUP BY device_id;
`,
  /* sql */ `
-- Version 4: no latest_rows (issue 15: ≈ 70 % of the database and most of the writes per
-- batch). The kept sums of version 3 answer the report; what a replaced revision must take
-- away from them is its counts by item, so each batch now keeps its rows added up by item
-- (item_counts, '[["access",0,1,3,20,33],…]', keptSums.ts) and how many rows it had
-- (row_count, for totals()). The latest revisions get them from latest_rows (what the kept
-- sums were built from), then latest_rows goes. Batches already superseded keep NULL: only
-- the latest revision of a key is ever replaced, so they are never read again.
ALTER TABLE batches ADD COLUMN item_counts TEXT;
ALTER TABLE batches ADD COLUMN row_count INTEGER;
UPDATE batches SET item_counts = '[]', row_count = 0 WHERE batch_id IN (SELECT batch_id FROM latest);
UPDATE batches SET item_counts = v.items, row_count = v.n
  FROM (SELECT batch_id, json_group_array(json_array(item, c1, c2, c3, c4, c5)) AS items, SUM(n) AS n
          FROM (SELECT batch_id, item, SUM(c1) AS c1, SUM(c2) AS c2, SUM(c3) AS c3, SUM(c4) AS c4, SUM(c5) AS c5, COUNT(*) AS n
                  FROM latest_rows GROUP BY batch_id, item)
         GROUP BY batch_id) v
 WHERE batches.batch_id = v.batch_id;
DROP TABLE latest_rows;
`,
  /* sql */ `
-- Version 5: running sums instead of month and unit-day sums (issue 15: the ranking page
-- under 300 ms for any period at the size of a country). Per (device, questionnaire)
-- and each day it sent a batch, device_running holds the sums of its latest revisions
-- from its first day up to that day (running.ts); a period is its last row on or before
-- the period's end minus its last row before the start: two rows per device, whatever
-- the period. running_keys lists each (device, questionnaire) once, for those two
-- lookups. Built here from latest and each latest revision's item_counts: per key,
-- every item's counts added up day after day (a window sum over the key's days × its
-- items), then put back together per day as item_counts (items without answers left out).
CREATE TABLE running_keys (
  device_id              TEXT NOT NULL REFERENCES devices (device_id),
  questionnaire_id       TEXT NOT NULL,
  questionnaire_version  INTEGER NOT NULL,
  PRIMARY KEY (device_id, questionnaire_id, questionnaire_version)
) STRICT, WITHOUT ROWID;

CREATE TABLE device_running (
  device_id              TEXT NOT NULL,
  questionnaire_id       TEXT NOT NULL,
  questionnaire_version  INTEGER NOT NULL,
  date                   TEXT NOT NULL,
  device_days            INTEGER NOT NULL,
  responses              INTEGER NOT NULL,
  counted                INTEGER NOT NULL,
  suspect                INTEGER NOT NULL,
  abandoned              INTEGER NOT NULL,
  item_counts            TEXT NOT NULL,
  version                INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (device_id, questionnaire_id, questionnaire_version, date)
) STRICT, WITHOUT ROWID;

INSERT INTO running_keys (device_id, questionnaire_id, questionnaire_version)
SELECT DISTINCT device_id, questionnaire_id, questionnaire_version FROM latest;

CREATE TEMP TABLE day_item AS
SELECT l.device_id, l.questionnaire_id, l.questionnaire_version, l.date,
       json_extract(e.value, '$[0]') AS item, json_extract(e.value, '$[1]') AS c1, json_extract(e.value, '$[2]') AS c2,
       json_extract(e.value, '$[3]') AS c3, json_extract(e.value, '$[4]') AS c4, json_extract(e.value, '$[5]') AS c5
  FROM latest l JOIN batches b ON b.batch_id = l.batch_id, json_each(b.item_counts) e;
CREATE INDEX temp.day_item_key ON day_item (device_id, questionnaire_id, questionnaire_version, date, item);

CREATE TEMP TABLE running_item AS
SELECT g.device_id, g.questionnaire_id, g.questionnaire_version, g.date, g.item,
       SUM(COALESCE(d.c1, 0)) OVER w AS c1, SUM(COALESCE(d.c2, 0)) OVER w AS c2, SUM(COALESCE(d.c3, 0)) OVER w AS c3,
       SUM(COALESCE(d.c4, 0)) OVER w AS c4, SUM(COALESCE(d.c5, 0)) OVER w AS c5
  FROM (SELECT l.device_id, l.questionnaire_id, l.questionnaire_version, l.date, i.item
          FROM latest l
          JOIN (SELECT DISTINCT device_id, questionnaire_id, questionnaire_version, item FROM day_item) i
            ON i.device_id = l.device_id AND i.questionnaire_id = l.questionnaire_id
           AND i.questionnaire_version = l.questionnaire_version) g
  LEFT JOIN day_item d ON d.device_id = g.device_id AND d.questionnaire_id = g.questionnaire_id
   AND d.questionnaire_version = g.questionnaire_version AND d.date = g.date AND d.item = g.item
WINDOW w AS (PARTITION BY g.device_id, g.questionnaire_id, g.questionnaire_version, g.item ORDER BY g.date);

CREATE TEMP TABLE running_json AS
SELECT device_id, questionnaire_id, questionnaire_version, date, json_group_array(json_array(item, c1, c2, c3, c4, c5)) AS items
  FROM (SELECT * FROM running_item WHERE c1 <> 0 OR c2 <> 0 OR c3 <> 0 OR c4 <> 0 OR c5 <> 0
         ORDER BY device_id, questionnaire_id, questionnaire_version, date, item)
 GROUP BY device_id, questionnaire_id, questionnaire_version, date;

INSERT INTO device_running (device_id, questionnaire_id, questionnaire_version, date, device_days, responses, counted, suspect, abandoned, item_counts)
SELECT t.device_id, t.questionnaire_id, t.questionnaire_version, t.date, t.device_days, t.responses, t.counted, t.suspect, t.abandoned,
       COALESCE(j.items, '[]')
  FROM (SELECT device_id, questionnaire_id, questionnaire_version, date,
               COUNT(*) OVER w AS device_days, SUM(responses) OVER w AS responses, SUM(counted) OVER w AS counted,
               SUM(suspect) OVER w AS suspect, SUM(abandoned) OVER w AS abandoned
          FROM latest
        WINDOW w AS (PARTITION BY device_id, questionnaire_id, questionnaire_version ORDER BY date)) t
  LEFT JOIN running_json j ON j.device_id = t.device_id AND j.questionnaire_id = t.questionnaire_id
   AND j.questionnaire_version = t.questionnaire_version AND j.date = t.date;

DROP TABLE day_item;
DROP TABLE running_item;
DROP TABLE running_json;
DROP TABLE month_totals;
DROP TABLE month_items;
DROP TABLE unit_day_items;
`,
];
