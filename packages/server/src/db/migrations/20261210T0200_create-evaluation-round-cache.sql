-- Issue 13: a computed unpublished evaluation round (every region's scorecard and rank) is kept
-- here and read back instead of recomputed. `generation` moves when an outbox event reports a change
-- of the round's inputs (scores, findings, material, incidents, title events); the computed result
-- is valid while `computed_generation` equals it. A result computed while the generation moved is
-- not stored (the write is conditional on the generation read before computing), so no server can
-- keep or serve a result older than the last change delivered. Decision 0174.
create table evaluation_round_cache (
  round_id            uuid        primary key references evaluation_round (id) on delete cascade,
  generation          bigint      not null default 0,
  computed_generation bigint,
  computed            jsonb,
  computed_at         timestamptz,
  invalidated_at      timestamptz
);
