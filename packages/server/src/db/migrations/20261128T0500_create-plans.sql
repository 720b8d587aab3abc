-- The action plan as data: one row per plan, every imported version kept whole, and the
-- current version's programmes, tasks, units, targets and milestones as rows. Rows are
-- matched by their natural keys across versions (task number, target code), so that
-- progress reported against a task survives a revised plan; rows a revision drops are
-- marked retired, never deleted.

create table plan (
  id                  uuid primary key,
  code                text        not null unique,
  name                text        not null,
  issuing_region_code varchar(12) not null references region (code),
  period_start        date        not null,
  period_end          date        not null,
  reporting_cadence   text        not null,
  current_version     integer     not null,
  updated_at          timestamptz not null default now()
);

create table plan_version (
  plan_id     uuid        not null references plan (id),
  version     integer     not null,
  -- the validated plan file, as imported
  document    jsonb       not null,
  source_name text        not null,
  checksum    text        not null,
  imported_at timestamptz not null default now(),
  imported_by text        not null,
  primary key (plan_id, version)
);

create table plan_programme (
  id                 uuid primary key,
  plan_id            uuid    not null references plan (id),
  code               text    not null,
  title              text    not null,
  position           integer not null,
  retired_in_version integer,
  unique (plan_id, code)
);

create table plan_task (
  id                 uuid primary key,
  plan_id            uuid    not null references plan (id),
  programme_id       uuid    not null references plan_programme (id),
  number             text    not null,
  title              text    not null,
  text               text    not null,
  units_as_written   text,
  position           integer not null,
  retired_in_version integer,
  unique (plan_id, number)
);

create table plan_task_unit (
  task_id     uuid    not null references plan_task (id),
  org_unit_id uuid    not null references org_unit (id),
  role        text    not null check (role in ('lead', 'participating')),
  position    integer not null,
  primary key (task_id, org_unit_id)
);
create index plan_task_unit_org_idx on plan_task_unit (org_unit_id);

create table plan_target (
  id                 uuid primary key,
  plan_id            uuid    not null references plan (id),
  task_id            uuid references plan_task (id),
  code               text    not null,
  title              text    not null,
  comparator         text    not null,
  value              numeric not null,
  value_max          numeric,
  unit               text    not null,
  baseline_value     numeric,
  baseline_year      smallint,
  deadline           date    not null,
  direction          text    not null,
  scope              jsonb   not null,
  source_text        text    not null,
  note               text,
  position           integer not null,
  retired_in_version integer,
  unique (plan_id, code)
);

create table plan_milestone (
  id                 uuid primary key,
  plan_id            uuid    not null references plan (id),
  task_id            uuid    not null references plan_task (id),
  code               text    not null,
  title              text    not null,
  due                date    not null,
  scope              jsonb   not null,
  source_text        text    not null,
  position           integer not null,
  retired_in_version integer,
  unique (plan_id, code)
);
