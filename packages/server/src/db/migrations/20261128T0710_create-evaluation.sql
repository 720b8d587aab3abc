-- Evaluation (issue 5): framework editions and their versions, rounds, score entry (results,
-- findings, the cities' material), incidents of the negative list, and published results.
-- A framework version holds the whole document (jsonb): rounds pin a version, and the
-- computation reads the document once instead of a row per standard.

create table evaluation_framework (
  id                uuid primary key,
  edition           text        not null unique,
  name              text        not null,
  owner_region_code varchar(12) not null references region (code),
  is_model          boolean     not null default false,
  current_version   integer     not null,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now()
);

create table evaluation_framework_version (
  id              uuid primary key,
  framework_id    uuid        not null references evaluation_framework (id),
  version         integer     not null,
  document        jsonb       not null,
  checksum        text        not null,
  standard_count  integer     not null,
  note            text        not null,
  -- standards added / removed / changed against the previous version
  added           integer     not null default 0,
  removed         integer     not null default 0,
  changed         integer     not null default 0,
  created_by      uuid        references app_user (id),
  created_by_name text        not null,
  created_at      timestamptz not null default now(),
  unique (framework_id, version)
);

create table evaluation_round (
  id                   uuid primary key,
  name                 text        not null,
  kind                 text        not null check (kind in ('routine', 'year_end')),
  status               text        not null default 'planned'
                         check (status in ('planned', 'open', 'scoring', 'under_review', 'published')),
  year                 smallint    not null,
  period_start         date        not null,
  period_end           date        not null,
  test_date            date        not null,
  owner_region_code    varchar(12) not null references region (code),
  framework_id         uuid        not null references evaluation_framework (id),
  framework_version_id uuid        not null references evaluation_framework_version (id),
  published_at         timestamptz,
  created_by           uuid        not null references app_user (id),
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now(),
  check (period_end >= period_start)
);
create index evaluation_round_created_idx on evaluation_round (created_at desc, id desc);

create table evaluation_round_region (
  round_id        uuid        not null references evaluation_round (id) on delete cascade,
  region_code     varchar(12) not null references region (code),
  prefecture_code varchar(12),
  city_group      text        not null check (city_group in ('capital', 'prefecture', 'county', 'district')),
  primary key (round_id, region_code)
);
create index evaluation_round_region_region_idx on evaluation_round_region (region_code);

create table evaluation_assignment (
  round_id     uuid        not null references evaluation_round (id) on delete cascade,
  user_id      uuid        not null references app_user (id),
  method       text        not null,
  -- empty: every region of the round
  region_codes text[]      not null default '{}',
  primary key (round_id, user_id, method)
);

-- Material a city uploads for a standard (网上申报); files hang off it as attachments.
create table evaluation_evidence (
  id              uuid primary key,
  round_id        uuid        not null references evaluation_round (id),
  region_code     varchar(12) not null references region (code),
  prefecture_code varchar(12),
  standard_code   text        not null,
  note            text        not null default '',
  submitted_by    uuid        not null references app_user (id),
  submitted_at    timestamptz not null default now()
);
create index evaluation_evidence_round_idx on evaluation_evidence (round_id, region_code, standard_code);

-- A measured result per standard: checks passed, satisfaction, an indicator value, or "reviewed".
create table evaluation_result (
  round_id        uuid        not null references evaluation_round (id),
  region_code     varchar(12) not null references region (code),
  standard_code   text        not null,
  prefecture_code varchar(12),
  checked         integer     check (checked is null or checked >= 0),
  passed          integer     check (passed is null or passed >= 0),
  satisfaction    numeric(6, 2) check (satisfaction is null or satisfaction between 0 and 100),
  value           double precision,
  reviewed        boolean     not null default false,
  source          text        not null default 'manual' check (source in ('manual', 'indicator')),
  note            text        not null default '',
  scorer_id       uuid        not null references app_user (id),
  updated_at      timestamptz not null default now(),
  primary key (round_id, region_code, standard_code),
  check (passed is null or checked is null or passed <= checked)
);

-- A deduction with its reason, scorer and evidence; withdrawn with a reason, never deleted.
create table evaluation_finding (
  id               uuid primary key,
  round_id         uuid        not null references evaluation_round (id),
  region_code      varchar(12) not null references region (code),
  prefecture_code  varchar(12),
  standard_code    text        not null,
  description      text        not null check (length(btrim(description)) > 0),
  deduction        numeric(8, 2) not null check (deduction >= 0),
  site_type        text,
  location         text,
  evidence_id      uuid        references evaluation_evidence (id),
  scorer_id        uuid        not null references app_user (id),
  created_at       timestamptz not null default now(),
  withdrawn_at     timestamptz,
  withdrawn_by     uuid        references app_user (id),
  withdrawn_reason text
);
create index evaluation_finding_round_idx on evaluation_finding (round_id, region_code, standard_code);

create table evaluation_incident (
  id              uuid primary key,
  region_code     varchar(12) not null references region (code),
  prefecture_code varchar(12),
  framework_id    uuid        not null references evaluation_framework (id),
  category        text        not null,
  occurred_on     date        not null,
  title           text        not null,
  description     text        not null,
  recorded_by     uuid        not null references app_user (id),
  recorded_at     timestamptz not null default now()
);
create index evaluation_incident_region_idx on evaluation_incident (region_code, occurred_on);
create index evaluation_incident_recorded_idx on evaluation_incident (recorded_at desc, id desc);

-- Results frozen when a round is published: rankings across rounds and cycles read these.
create table evaluation_round_result (
  round_id           uuid        not null references evaluation_round (id),
  region_code        varchar(12) not null references region (code),
  city_group         text        not null,
  main_score         numeric(8, 2) not null,
  minors_score       numeric(8, 2),
  minors_gate_passed boolean,
  deducted           numeric(8, 2) not null,
  total              numeric(8, 2) not null,
  rate               numeric(8, 4) not null,
  rank               integer     not null,
  unscored           integer     not null,
  primary key (round_id, region_code)
);
create index evaluation_round_result_region_idx on evaluation_round_result (region_code);

-- What publishing a round did to each region: criticism, suspension (with its title event).
create table evaluation_round_effect (
  id             uuid primary key,
  round_id       uuid        not null references evaluation_round (id),
  region_code    varchar(12) not null references region (code),
  effect         text        not null,
  label          text        not null,
  title_event_id uuid        references region_title_event (id)
);
create index evaluation_round_effect_round_idx on evaluation_round_effect (round_id);

-- Evidence files of evaluation (a city's material, a finding's photos, an incident's documents)
-- are attachments too. Owner types are checked by the attachments module in code, so feature
-- migrations no longer have to rewrite one shared CHECK list.
alter table attachment drop constraint if exists attachment_owner_type_check;
