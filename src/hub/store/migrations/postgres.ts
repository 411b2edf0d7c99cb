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
];
