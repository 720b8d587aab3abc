-- Task supervision (督查督办): progress reports with evidence, supervision notices, joint
-- meetings with action items, and in-app notifications. Tables that grow with use carry
-- prefecture_code (the reporting unit's prefecture, null for provincial units) for Citus.

create table progress_report (
  id              uuid primary key,
  task_id         uuid        not null references plan_task (id),
  org_unit_id     uuid        not null references org_unit (id),
  region_code     varchar(12) not null references region (code),
  prefecture_code varchar(12),
  -- '2019-07', '2019-Q3', '2019-H1' or '2019', by the plan's reporting cadence
  period          text        not null,
  -- a submitted report is corrected by a new version; the old one is kept, superseded
  version         integer     not null,
  supersedes_id   uuid references progress_report (id),
  status          text        not null check (status in ('draft', 'submitted', 'superseded')),
  narrative       text        not null default '',
  measures        text        not null default '',
  -- [{label, value, unit}] figures the unit reports
  figures         jsonb       not null default '[]',
  completed       boolean     not null default false,
  -- codes of the task's milestones this report declares delivered
  milestones_done jsonb       not null default '[]',
  author_id       uuid        not null references app_user (id),
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  submitted_at    timestamptz,
  unique (task_id, org_unit_id, period, version)
);
-- at most one live (draft or submitted) report per task, unit and period
create unique index progress_report_live_idx on progress_report (task_id, org_unit_id, period)
  where status in ('draft', 'submitted');
create index progress_report_unit_idx on progress_report (org_unit_id, task_id, period);

create table attachment (
  id              uuid primary key,
  owner_type      text        not null check (owner_type in ('progress_report', 'notice_reply', 'joint_meeting')),
  owner_id        uuid        not null,
  file_name       text        not null,
  content_type    text        not null,
  size_bytes      bigint      not null,
  sha256          text        not null,
  -- path below the data directory's uploads/, never chosen by the client
  storage_key     text        not null unique,
  region_code     varchar(12),
  prefecture_code varchar(12),
  uploaded_by     uuid        not null references app_user (id),
  uploaded_at     timestamptz not null default now()
);
create index attachment_owner_idx on attachment (owner_type, owner_id);

create table joint_meeting (
  id          uuid primary key,
  plan_id     uuid        not null references plan (id),
  region_code varchar(12) not null references region (code),
  title       text        not null,
  held_on     date        not null,
  location    text,
  minutes     text        not null default '',
  decisions   text        not null default '',
  created_by  uuid        not null references app_user (id),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);

create table joint_meeting_attendee (
  meeting_id  uuid not null references joint_meeting (id) on delete cascade,
  org_unit_id uuid not null references org_unit (id),
  primary key (meeting_id, org_unit_id)
);

create table action_item (
  id                uuid primary key,
  meeting_id        uuid        not null references joint_meeting (id),
  title             text        not null,
  description       text        not null default '',
  owner_org_unit_id uuid        not null references org_unit (id),
  due               date        not null,
  status            text        not null check (status in ('open', 'done')),
  completion_note   text,
  completed_at      timestamptz,
  completed_by      uuid references app_user (id),
  created_at        timestamptz not null default now()
);
create index action_item_owner_idx on action_item (owner_org_unit_id, status);

create table supervision_notice (
  id                       uuid primary key,
  -- 督办单 number, unique per issuing region and year, e.g. 督办〔2019〕7号
  number                   text        not null unique,
  plan_id                  uuid        not null references plan (id),
  task_id                  uuid references plan_task (id),
  action_item_id           uuid references action_item (id),
  org_unit_id              uuid        not null references org_unit (id),
  region_code              varchar(12) not null references region (code),
  prefecture_code          varchar(12),
  reason                   text        not null,
  required_action          text        not null,
  reply_due                date        not null,
  status                   text        not null check (status in ('issued', 'acknowledged', 'replied', 'closed')),
  issued_by                uuid        not null references app_user (id),
  issued_at                timestamptz not null default now(),
  acknowledged_by          uuid references app_user (id),
  acknowledged_at          timestamptz,
  reply_text               text,
  replied_by               uuid references app_user (id),
  replied_at               timestamptz,
  escalated_to_org_unit_id uuid references org_unit (id),
  escalated_at             timestamptz,
  closed_by                uuid references app_user (id),
  closed_at                timestamptz,
  check (task_id is not null or action_item_id is not null)
);
create index supervision_notice_unit_idx on supervision_notice (org_unit_id, status);
create index supervision_notice_due_idx on supervision_notice (status, reply_due);

-- In-app notifications to an organisation (everyone in it sees them). The unique key makes
-- each reminder happen once per item and threshold, however many processes run the job.
create table notification (
  id                   uuid primary key,
  recipient_org_unit_id uuid        not null references org_unit (id),
  kind                 text        not null,
  subject_type         text        not null,
  subject_id           uuid        not null,
  threshold            text        not null,
  title                text        not null,
  body                 text        not null default '',
  link                 text,
  created_at           timestamptz not null default now(),
  read_at              timestamptz,
  unique (recipient_org_unit_id, kind, subject_type, subject_id, threshold)
);
create index notification_recipient_idx on notification (recipient_org_unit_id, read_at, created_at);
