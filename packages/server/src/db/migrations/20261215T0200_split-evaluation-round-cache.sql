-- Issue 13: the kept computation of an unpublished round is split in two. `computed` (jsonb) keeps
-- every region's rank and headline figures, which the ranking reads; `scores` (bytea) keeps each
-- region's whole scorecard as compressed JSON, one slice per region at the offset `computed` names,
-- so one region's scorecard is read as its slice. A national year-end round's computation kept whole
-- was about 253 MB of JSON, above jsonb's limit of 268,435,455 bytes for its binary form: keeping
-- it failed and the round's ranking answered 500. What was kept is dropped: the next read computes
-- it again. Decision 0212.
alter table evaluation_round_cache add column scores bytea;
update evaluation_round_cache set computed = null, computed_generation = null, computed_at = null;
