/**
 * The feedback inbox in the order of its responses, by an index (issue 14). The
 * inbox lists newest first by the response's insertion order (its rowid, which a
 * clock jump cannot disturb), and the oldest open item first. Until now that order
 * lived on responses only, so a page of one status, or the oldest open item after
 * a long resolved history, walked responses until enough items of that status
 * turned up — all of them when few had it.
 *
 * Each item now keeps its response's rowid (`response_seq`), written by a trigger
 * whenever an item is added (at submission, or later when a changed rating calls
 * for one): no writer has to know, and an item added late for an older response
 * still sorts where its response does. Indexed by status then order, a page of
 * one status is one index range read newest first, stopping at its LIMIT; the
 * index on status alone is a prefix of it and goes.
 */
export default /* sql */ `
ALTER TABLE feedback ADD COLUMN response_seq INTEGER;

UPDATE feedback SET response_seq = (SELECT r.rowid FROM responses r WHERE r.id = feedback.response_id);

CREATE TRIGGER feedback_response_seq AFTER INSERT ON feedback BEGIN
  UPDATE feedback SET response_seq = (SELECT r.rowid FROM responses r WHERE r.id = NEW.response_id) WHERE rowid = NEW.rowid;
END;

DROP INDEX feedback_by_status;
CREATE INDEX feedback_by_status ON feedback (status, response_seq);
CREATE INDEX feedback_by_order ON feedback (response_seq);
`;
