-- Foundation: regions, region groups, organisations, accounts, sessions, API tokens, audit trail.
-- Large tables carry prefecture_code so that a Citus deployment can distribute them by it.

create table region (
  code            varchar(12) primary key,
  name            text        not null,
  level           smallint    not null check (level between 1 and 5),
  parent_code     varchar(12) references region (code),
  -- ancestor codes joined by '/', ending with this region's code; subtree = prefix match
  path            text        not null unique,
  prefecture_code varchar(12),
  population      bigint      check (population is null or population >= 0),
  population_year smallint,
  source          text        not null default 'import',
  updated_at      timestamptz not null default now()
);
create index region_parent_idx on region (parent_code, code);
create index region_path_idx on region (path text_pattern_ops);
create index region_level_idx on region (level, code);

create table region_group (
  code        text primary key,
  name        text        not null,
  kind        text        not null check (kind in ('belt', 'circle', 'pilot', 'custom')),
  description text,
  updated_at  timestamptz not null default now()
);

create table region_group_member (
  group_code  text        not null references region_group (code) on delete cascade,
  region_code varchar(12) not null references region (code),
  primary key (group_code, region_code)
);
create index region_group_member_region_idx on region_group_member (region_code);

create table org_unit (
  id          uuid primary key,
  code        text        not null unique,
  name        text        not null,
  short_name  text,
  kind        text        not null default 'department',
  region_code varchar(12) not null references region (code),
  parent_id   uuid references org_unit (id),
  updated_at  timestamptz not null default now(),
  unique (region_code, name)
);
create index org_unit_region_idx on org_unit (region_code);

create table app_user (
  id              uuid primary key,
  username        text        not null unique,
  display_name    text        not null,
  password_hash   text        not null,
  role            text        not null,
  region_code     varchar(12) not null references region (code),
  org_unit_id     uuid references org_unit (id),
  disabled        boolean     not null default false,
  failed_logins   integer     not null default 0,
  locked_until    timestamptz,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);
create index app_user_region_idx on app_user (region_code);

create table user_session (
  token_hash  text primary key,
  user_id     uuid        not null references app_user (id) on delete cascade,
  csrf_token  text        not null,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null,
  last_seen   timestamptz not null default now(),
  user_agent  text,
  ip          text
);
create index user_session_user_idx on user_session (user_id);

create table api_token (
  id          uuid primary key,
  user_id     uuid        not null references app_user (id) on delete cascade,
  name        text        not null,
  token_hash  text        not null unique,
  created_at  timestamptz not null default now(),
  last_used   timestamptz,
  revoked_at  timestamptz
);
create index api_token_user_idx on api_token (user_id);

-- Append-only, hash-chained: hash = sha256(prev_hash || canonical row text), computed by
-- the server. The trigger below refuses UPDATE and DELETE; `chuangcheng audit verify`
-- detects rows changed or removed behind the trigger's back.
create table audit_log (
  id              bigserial primary key,
  at              timestamptz not null,
  actor_id        uuid,
  actor_name      text        not null,
  action          text        not null,
  entity_type     text        not null,
  entity_id       text        not null,
  region_code     varchar(12),
  prefecture_code varchar(12),
  before          jsonb,
  after           jsonb,
  request_id      text,
  prev_hash       text        not null,
  hash            text        not null
);
create index audit_log_entity_idx on audit_log (entity_type, entity_id, id);
create index audit_log_actor_idx on audit_log (actor_id, id);
create index audit_log_region_idx on audit_log (region_code, id);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
