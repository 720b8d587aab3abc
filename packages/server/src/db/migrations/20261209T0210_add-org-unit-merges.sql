-- Issue 16: the 2018 institutional reform merged departments (省文化厅 and 省旅游委 into
-- 文化和旅游厅). A merge keeps each unit: the merged unit keeps its name, tasks and reports, and
-- points to its successor from the day of the merge, so its history reads under its own name and
-- rolls up to the successor.

alter table org_unit add column merged_into_id uuid references org_unit (id);
alter table org_unit add column merged_on date;
alter table org_unit add constraint org_unit_merge_not_self check (merged_into_id is null or merged_into_id <> id);
alter table org_unit add constraint org_unit_merge_dated check ((merged_into_id is null) = (merged_on is null));
create index org_unit_merged_into on org_unit (merged_into_id) where merged_into_id is not null;
