/** Questionnaires (versioned, never changed in place), responses and their answers. */
export default /* sql */ `
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

CREATE TABLE questionnaires (
  id          TEXT NOT NULL,
  version     INTEGER NOT NULL CHECK (version >= 1),
  definition  TEXT NOT NULL CHECK (json_valid(definition)),
  created_at  TEXT NOT NULL,
  PRIMARY KEY (id, version)
) STRICT;

CREATE TABLE responses (
  id                     TEXT PRIMARY KEY,
  device_id              TEXT NOT NULL,
  questionnaire_id       TEXT NOT NULL,
  questionnaire_version  INTEGER NOT NULL,
  started_at             TEXT NOT NULL,
  submitted_at           TEXT NOT NULL,
  local_day              TEXT NOT NULL,
  language               TEXT NOT NULL CHECK (language IN ('vi', 'en')),
  counter                TEXT,
  officer                TEXT,
  field                  TEXT,
  case_code_hash         TEXT,
  status                 TEXT NOT NULL CHECK (status IN ('completed', 'abandoned')),
  flags                  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(flags) AND json_type(flags) = 'array'),
  -- Counted in the index: completed and not flagged (e.g. suspected misuse).
  counted                INTEGER NOT NULL GENERATED ALWAYS AS (status = 'completed' AND flags = '[]') VIRTUAL,
  FOREIGN KEY (questionnaire_id, questionnaire_version) REFERENCES questionnaires (id, version)
) STRICT;

CREATE INDEX responses_by_day ON responses (local_day, status);

CREATE TABLE answers (
  response_id  TEXT NOT NULL REFERENCES responses (id),
  item         TEXT NOT NULL,
  points       INTEGER NOT NULL CHECK (points IN (3, 5)),
  -- NULL is "Không ý kiến" (no opinion): stored, never counted.
  score        INTEGER CHECK (score IS NULL OR score BETWEEN 1 AND points),
  -- The five-point value that carries the same words (see src/domain/scale.ts).
  value5       INTEGER GENERATED ALWAYS AS (
                 CASE WHEN points = 5 THEN score
                      WHEN score = 1 THEN 2 WHEN score = 2 THEN 4 WHEN score = 3 THEN 5 END
               ) VIRTUAL,
  PRIMARY KEY (response_id, item)
) STRICT, WITHOUT ROWID;
`;
