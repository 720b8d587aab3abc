-- Case statistics roll-up (issue 13, decision 0189): per prefecture, month of report (China time),
-- county path (the case's region path cut to province/prefecture/county), category and unit, the
-- sums the statistics add for every case in it. None of them depends on the time of the read: the
-- open and overdue counts (and the overdue part of "due") stay a live query over open cases.
-- Maintained by the cases module's `cases.stats-rollup` subscriber on `case.changed` events, which
-- recomputes one (prefecture, month, county, category) slice from problem_case; `chuangcheng cases rebuild-stats`
-- refills the whole table.
create table case_stats_month (
  prefecture_code     varchar(12) not null,
  -- first day of the month of report, China time
  month               date        not null,
  -- the case's region path cut to its first three parts (province/prefecture/county)
  region_path         text        not null,
  category_code       text        not null,
  -- null: not dispatched to a unit
  org_unit_id         uuid,
  cases               integer     not null,
  accepted            integer     not null,
  closed              integer     not null,
  closed_on_time      integer     not null,
  verified            integer     not null,
  reworked            integer     not null,
  hours_sum           double precision not null,
  working_minutes_sum bigint      not null,
  closed_timed        integer     not null,
  -- the latest rating of each case
  rating_sum          bigint      not null,
  ratings             integer     not null,
  constraint case_stats_month_key
    unique nulls not distinct (prefecture_code, month, region_path, category_code, org_unit_id)
);
-- Reads sum a period's months: one range of this index, index-only (every summed column included).
create index case_stats_month_month_idx on case_stats_month (month, region_path)
  include (category_code, org_unit_id, cases, accepted, closed, closed_on_time, verified, reworked, hours_sum,
           working_minutes_sum, closed_timed, rating_sum, ratings);

-- The live part of the statistics (open, overdue): open cases by report time, index-only.
create index problem_case_open_report_idx on problem_case (reported_at)
  include (region_path, category_code, org_unit_id, deadline, paused_at)
  where status in ('submitted', 'accepted', 'dispatched', 'handling', 'handled');

-- Backfill: the same recompute as the subscriber's, over every case.
insert into case_stats_month
select c.prefecture_code,
  date_trunc('month', c.reported_at at time zone 'Asia/Shanghai')::date,
  array_to_string((string_to_array(c.region_path, '/'))[1:3], '/'),
  c.category_code, c.org_unit_id,
  count(*)::int,
  count(*) filter (where c.accepted_at is not null and c.merged_into_id is null)::int,
  count(*) filter (where c.status = 'closed')::int,
  count(*) filter (where c.status = 'closed' and c.handled_at <= c.deadline)::int,
  count(*) filter (where c.verified_count > 0)::int,
  count(*) filter (where c.rework_count > 0 or c.reopen_count > 0)::int,
  coalesce(sum(extract(epoch from c.closed_at - c.reported_at) / 3600.0) filter (where c.status = 'closed'), 0)::float8,
  coalesce(sum(c.handling_minutes) filter (where c.status = 'closed'), 0)::bigint,
  count(c.handling_minutes) filter (where c.status = 'closed')::int,
  coalesce(sum(r.satisfaction), 0)::bigint,
  count(r.satisfaction)::int
from problem_case c
left join lateral (
  select satisfaction from case_rating where case_id = c.id order by at desc, id desc limit 1
) r on true
group by 1, 2, 3, 4, 5;
