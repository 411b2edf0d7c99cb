/** Officers who sign in with a PIN, and the log of every sign-in attempt. */
export default /* sql */ `
CREATE TABLE officers (
  code             TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  role             TEXT NOT NULL CHECK (role IN ('staff', 'admin')),
  counter          TEXT,
  -- scrypt$N$r$p$salt$hash, never the PIN itself.
  pin_hash         TEXT NOT NULL,
  failed_attempts  INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until     INTEGER,
  active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE sign_ins (
  id       INTEGER PRIMARY KEY,
  officer  TEXT NOT NULL,
  at       TEXT NOT NULL,
  outcome  TEXT NOT NULL CHECK (outcome IN ('ok', 'wrong_pin', 'locked', 'unknown'))
) STRICT;
`;
