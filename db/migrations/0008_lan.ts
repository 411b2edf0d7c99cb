/**
 * LAN access (the setting itself is a row of `settings`): counter devices an
 * administrator paired, the one-time codes that pair them, and which device a
 * rating came from. Tokens and codes are stored only as hashes. A device is
 * never deleted, only revoked, so the ratings it sent keep naming it.
 */
export default /* sql */ `
CREATE TABLE paired_devices (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  token_hash  TEXT NOT NULL UNIQUE,
  paired_at   TEXT NOT NULL,
  paired_by   TEXT NOT NULL,
  revoked_at  TEXT,
  revoked_by  TEXT
) STRICT;

CREATE TABLE pairing_codes (
  code_hash   TEXT PRIMARY KEY,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  -- Wrong codes tried while this one was open; too many and it is withdrawn.
  failures    INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
  used_at     TEXT
) STRICT;

ALTER TABLE responses ADD COLUMN paired_device TEXT REFERENCES paired_devices (id);
CREATE INDEX responses_by_paired_device ON responses (paired_device) WHERE paired_device IS NOT NULL;
`;
