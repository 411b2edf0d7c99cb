/**
 * The citizen's kiosk flow: reasons after a low score, an optional comment and
 * phone number (personal data, kept apart so retention can purge it while the
 * counts stay), and one rating per case code, enforced by the database itself.
 */
export default /* sql */ `
CREATE TABLE response_reasons (
  response_id  TEXT NOT NULL REFERENCES responses (id),
  dimension    TEXT NOT NULL CHECK (dimension IN ('access', 'procedure', 'officer', 'result', 'feedback')),
  reason       TEXT NOT NULL,
  PRIMARY KEY (response_id, dimension, reason)
) STRICT, WITHOUT ROWID;

CREATE TABLE response_personal (
  response_id      TEXT PRIMARY KEY REFERENCES responses (id),
  comment          TEXT,
  phone            TEXT,
  consent_version  TEXT,
  consent_at       TEXT,
  -- A phone number is never stored without the consent it was given under.
  CHECK (phone IS NULL OR (consent_version IS NOT NULL AND consent_at IS NOT NULL))
) STRICT;

CREATE UNIQUE INDEX responses_one_per_case ON responses (case_code_hash)
  WHERE case_code_hash IS NOT NULL AND status = 'completed';
`;
