-- 领导批示 tracking (issue 18): a leader's written instruction (批示) on a document, recorded by
-- the issuing office and handled by one lead unit (主办) with zero or more assisting units (协办).
-- The lead unit signs for it (签收), reports back (办理情况报告, interim or final), and the
-- office accepts the final report (办结) or returns it (退回) with a reason. Every step, reports
-- included, is a row of leader_instruction_step: the timeline the detail page shows.
create table leader_instruction (
  id                  uuid primary key,
  issuing_org_unit_id uuid        not null references org_unit (id),
  -- the issuer's region (scope of the office's actions) and its prefecture (Citus)
  region_code         varchar(12) not null references region (code),
  prefecture_code     varchar(12),
  leader_name         text        not null,
  leader_post         text        not null,
  instructed_on       date        not null,
  content             text        not null,
  document_title      text        not null default '',
  lead_org_unit_id    uuid        not null references org_unit (id),
  reply_due           date        not null,
  task_id             uuid references plan_task (id),
  status              text        not null
    check (status in ('pending_sign', 'in_progress', 'reported', 'closed')),
  returned_count      integer     not null default 0,
  created_by          uuid        not null references app_user (id),
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now()
);
create index leader_instruction_lead_idx on leader_instruction (lead_org_unit_id, status);
create index leader_instruction_region_idx on leader_instruction (region_code, status, reply_due);

create table leader_instruction_unit (
  instruction_id uuid not null references leader_instruction (id),
  org_unit_id    uuid not null references org_unit (id),
  primary key (instruction_id, org_unit_id)
);
create index leader_instruction_unit_org_idx on leader_instruction_unit (org_unit_id);

create table leader_instruction_step (
  id             uuid primary key,
  instruction_id uuid        not null references leader_instruction (id),
  action         text        not null check (action in ('create', 'sign', 'report', 'accept', 'return')),
  -- a report: interim (false) or final (true, moves the instruction to 已报告)
  final          boolean     not null default false,
  text           text        not null default '',
  actor_id       uuid        not null references app_user (id),
  org_unit_id    uuid references org_unit (id),
  created_at     timestamptz not null default now()
);
create index leader_instruction_step_idx on leader_instruction_step (instruction_id, created_at);
