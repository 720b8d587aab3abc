-- Evaluation results a city cannot contest (issue 15).
--
-- A published round is frozen in every view: each publication is a numbered version holding
-- every region's whole scorecard as it was published (tree, losses, deductions, rank, group
-- figures). A correction is a new version with its date and reason; earlier versions stay
-- readable. evaluation_round_result keeps the results in force (the latest version), which the
-- cycle, eligibility and "previous round" comparisons read.

create table evaluation_publication (
  round_id          uuid        not null references evaluation_round (id),
  version           integer     not null check (version >= 1),
  published_at      timestamptz not null default now(),
  -- the date of the decision (通报) that publishes the results; threshold sanctions take effect on it
  decided_on        date,
  reason            text        not null,
  published_by      uuid        references app_user (id),
  published_by_name text        not null,
  primary key (round_id, version)
);

create table evaluation_publication_region (
  round_id           uuid        not null,
  version            integer     not null,
  region_code        varchar(12) not null references region (code),
  prefecture_code    varchar(12),
  city_group         text        not null,
  main_score         numeric(8, 2) not null,
  minors_score       numeric(8, 2),
  minors_gate_passed boolean,
  deducted           numeric(8, 2) not null,
  total              numeric(8, 2) not null,
  rate               numeric(8, 4) not null,
  rank               integer     not null,
  previous_total     numeric(8, 2),
  -- the whole Scorecard as published (packages/core evaluation.ts), read back as it is
  scorecard          jsonb       not null,
  primary key (round_id, version, region_code),
  foreign key (round_id, version) references evaluation_publication (round_id, version)
);

-- Rounds published before this migration: their first publication, without stored scorecards
-- (those are recomputed from their frozen raw entries, as before).
insert into evaluation_publication (round_id, version, published_at, decided_on, reason, published_by, published_by_name)
select r.id, 1, r.published_at, null, '首次发布', r.created_by, coalesce(u.display_name, '')
from evaluation_round r
left join app_user u on u.id = r.created_by
where r.status = 'published' and r.published_at is not null;

-- 暗访: an unannounced round is secret to the evaluated regions until it is published.
alter table evaluation_round add column unannounced boolean not null default false;

-- A standard marked not applicable to a region (the reason is the result's note).
alter table evaluation_result add column not_applicable boolean not null default false;
