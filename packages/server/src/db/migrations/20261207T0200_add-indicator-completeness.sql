-- Issue 16: a data set's minimum completeness decides whether a target status is shown, and units
-- that report through a parent (development zones, the 加格达奇/松岭/新林/呼中 districts) are not
-- expected reporters unless a data set includes them.

alter table indicator_data_set
  -- minimum share (%) of expected reporters with a value for a status to be shown
  add column min_reporting_rate double precision not null default 0
    check (min_reporting_rate between 0 and 100),
  -- days after the period end within which a report counts as on time (DHIS2, default 15)
  add column timely_days integer not null default 15 check (timely_days between 0 and 366),
  -- minimum share (%) of expected reporters that reported on time
  add column min_timely_rate double precision not null default 0 check (min_timely_rate between 0 and 100),
  -- comma-separated codes of units reporting through a parent that report this data set all the same
  add column include_reporters text not null default '';

create table indicator_reporting_through_parent (
  region_code text primary key references region (code),
  note        text not null
);
