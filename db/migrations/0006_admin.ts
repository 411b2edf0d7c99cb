/**
 * The administrator's side: an audit log of every admin action (who, what, when,
 * before/after), the export batches handed to the upper level, and officer photos.
 */
export default /* sql */ `
CREATE TABLE audit_log (
  id       INTEGER PRIMARY KEY,
  at       TEXT NOT NULL,
  officer  TEXT NOT NULL,
  action   TEXT NOT NULL,
  target   TEXT,
  before   TEXT CHECK (before IS NULL OR json_valid(before)),
  after    TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;

CREATE TABLE export_batches (
  id               TEXT PRIMARY KEY,
  created_at       TEXT NOT NULL,
  created_by       TEXT NOT NULL,
  from_day         TEXT NOT NULL,
  to_day           TEXT NOT NULL,
  -- The responses in the batch are exactly those with from_rowid < rowid <= to_rowid
  -- and a local day in the period, so a re-export reads the very same rows.
  from_rowid       INTEGER NOT NULL,
  to_rowid         INTEGER NOT NULL,
  response_count   INTEGER NOT NULL,
  format           TEXT NOT NULL CHECK (format IN ('csv', 'xlsx', 'json')),
  personal_data    INTEGER NOT NULL CHECK (personal_data IN (0, 1)),
  sha256           TEXT NOT NULL,
  file_name        TEXT NOT NULL
) STRICT;

ALTER TABLE officers ADD COLUMN photo TEXT;
`;
