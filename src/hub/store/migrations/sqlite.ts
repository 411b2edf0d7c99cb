/**
 * The hub's SQLite schema, one entry per version (PRAGMA user_version). Never
 * edit one that has shipped; add the next. postgres.ts holds the same schema in
 * PostgreSQL's dialect, version for version.
 *
 * Why the shape cannot double count:
 * - batches: every accepted batch, keyed by batch_id; (device, date, revision) is
 *   unique too, so two batches can never claim the same revision of a day.
 * - latest: one row per (device, date) naming the batch that counts.
 * - latest_rows: the counts of that batch only. The deferred foreign key to
 *   latest (device_id, date, batch_id) means that at commit every row belongs to
 *   the batch latest names, so a report summing latest_rows sees each day once.
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
];
