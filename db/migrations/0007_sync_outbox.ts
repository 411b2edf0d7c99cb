/**
 * The upstream sync outbox (docs/SYNC-PROTOCOL.md). `sync_days` is marked dirty by
 * the very transaction that stores a response; the builder turns a finished
 * dirty day into its next revision in `outbox` and clears the flag in one
 * transaction, so an answer is in exactly one batch of the latest revision.
 * UNIQUE (local_day, revision): the database, not a read-then-insert, keeps a
 * revision from being built twice. Days answered before this version are
 * marked dirty so their history is sent too.
 */
export default /* sql */ `
CREATE TABLE sync_days (
  local_day      TEXT PRIMARY KEY,
  dirty          INTEGER NOT NULL CHECK (dirty IN (0, 1)),
  last_revision  INTEGER NOT NULL DEFAULT 0 CHECK (last_revision >= 0)
) STRICT, WITHOUT ROWID;

CREATE TABLE outbox (
  batch_id         TEXT PRIMARY KEY,
  local_day        TEXT NOT NULL,
  revision         INTEGER NOT NULL CHECK (revision >= 1),
  -- Canonical JSON, the exact bytes sent (and signed) every time.
  body             TEXT NOT NULL CHECK (json_valid(body)),
  -- failed: refused for good by the collector (parked) until the configuration changes.
  state            TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'superseded', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at  TEXT,
  last_error       TEXT,
  created_at       TEXT NOT NULL,
  sent_at          TEXT,
  UNIQUE (local_day, revision)
) STRICT;

CREATE INDEX outbox_by_state ON outbox (state, local_day, revision);

INSERT INTO sync_days (local_day, dirty, last_revision) SELECT DISTINCT local_day, 1, 0 FROM responses;
`;
