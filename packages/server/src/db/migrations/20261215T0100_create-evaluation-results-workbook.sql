-- Issue 13: a published round's results workbook is kept once it is written, per publication
-- version, and sent from here to every later download. `inputs_hash` is the SHA-256 of what the
-- file shows beside the frozen scores (the round's name, its framework's model flag, the ranking
-- with its region names and the publication's date): a rename changes the hash, so a kept file
-- whose inputs have moved is written again instead of sent. The frozen scores of a version never
-- change. Local to the coordinator (docs/SCALE-OUT.md). Decision 0211.
create table evaluation_results_workbook (
  round_id    uuid        not null,
  version     integer     not null,
  inputs_hash text        not null,
  file        bytea       not null,
  written_at  timestamptz not null default now(),
  primary key (round_id, version),
  foreign key (round_id, version) references evaluation_publication (round_id, version) on delete cascade
);
