-- Problem-case statistics (issue 6, docs/PERFORMANCE.md "Problem cases"): GET /cases/stats counts
-- the cases reported in a period (created_at range) of a region subtree, grouped by region, unit,
-- category or month, and joins their ratings by id. Without this index a year of a province read
-- the whole table twice (one parallel sequential scan for the counts, one for the ratings).
-- A covering index on created_at holds every column the two statistics queries read, so a period
-- is one range of this index (an index-only scan where the visibility map is set, which autovacuum
-- keeps up to date) instead of every page of the table. The region prefix, category and unit
-- filters are checked on the included columns.
create index problem_case_stats_idx on problem_case (created_at)
  include (region_path, category_code, org_unit_id, status, reported_at, closed_at, deadline, paused_at,
           verified_count, rework_count, id);
