-- Problem cases (issue 6): categories, the holiday calendar, cases with their reporters, timeline,
-- photos and ratings, idempotency keys of intake, and dispatch rules. problem_case carries
-- prefecture_code (the case region's prefecture) for Citus, like every table that grows with use.

create table case_category (
  code              text primary key,
  name              text        not null,
  kind              text        not null check (kind in ('component', 'event')),
  parent_code       text references case_category (code),
  description       text,
  -- null for a group (大类)
  limit_amount      integer     check (limit_amount is null or limit_amount > 0),
  limit_unit        text        check (limit_unit in ('hours', 'days')),
  default_unit_name text,
  active            boolean     not null default true,
  sort_order        integer     not null default 0,
  updated_at        timestamptz not null default now(),
  check ((parent_code is null) = (limit_amount is null) and (limit_amount is null) = (limit_unit is null))
);

-- One row per holiday (day off) or adjusted working day (调休上班), with the year's source notice.
create table case_calendar_year (
  year   integer primary key,
  source text not null
);
create table case_calendar_day (
  day  date    primary key,
  year integer not null references case_calendar_year (year) on delete cascade,
  kind text    not null check (kind in ('holiday', 'workday'))
);

-- Settings of intake: how near and how recent an open case must be to be suggested as a duplicate.
create table case_setting (
  id                 boolean primary key default true check (id),
  duplicate_metres   integer not null default 200 check (duplicate_metres between 10 and 5000),
  duplicate_days     integer not null default 30 check (duplicate_days between 1 and 365),
  updated_at         timestamptz not null default now()
);
insert into case_setting (id) values (true);

create sequence case_number_seq;

create table problem_case (
  id                 uuid primary key,
  -- YYYYMMDD (China date of the report) + 6-digit sequence, e.g. 20261128000042
  number             text        not null unique,
  category_code      text        not null references case_category (code),
  region_code        varchar(12) not null references region (code),
  -- the region's path, copied so that scope tests are one prefix match on this table
  region_path        text        not null,
  prefecture_code    varchar(12),
  description        text        not null,
  lat                double precision,
  lng                double precision,
  address            text,
  channel            text        not null check (channel in ('resident_web', 'inspector', 'hotline', 'staff', 'open311')),
  status             text        not null check (status in ('submitted', 'accepted', 'rejected', 'duplicate', 'dispatched', 'handling', 'handled', 'closed')),
  org_unit_id        uuid references org_unit (id),
  -- the unit the dispatch rules name at intake; the dispatcher may choose another
  suggested_unit_id  uuid references org_unit (id),
  created_by         uuid references app_user (id),
  reported_at        timestamptz not null,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  accepted_at        timestamptz,
  dispatched_at      timestamptz,
  started_at         timestamptz,
  handled_at         timestamptz,
  handled_by         uuid references app_user (id),
  closed_at          timestamptz,
  deadline           timestamptz not null,
  -- set while the clock waits on the reporter
  paused_at          timestamptz,
  rework_count       integer     not null default 0,
  verified_count     integer     not null default 0,
  reject_reason      text,
  merged_into_id     uuid references problem_case (id),
  -- {amount, unit, reason, requestedAt} while an extension request waits for a decision
  pending_extension  jsonb,
  -- overdue escalations so far (0: none; 1: to the unit's superior; 2: to the one above)
  escalation_level   integer     not null default 0,
  check ((lat is null) = (lng is null))
);
create index problem_case_scope_idx on problem_case (region_path text_pattern_ops, created_at desc);
create index problem_case_created_idx on problem_case (created_at desc, id desc);
create index problem_case_unit_idx on problem_case (org_unit_id, status, deadline);
create index problem_case_status_idx on problem_case (status, deadline);
-- duplicate suggestions: open cases of a category near a latitude
create index problem_case_open_near_idx on problem_case (category_code, lat)
  where status in ('submitted', 'accepted', 'dispatched', 'handling', 'handled');
create index problem_case_merged_idx on problem_case (merged_into_id) where merged_into_id is not null;

-- Reporters follow a case with a secret token (only its hash is kept). Merging a case copies its
-- reporters to the surviving case, so every reporter follows and may rate the survivor.
create table case_reporter (
  id             uuid primary key,
  case_id        uuid        not null references problem_case (id),
  -- the case the reporter filed (differs from case_id after a merge)
  origin_case_id uuid        not null references problem_case (id),
  token_hash     text        not null,
  -- {name?, phone?}: never public
  contact        jsonb,
  user_id        uuid references app_user (id),
  created_at     timestamptz not null default now(),
  unique (case_id, token_hash)
);
create index case_reporter_token_idx on case_reporter (token_hash);

-- A retried submission with the same key returns the same case.
create table case_intake_key (
  key         text primary key,
  case_id     uuid        not null references problem_case (id),
  fingerprint text        not null,
  created_at  timestamptz not null default now()
);

create table case_event (
  id           uuid primary key,
  case_id      uuid        not null references problem_case (id),
  seq          bigserial,
  kind         text        not null,
  at           timestamptz not null default now(),
  -- the case's status after the event
  status       text        not null,
  note         text,
  actor_id     uuid references app_user (id),
  actor_name   text,
  org_unit_id  uuid references org_unit (id),
  data         jsonb
);
create index case_event_case_idx on case_event (case_id, seq);

create table case_photo (
  id            uuid primary key,
  -- null until the photo is used in an intake or an action; unattached photos are swept after a day
  case_id       uuid references problem_case (id),
  kind          text        not null check (kind in ('before', 'after', 'verification')),
  event_id      uuid references case_event (id),
  file_name     text        not null,
  content_type  text        not null,
  size_bytes    bigint      not null,
  sha256        text        not null,
  storage_key   text        not null,
  display_key   text        not null,
  width         integer,
  height        integer,
  uploaded_by   uuid references app_user (id),
  uploaded_at   timestamptz not null default now()
);
create index case_photo_case_idx on case_photo (case_id, uploaded_at);
create index case_photo_unattached_idx on case_photo (uploaded_at) where case_id is null;

create table case_rating (
  id            uuid primary key,
  case_id       uuid        not null references problem_case (id),
  reporter_id   uuid        not null references case_reporter (id),
  satisfaction  smallint    not null check (satisfaction between 1 and 5),
  fixed         boolean     not null,
  comment       text,
  at            timestamptz not null default now()
);
create index case_rating_case_idx on case_rating (case_id, at);

-- Which unit handles a category in a region (and below it); category null = every category.
create table case_dispatch_rule (
  id            uuid primary key,
  region_code   varchar(12) not null references region (code),
  category_code text references case_category (code),
  org_unit_id   uuid        not null references org_unit (id),
  created_at    timestamptz not null default now()
);
create unique index case_dispatch_rule_key on case_dispatch_rule (region_code, coalesce(category_code, ''));
