-- Indicators (issue 4): the catalogue (data sets, their data elements, computed indicators, links
-- from plan targets), the observation store every figure goes through, and the entry status and
-- history of each data set per region and period (draft → submitted → approved by the city →
-- approved by the province; returned with a reason).

create table indicator_data_set (
  code         text primary key,
  name         text        not null,
  description  text,
  period_type  text        not null check (period_type in ('year', 'quarter', 'month')),
  -- the level whose regions report it: 2 = prefecture units, 3 = county-level units
  region_level smallint    not null check (region_level in (2, 3)),
  -- entry: people fill it in (form, Excel) and it is approved; otherwise the module that writes it
  source       text        not null check (source in ('entry', 'cases', 'volunteers', 'evaluation')),
  position     integer     not null,
  updated_at   timestamptz not null default now()
);

create table indicator_data_element (
  code          text primary key,
  data_set_code text             not null references indicator_data_set (code),
  name          text             not null,
  description   text,
  unit          text             not null,
  aggregation   text             not null check (aggregation in ('sum', 'average')),
  is_integer    boolean          not null default false,
  min_value     double precision,
  max_value     double precision,
  required      boolean          not null default true,
  position      integer          not null
);
create index indicator_data_element_set_idx on indicator_data_element (data_set_code, position);

create table indicator (
  code             text primary key,
  name             text             not null,
  description      text,
  unit             text             not null,
  direction        text             not null check (direction in ('higher_is_better', 'lower_is_better')),
  aggregation      text             not null check (aggregation in ('sum', 'average', 'ratio')),
  numerator_code   text             not null references indicator_data_element (code),
  denominator_code text references indicator_data_element (code),
  factor           double precision not null check (factor > 0),
  position         integer          not null,
  check ((aggregation = 'ratio') = (denominator_code is not null))
);

-- What measures a plan target: an indicator, or the number (share) of regions holding a title.
create table indicator_target_link (
  target_id       uuid primary key references plan_target (id),
  indicator_code  text references indicator (code),
  title           text,
  title_as        text check (title_as in ('count', 'share')),
  title_levels    text,
  baseline_period text,
  baseline_value  double precision,
  note            text,
  check ((indicator_code is null) <> (title is null)),
  check ((title is null) = (title_as is null))
);
create index indicator_target_link_indicator_idx on indicator_target_link (indicator_code);

-- One figure of one element for one region and period from one kind of source. form and excel are
-- one kind ('entry'): an import overwrites what the form saved. Reads take the first kind present of
-- entry → cases → volunteers → evaluation → demo.
create table observation (
  id                bigint generated always as identity primary key,
  data_set_code     text             not null references indicator_data_set (code),
  data_element_code text             not null references indicator_data_element (code),
  region_code       varchar(12)      not null references region (code),
  prefecture_code   varchar(12),
  period            text             not null,
  value             double precision not null,
  source            text             not null check (source in ('form', 'excel', 'demo', 'cases', 'volunteers', 'evaluation')),
  source_kind       text             not null generated always as
                      (case when source in ('form', 'excel') then 'entry' else source end) stored,
  comment           text,
  entered_by        uuid references app_user (id),
  created_at        timestamptz      not null default now(),
  updated_at        timestamptz      not null default now(),
  unique (data_element_code, region_code, period, source_kind)
);
create index observation_set_period_idx on observation (data_set_code, period, region_code);
create index observation_region_idx on observation (region_code, data_set_code, period);
create index observation_source_idx on observation (source_kind);

-- The entry status of a data set for one reporting region and period (no row = empty).
create table data_entry (
  data_set_code   text        not null references indicator_data_set (code),
  region_code     varchar(12) not null references region (code),
  prefecture_code varchar(12),
  period          text        not null,
  status          text        not null check (status in (
                    'draft', 'submitted', 'approved_city', 'approved_province', 'returned')),
  return_reason   text,
  updated_by      uuid references app_user (id),
  updated_at      timestamptz not null default now(),
  primary key (data_set_code, region_code, period)
);
create index data_entry_period_idx on data_entry (data_set_code, period, status);

-- Every save, import, submission, approval and return, with the return's reason.
create table data_entry_event (
  id            uuid primary key,
  data_set_code text        not null references indicator_data_set (code),
  region_code   varchar(12) not null references region (code),
  period        text        not null,
  action        text        not null check (action in ('save', 'import', 'submit', 'approve', 'return')),
  from_status   text        not null,
  to_status     text        not null,
  reason        text,
  actor_id      uuid references app_user (id),
  actor_name    text        not null,
  at            timestamptz not null default now()
);
create index data_entry_event_entry_idx on data_entry_event (data_set_code, region_code, period, at);
