/**
 * One upstream batch per (day, questionnaire id + version) (docs/SYNC-PROTOCOL.md):
 * the outbox's change record and its batches gain the questionnaire, and the
 * totals become the four counts of src/domain/responseCounts.ts.
 *
 * What happens to what was there:
 * - sync_days is keyed by (local_day, questionnaire_id, questionnaire_version),
 *   one row for every pair a stored response has. Every pair is dirty: the
 *   batches sent before this version pooled a day's questionnaires under the one
 *   used most and did not split the responses left out of the index into suspect
 *   and abandoned, so each day is sent again, per questionnaire, and replaces them.
 * - last_revision continues from the highest revision any batch of that day had
 *   under that questionnaire (read from its body), so the corrected batch outranks
 *   what the collector holds; a questionnaire never sent for that day starts at 1.
 * - outbox keeps every batch, with the questionnaire read from its body: sent and
 *   superseded ones stay as history. Unsent ones (pending, or parked after a
 *   refusal) are in the old format, which the collector refuses now: they are
 *   superseded, saying so, and their day goes again as above.
 * UNIQUE (local_day, questionnaire_id, questionnaire_version, revision) keeps a
 * revision from being built twice, as (local_day, revision) did.
 */
export default /* sql */ `
CREATE TABLE sync_keys (
  local_day              TEXT NOT NULL,
  questionnaire_id       TEXT NOT NULL,
  questionnaire_version  INTEGER NOT NULL,
  dirty                  INTEGER NOT NULL CHECK (dirty IN (0, 1)),
  last_revision          INTEGER NOT NULL DEFAULT 0 CHECK (last_revision >= 0),
  PRIMARY KEY (local_day, questionnaire_id, questionnaire_version)
) STRICT, WITHOUT ROWID;

CREATE TABLE outbox_keyed (
  batch_id               TEXT PRIMARY KEY,
  local_day              TEXT NOT NULL,
  questionnaire_id       TEXT NOT NULL,
  questionnaire_version  INTEGER NOT NULL,
  revision               INTEGER NOT NULL CHECK (revision >= 1),
  body                   TEXT NOT NULL CHECK (json_valid(body)),
  state                  TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'superseded', 'failed')),
  attempts               INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at        TEXT,
  last_error             TEXT,
  created_at             TEXT NOT NULL,
  sent_at                TEXT,
  UNIQUE (local_day, questionnaire_id, questionnaire_version, revision)
) STRICT;

INSERT INTO outbox_keyed (batch_id, local_day, questionnaire_id, questionnaire_version, revision, body, state,
                          attempts, next_attempt_at, last_error, created_at, sent_at)
SELECT batch_id, local_day, json_extract(body, '$.questionnaire.id'), json_extract(body, '$.questionnaire.version'), revision, body,
       CASE WHEN state IN ('pending', 'failed') THEN 'superseded' ELSE state END,
       attempts,
       CASE WHEN state IN ('pending', 'failed') THEN NULL ELSE next_attempt_at END,
       CASE WHEN state IN ('pending', 'failed') THEN 'replaced before it was sent: the day goes again as one batch per questionnaire'
            ELSE last_error END,
       created_at, sent_at
  FROM outbox;

INSERT INTO sync_keys (local_day, questionnaire_id, questionnaire_version, dirty, last_revision)
SELECT c.local_day, c.questionnaire_id, c.questionnaire_version, 1,
       coalesce((SELECT max(o.revision) FROM outbox_keyed o
                  WHERE o.local_day = c.local_day AND o.questionnaire_id = c.questionnaire_id
                    AND o.questionnaire_version = c.questionnaire_version), 0)
  FROM (SELECT DISTINCT local_day, questionnaire_id, questionnaire_version FROM responses) c;

DROP TABLE sync_days;
DROP TABLE outbox;
ALTER TABLE sync_keys RENAME TO sync_days;
ALTER TABLE outbox_keyed RENAME TO outbox;
CREATE INDEX outbox_by_state ON outbox (state, local_day, questionnaire_id, questionnaire_version, revision);
`;
