-- Issue 13 (docs/SCALE-OUT.md): progress reports are distributed by prefecture. A report of a
-- province-level unit carries the province's code (e.g. '23'), since a key column cannot be null.
-- The primary key, the version key, the one-live-report index and the self reference of a
-- correction to the version it supersedes (always the same unit, so the same prefecture) include it.
-- Look-ups by id alone (the URL carries only the id) keep a plain index on the id. Decision 0175.

update progress_report set prefecture_code = left(region_code, 2) where prefecture_code is null;
alter table progress_report alter column prefecture_code set not null;

alter table progress_report drop constraint progress_report_supersedes_id_fkey;
alter table progress_report drop constraint progress_report_pkey;
alter table progress_report add primary key (prefecture_code, id);
create index progress_report_id_idx on progress_report (id);

alter table progress_report drop constraint progress_report_task_id_org_unit_id_period_version_key;
alter table progress_report add constraint progress_report_version_key
  unique (prefecture_code, task_id, org_unit_id, period, version);

drop index progress_report_live_idx;
create unique index progress_report_live_idx on progress_report (prefecture_code, task_id, org_unit_id, period)
  where status in ('draft', 'submitted');

alter table progress_report add constraint progress_report_supersedes_id_fkey
  foreign key (prefecture_code, supersedes_id) references progress_report (prefecture_code, id);
