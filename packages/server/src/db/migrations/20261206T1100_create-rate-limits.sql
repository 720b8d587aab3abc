-- Counters every server shares (convention 18, issue 11): rate limits and sign-in failures lived in
-- one process's memory, so a second server counted from zero and a restart forgot them.

-- One row per (limit, key) and window: the upsert that counts a hit also starts a new window when
-- the old one has ended, so a counter is always one statement.
create table rate_limit_counter (
  key       text        primary key,
  hits      integer     not null,
  reset_at  timestamptz not null
);
create index rate_limit_counter_reset_idx on rate_limit_counter (reset_at);

-- Sign-in failures per account AND source address: a stranger's wrong passwords delay the stranger,
-- not the owner signing in from their own address. The whole-account counter on app_user goes.
create table sign_in_failure (
  user_id          uuid        not null references app_user (id) on delete cascade,
  source           text        not null,
  failures         integer     not null,
  locked_until     timestamptz,
  last_failure_at  timestamptz not null,
  primary key (user_id, source)
);

alter table app_user drop column failed_logins;
alter table app_user drop column locked_until;
