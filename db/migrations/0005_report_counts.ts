/**
 * Report counts kept beside the raw rows, written in the same transaction as
 * each response. Two grains: by day only (day_*: a year is a few thousand rows,
 * for unfiltered reports and trends) and by day, counter, officer and field (for
 * filters and the tables by counter/officer/field). `kind` separates what the
 * index counts from what it excludes by default (suspect, abandoned). Unknown
 * counter/officer/field is '' (a NULL in a primary key would not collide with
 * another NULL). Existing rows are counted in.
 *
 * Also the feedback inbox: every response with a low rating, reasons or a comment,
 * and how staff handled it.
 */
export default /* sql */ `
CREATE TABLE answer_counts (
  local_day              TEXT NOT NULL,
  kind                   TEXT NOT NULL CHECK (kind IN ('counted', 'suspect', 'abandoned')),
  questionnaire_id       TEXT NOT NULL,
  questionnaire_version  INTEGER NOT NULL,
  counter                TEXT NOT NULL,
  officer                TEXT NOT NULL,
  field                  TEXT NOT NULL,
  item                   TEXT NOT NULL,
  value5                 INTEGER NOT NULL CHECK (value5 BETWEEN 1 AND 5),
  n                      INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (local_day, kind, questionnaire_id, questionnaire_version, counter, officer, field, item, value5)
) STRICT, WITHOUT ROWID;

CREATE TABLE response_counts (
  local_day              TEXT NOT NULL,
  kind                   TEXT NOT NULL CHECK (kind IN ('counted', 'suspect', 'abandoned')),
  questionnaire_id       TEXT NOT NULL,
  questionnaire_version  INTEGER NOT NULL,
  counter                TEXT NOT NULL,
  officer                TEXT NOT NULL,
  field                  TEXT NOT NULL,
  n                      INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (local_day, kind, questionnaire_id, questionnaire_version, counter, officer, field)
) STRICT, WITHOUT ROWID;

CREATE TABLE day_answer_counts (
  local_day              TEXT NOT NULL,
  kind                   TEXT NOT NULL CHECK (kind IN ('counted', 'suspect', 'abandoned')),
  questionnaire_id       TEXT NOT NULL,
  questionnaire_version  INTEGER NOT NULL,
  item                   TEXT NOT NULL,
  value5                 INTEGER NOT NULL CHECK (value5 BETWEEN 1 AND 5),
  n                      INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (local_day, kind, questionnaire_id, questionnaire_version, item, value5)
) STRICT, WITHOUT ROWID;

CREATE TABLE day_response_counts (
  local_day              TEXT NOT NULL,
  kind                   TEXT NOT NULL CHECK (kind IN ('counted', 'suspect', 'abandoned')),
  questionnaire_id       TEXT NOT NULL,
  questionnaire_version  INTEGER NOT NULL,
  n                      INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (local_day, kind, questionnaire_id, questionnaire_version)
) STRICT, WITHOUT ROWID;

INSERT INTO response_counts
SELECT local_day,
       CASE WHEN status = 'abandoned' THEN 'abandoned' WHEN flags <> '[]' THEN 'suspect' ELSE 'counted' END,
       questionnaire_id, questionnaire_version, coalesce(counter, ''), coalesce(officer, ''), coalesce(field, ''), count(*)
  FROM responses
 GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO answer_counts
SELECT r.local_day,
       CASE WHEN r.status = 'abandoned' THEN 'abandoned' WHEN r.flags <> '[]' THEN 'suspect' ELSE 'counted' END,
       r.questionnaire_id, r.questionnaire_version, coalesce(r.counter, ''), coalesce(r.officer, ''), coalesce(r.field, ''),
       a.item, a.value5, count(*)
  FROM responses r JOIN answers a ON a.response_id = r.id
 WHERE a.value5 IS NOT NULL
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

INSERT INTO day_answer_counts
SELECT local_day, kind, questionnaire_id, questionnaire_version, item, value5, sum(n) FROM answer_counts GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO day_response_counts
SELECT local_day, kind, questionnaire_id, questionnaire_version, sum(n) FROM response_counts GROUP BY 1, 2, 3, 4;

CREATE TABLE feedback (
  response_id  TEXT PRIMARY KEY REFERENCES responses (id),
  status       TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'resolved')),
  note         TEXT,
  updated_by   TEXT,
  updated_at   TEXT
) STRICT;

CREATE INDEX feedback_by_status ON feedback (status);

INSERT INTO feedback (response_id)
SELECT r.id FROM responses r
 WHERE EXISTS (SELECT 1 FROM answers a WHERE a.response_id = r.id AND a.value5 <= 2)
    OR EXISTS (SELECT 1 FROM response_reasons x WHERE x.response_id = r.id)
    OR EXISTS (SELECT 1 FROM response_personal p WHERE p.response_id = r.id AND p.comment IS NOT NULL);
`;
