-- The transactional outbox, shared cache generations and the scheduler (issue 12; docs/ARCHITECTURE.md
-- "Events, the scheduler and shared state").
--
-- outbox_event: a module's domain event, written in the same transaction as the change it reports.
-- Workers on any server claim pending rows with FOR UPDATE SKIP LOCKED; an event is done when every
-- subscriber of its name has a delivery row that is done or dead.
create table outbox_event (
  id bigserial primary key,
  name text not null,
  version integer not null,
  payload jsonb not null,
  -- The prefecture of the change where the payload has one, so a distributed deployment can route by it.
  prefecture_code text,
  status text not null default 'pending' check (status in ('pending', 'done')),
  -- Claim rounds so far; the backoff before the next round grows with it.
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  done_at timestamptz
);
create index outbox_event_due_idx on outbox_event (next_attempt_at, id) where status = 'pending';
create index outbox_event_done_idx on outbox_event (done_at) where status = 'done';

-- One row per (event, subscriber) once a delivery was tried: 'done' is never delivered again,
-- 'failed' is retried with backoff, 'dead' gave up after the last attempt (a dead letter).
create table outbox_delivery (
  event_id bigint not null references outbox_event (id) on delete cascade,
  subscriber text not null,
  status text not null check (status in ('done', 'failed', 'dead')),
  attempts integer not null default 0,
  last_error text,
  updated_at timestamptz not null default now(),
  primary key (event_id, subscriber)
);
create index outbox_delivery_dead_idx on outbox_delivery (subscriber) where status = 'dead';

-- A generation number per in-process cache: a server compares its kept generation with this row
-- before it answers from the cache, so a change made through any server drops every server's copy.
create table cache_generation (
  name text primary key,
  generation bigint not null default 0,
  updated_at timestamptz not null default now()
);
insert into cache_generation (name) values ('cockpit'), ('case-calendar');

-- Scheduled jobs: each server's poll claims a due row with FOR UPDATE SKIP LOCKED and moves its
-- next run forward in the same transaction, so a run happens once across all servers.
create table scheduled_job (
  name text primary key,
  interval_seconds integer not null check (interval_seconds > 0),
  next_run_at timestamptz not null,
  runs bigint not null default 0,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_result jsonb,
  last_error text
);
