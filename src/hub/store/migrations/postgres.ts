/**
 * The hub's PostgreSQL schema, version for version the same as sqlite.ts (read
 * the reasons there). Applied by postgresStore.ts under an advisory lock, all
 * pending versions in one transaction (PostgreSQL's DDL is transactional), and
 * recorded in hub_schema_version. Dates stay text (YYYY-MM-DD) as in SQLite so
 * both stores compare and return them identically; the body is json, which
 * PostgreSQL keeps byte for byte, so a stored signature can be checked again.
 */
export const postgresMigrations: readonly string[] = [
  /* sql */ `
CREATE TABLE devices (
  device_id   text PRIMARY KEY,
  unit_code   text NOT NULL,
  unit_name   text NOT NULL,
  token_hash  text NOT NULL UNIQUE,
  secret      text NOT NULL,
  created_at  timestamptz NOT NULL
);

CREATE TABLE batches (
  batch_id     text PRIMARY KEY,
  device_id    text NOT NULL REFERENCES devices (device_id),
  date         text NOT NULL CHECK (date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  revision     integer NOT NULL CHECK (revision >= 1),
  body_hash    text NOT NULL,
  responses    integer NOT NULL CHECK (responses >= 0),
  excluded     integer NOT NULL CHECK (excluded >= 0),
  received_at  timestamptz NOT NULL,
  body         json NOT NULL,
  UNIQUE (device_id, date, revision)
);

CREATE TABLE latest (
  device_id  text NOT NULL REFERENCES devices (device_id),
  date       text NOT NULL,
  revision   integer NOT NULL,
  batch_id   text NOT NULL UNIQUE REFERENCES batches (batch_id),
  PRIMARY KEY (device_id, date),
  UNIQUE (device_id, date, batch_id)
);
CREATE INDEX latest_by_date ON latest (date);

CREATE TABLE latest_rows (
  device_id  text NOT NULL,
  date       text NOT NULL,
  item       text NOT NULL,
  counter    text NOT NULL,
  field      text NOT NULL,
  batch_id   text NOT NULL,
  c1 integer NOT NULL CHECK (c1 >= 0),
  c2 integer NOT NULL CHECK (c2 >= 0),
  c3 integer NOT NULL CHECK (c3 >= 0),
  c4 integer NOT NULL CHECK (c4 >= 0),
  c5 integer NOT NULL CHECK (c5 >= 0),
  PRIMARY KEY (device_id, date, item, counter, field),
  FOREIGN KEY (device_id, date, batch_id) REFERENCES latest (device_id, date, batch_id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX latest_rows_by_date ON latest_rows (date, item);
`,
  /* sql */ `
-- Version 2, as sqlite.ts version 2 (read the reasons there): the questionnaire joins
-- every key, and the four counts; suspect and abandoned are NULL for batches stored before.
ALTER TABLE batches ADD COLUMN questionnaire_id text, ADD COLUMN questionnaire_version integer,
  ADD COLUMN counted integer CHECK (counted >= 0), ADD COLUMN suspect integer CHECK (suspect >= 0),
  ADD COLUMN abandoned integer CHECK (abandoned >= 0);
UPDATE batches SET questionnaire_id = body->'questionnaire'->>'id',
  questionnaire_version = (body->'questionnaire'->>'version')::integer, counted = responses - excluded;
ALTER TABLE batches ALTER COLUMN questionnaire_id SET NOT NULL, ALTER COLUMN questionnaire_version SET NOT NULL,
  ALTER COLUMN counted SET NOT NULL;
ALTER TABLE batches DROP CONSTRAINT batches_device_id_date_revision_key;
ALTER TABLE batches ADD UNIQUE (device_id, date, questionnaire_id, questionnaire_version, revision);

ALTER TABLE latest ADD COLUMN questionnaire_id text, ADD COLUMN questionnaire_version integer;
UPDATE latest l SET questionnaire_id = b.questionnaire_id, questionnaire_version = b.questionnaire_version
  FROM batches b WHERE b.batch_id = l.batch_id;
ALTER TABLE latest ALTER COLUMN questionnaire_id SET NOT NULL, ALTER COLUMN questionnaire_version SET NOT NULL;
ALTER TABLE latest DROP CONSTRAINT latest_pkey;
ALTER TABLE latest ADD PRIMARY KEY (device_id, date, questionnaire_id, questionnaire_version);

ALTER TABLE latest_rows ADD COLUMN questionnaire_id text, ADD COLUMN questionnaire_version integer;
UPDATE latest_rows r SET questionnaire_id = b.questionnaire_id, questionnaire_version = b.questionnaire_version
  FROM batches b WHERE b.batch_id = r.batch_id;
ALTER TABLE latest_rows ALTER COLUMN questionnaire_id SET NOT NULL, ALTER COLUMN questionnaire_version SET NOT NULL;
ALTER TABLE latest_rows DROP CONSTRAINT latest_rows_pkey;
ALTER TABLE latest_rows ADD PRIMARY KEY (device_id, date, questionnaire_id, questionnaire_version, item, counter, field);
DROP INDEX latest_rows_by_date;
CREATE INDEX latest_rows_by_date ON latest_rows (date, questionnaire_id, questionnaire_version, item);
`,
  /* sql */ `
-- Version 3, as sqlite.ts version 3 (read the reasons there): the sums kept as batches arrive.
CREATE TABLE month_totals (
  month                  text NOT NULL,
  questionnaire_id       text NOT NULL,
  questionnaire_version  integer NOT NULL,
  device_id              text NOT NULL REFERENCES devices (device_id),
  device_days            integer NOT NULL,
  responses              bigint NOT NULL,
  counted                bigint NOT NULL,
  suspect                bigint NOT NULL,
  abandoned              bigint NOT NULL,
  PRIMARY KEY (month, questionnaire_id, questionnaire_version, device_id)
);

CREATE TABLE month_items (
  month                  text NOT NULL,
  questionnaire_id       text NOT NULL,
  questionnaire_version  integer NOT NULL,
  unit_code              text NOT NULL,
  item                   text NOT NULL,
  c1 bigint NOT NULL, c2 bigint NOT NULL, c3 bigint NOT NULL, c4 bigint NOT NULL, c5 bigint NOT NULL,
  PRIMARY KEY (month, questionnaire_id, questionnaire_version, unit_code, item)
);

CREATE TABLE unit_day_items (
  date                   text NOT NULL,
  questionnaire_id       text NOT NULL,
  questionnaire_version  integer NOT NULL,
  unit_code              text NOT NULL,
  item                   text NOT NULL,
  c1 bigint NOT NULL, c2 bigint NOT NULL, c3 bigint NOT NULL, c4 bigint NOT NULL, c5 bigint NOT NULL,
  PRIMARY KEY (date, questionnaire_id, questionnaire_version, unit_code, item)
);

CREATE TABLE day_items (
  date                   text NOT NULL,
  questionnaire_id       text NOT NULL,
  questionnaire_version  integer NOT NULL,
  item                   text NOT NULL,
  stripe                 integer NOT NULL,
  c1 bigint NOT NULL, c2 bigint NOT NULL, c3 bigint NOT NULL, c4 bigint NOT NULL, c5 bigint NOT NULL,
  PRIMARY KEY (date, questionnaire_id, questionnaire_version, item, stripe)
);

CREATE TABLE device_activity (
  device_id         text PRIMARY KEY REFERENCES devices (device_id),
  last_date         text NOT NULL,
  last_received_at  timestamptz NOT NULL,
  batches           bigint NOT NULL
);

ALTER TABLE latest ADD COLUMN responses integer NOT NULL DEFAULT 0, ADD COLUMN counted integer NOT NULL DEFAULT 0,
  ADD COLUMN suspect integer NOT NULL DEFAULT 0, ADD COLUMN abandoned integer NOT NULL DEFAULT 0;
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
-- Version 4, as sqlite.ts version 4 (read the reasons there): each batch's counts by item
-- instead of latest_rows. item_counts is text, not json: the hub only writes and reads it
-- whole, and the same text as SQLite's.
ALTER TABLE batches ADD COLUMN item_counts text, ADD COLUMN row_count integer;
UPDATE batches SET item_counts = '[]', row_count = 0 WHERE batch_id IN (SELECT batch_id FROM latest);
UPDATE batches b SET item_counts = v.items, row_count = v.n
  FROM (SELECT batch_id, json_agg(json_build_array(item, c1, c2, c3, c4, c5) ORDER BY item)::text AS items, SUM(n)::integer AS n
          FROM (SELECT batch_id, item, SUM(c1) AS c1, SUM(c2) AS c2, SUM(c3) AS c3, SUM(c4) AS c4, SUM(c5) AS c5, COUNT(*) AS n
                  FROM latest_rows GROUP BY batch_id, item) g
         GROUP BY batch_id) v
 WHERE b.batch_id = v.batch_id;
DROP TABLE latest_rows;
`,
  /* sql */ `
-- Version 5, as sqlite.ts version 5 (read the reasons there): running sums instead of month
-- and unit-day sums. item_counts is text, as in batches and in SQLite (the ingest function
-- reads it as jsonb to add a batch's change in SQL): a third of jsonb's size on disk.
CREATE TABLE running_keys (
  device_id              text NOT NULL REFERENCES devices (device_id),
  questionnaire_id       text NOT NULL,
  questionnaire_version  integer NOT NULL,
  PRIMARY KEY (device_id, questionnaire_id, questionnaire_version)
);

CREATE TABLE device_running (
  device_id              text NOT NULL,
  questionnaire_id       text NOT NULL,
  questionnaire_version  integer NOT NULL,
  date                   text NOT NULL,
  device_days            integer NOT NULL,
  responses              bigint NOT NULL,
  counted                bigint NOT NULL,
  suspect                bigint NOT NULL,
  abandoned              bigint NOT NULL,
  item_counts            text NOT NULL,
  version                integer NOT NULL DEFAULT 1,
  PRIMARY KEY (device_id, questionnaire_id, questionnaire_version, date)
);

INSERT INTO running_keys (device_id, questionnaire_id, questionnaire_version)
SELECT DISTINCT device_id, questionnaire_id, questionnaire_version FROM latest;

CREATE TEMP TABLE day_item ON COMMIT DROP AS
SELECT l.device_id, l.questionnaire_id, l.questionnaire_version, l.date, e->>0 AS item,
       (e->>1)::bigint AS c1, (e->>2)::bigint AS c2, (e->>3)::bigint AS c3, (e->>4)::bigint AS c4, (e->>5)::bigint AS c5
  FROM latest l JOIN batches b ON b.batch_id = l.batch_id, jsonb_array_elements(b.item_counts::jsonb) e;

INSERT INTO device_running (device_id, questionnaire_id, questionnaire_version, date, device_days, responses, counted, suspect, abandoned, item_counts)
SELECT t.device_id, t.questionnaire_id, t.questionnaire_version, t.date, t.device_days, t.responses, t.counted, t.suspect, t.abandoned,
       COALESCE(j.items::text, '[]')
  FROM (SELECT device_id, questionnaire_id, questionnaire_version, date,
               COUNT(*) OVER w AS device_days, SUM(responses) OVER w AS responses, SUM(counted) OVER w AS counted,
               SUM(suspect) OVER w AS suspect, SUM(abandoned) OVER w AS abandoned
          FROM latest
        WINDOW w AS (PARTITION BY device_id, questionnaire_id, questionnaire_version ORDER BY date)) t
  LEFT JOIN (
    SELECT device_id, questionnaire_id, questionnaire_version, date,
           jsonb_agg(jsonb_build_array(item, c1, c2, c3, c4, c5) ORDER BY item) AS items
      FROM (SELECT g.device_id, g.questionnaire_id, g.questionnaire_version, g.date, g.item,
                   SUM(COALESCE(d.c1, 0)) OVER w AS c1, SUM(COALESCE(d.c2, 0)) OVER w AS c2, SUM(COALESCE(d.c3, 0)) OVER w AS c3,
                   SUM(COALESCE(d.c4, 0)) OVER w AS c4, SUM(COALESCE(d.c5, 0)) OVER w AS c5
              FROM (SELECT l.device_id, l.questionnaire_id, l.questionnaire_version, l.date, i.item
                      FROM latest l
                      JOIN (SELECT DISTINCT device_id, questionnaire_id, questionnaire_version, item FROM day_item) i
                        ON i.device_id = l.device_id AND i.questionnaire_id = l.questionnaire_id
                       AND i.questionnaire_version = l.questionnaire_version) g
              LEFT JOIN day_item d ON d.device_id = g.device_id AND d.questionnaire_id = g.questionnaire_id
               AND d.questionnaire_version = g.questionnaire_version AND d.date = g.date AND d.item = g.item
            WINDOW w AS (PARTITION BY g.device_id, g.questionnaire_id, g.questionnaire_version, g.item ORDER BY g.date)) r
     WHERE c1 <> 0 OR c2 <> 0 OR c3 <> 0 OR c4 <> 0 OR c5 <> 0
     GROUP BY device_id, questionnaire_id, questionnaire_version, date) j
    ON j.device_id = t.device_id AND j.questionnaire_id = t.questionnaire_id
   AND j.questionnaire_version = t.questionnaire_version AND j.date = t.date;

DROP TABLE month_totals, month_items, unit_day_items;
`,
];
