-- A coarser level of the case statistics roll-up for wide reads (issue 13, decision 0195): per
-- prefecture, China day (or month) of report, region path cut to province/prefecture, and category:
-- no county, no unit. A province's or prefecture's statistics by category, month or (for a province)
-- prefecture read a year as about 13 × 12 × 40 month rows instead of 47,000 county × unit rows, and
-- the partial months at a period's edges as these day rows instead of the cases of those days.
-- Same sums as case_stats_month (decision 0189); kept in the same recompute (a case event recomputes
-- the case's day from problem_case and the day's month from the days), refilled by `cases rebuild-stats`.
create table case_stats_prefecture_day (
  prefecture_code     varchar(12) not null,
  -- the day of report, China time
  day                 date        not null,
  -- the case's region path cut to its first two parts (province/prefecture)
  region_path         text        not null,
  category_code       text        not null,
  cases               integer     not null,
  accepted            integer     not null,
  closed              integer     not null,
  closed_on_time      integer     not null,
  verified            integer     not null,
  reworked            integer     not null,
  hours_sum           double precision not null,
  working_minutes_sum bigint      not null,
  closed_timed        integer     not null,
  rating_sum          bigint      not null,
  ratings             integer     not null,
  -- key order for the recompute: one prefecture's category over a month of days
  constraint case_stats_prefecture_day_key unique (prefecture_code, category_code, day, region_path)
);
-- Reads sum a few days of the province: one range of this index, index-only.
create index case_stats_prefecture_day_day_idx on case_stats_prefecture_day (day, region_path)
  include (category_code, cases, accepted, closed, closed_on_time, verified, reworked, hours_sum,
           working_minutes_sum, closed_timed, rating_sum, ratings);

create table case_stats_prefecture_month (
  prefecture_code     varchar(12) not null,
  -- first day of the month of report, China time
  month               date        not null,
  region_path         text        not null,
  category_code       text        not null,
  cases               integer     not null,
  accepted            integer     not null,
  closed              integer     not null,
  closed_on_time      integer     not null,
  verified            integer     not null,
  reworked            integer     not null,
  hours_sum           double precision not null,
  working_minutes_sum bigint      not null,
  closed_timed        integer     not null,
  rating_sum          bigint      not null,
  ratings             integer     not null,
  constraint case_stats_prefecture_month_key unique (prefecture_code, category_code, month, region_path)
);
create index case_stats_prefecture_month_month_idx on case_stats_prefecture_month (month, region_path)
  include (category_code, cases, accepted, closed, closed_on_time, verified, reworked, hours_sum,
           working_minutes_sum, closed_timed, rating_sum, ratings);

-- Backfill: the same recompute as the subscriber's, over every case.
insert into case_stats_prefecture_day
select c.prefecture_code,
  (c.reported_at at time zone 'Asia/Shanghai')::date,
  array_to_string((string_to_array(c.region_path, '/'))[1:2], '/'),
  c.category_code,
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
group by 1, 2, 3, 4;

insert into case_stats_prefecture_month
select prefecture_code, date_trunc('month', day)::date, region_path, category_code,
  sum(cases)::int, sum(accepted)::int, sum(closed)::int, sum(closed_on_time)::int, sum(verified)::int,
  sum(reworked)::int, sum(hours_sum)::float8, sum(working_minutes_sum)::bigint, sum(closed_timed)::int,
  sum(rating_sum)::bigint, sum(ratings)::int
from case_stats_prefecture_day
group by 1, 2, 3, 4;
