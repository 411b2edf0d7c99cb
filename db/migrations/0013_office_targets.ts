/**
 * The office's side of the commune's plan (issue 13):
 * - who handled a feedback item and when it was resolved (kept apart from the last
 *   update, so reopening and moving it along never rewrites who resolved it), and the
 *   call-back to a citizen who left a phone number ("đã gọi lại cho người dân");
 * - the desk head (trưởng bộ phận), a flag the administrator gives an officer;
 * - public holidays, which working-day deadlines skip;
 * - the year's targets of the plan, one JSON document per year.
 */
export default /* sql */ `
ALTER TABLE feedback ADD COLUMN resolved_by TEXT;
ALTER TABLE feedback ADD COLUMN resolved_at TEXT;
ALTER TABLE feedback ADD COLUMN callback_day TEXT;
ALTER TABLE feedback ADD COLUMN callback_result TEXT;
ALTER TABLE feedback ADD COLUMN callback_by TEXT;
ALTER TABLE feedback ADD COLUMN callback_at TEXT;

-- Items resolved before this migration: the last update of a resolved item is its resolution.
UPDATE feedback SET resolved_by = updated_by, resolved_at = updated_at WHERE status = 'resolved';

ALTER TABLE officers ADD COLUMN desk_head INTEGER NOT NULL DEFAULT 0 CHECK (desk_head IN (0, 1));

CREATE TABLE holidays (
  day   TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  name  TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE plan_targets (
  year        INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  targets     TEXT NOT NULL CHECK (json_valid(targets)),
  updated_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
`;
