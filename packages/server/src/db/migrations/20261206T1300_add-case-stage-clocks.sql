-- Stage clocks, counting rules and statistics by report time (issue 17).
--
-- Every stage of a case has its own clock as 数字城管 counts them: 受理/立案 (accept_deadline, from
-- the report), 派遣 (dispatch_deadline, from acceptance), 处置 (deadline: the unit's limit, now
-- counted from dispatch) and 核查 (verify_deadline, from the unit's handling). A late stage
-- escalates once: escalated_stages lists the stages already escalated ('accept', 'dispatch',
-- 'verify'; the unit's stage keeps escalation_level). Cases filed before this migration have no
-- desk or inspector deadlines (null) and never escalate for those stages.
alter table problem_case add column accept_deadline timestamptz;
alter table problem_case add column dispatch_deadline timestamptz;
alter table problem_case add column verify_deadline timestamptz;
alter table problem_case add column escalated_stages text[] not null default '{}';
-- a reporter's "not fixed" after closing: counted as rework (返工率) like a failed verification
alter table problem_case add column reopen_count integer not null default 0;
-- working minutes the clock stood paused, and report → closing in working minutes without them
alter table problem_case add column paused_minutes integer not null default 0;
alter table problem_case add column handling_minutes integer;

-- How a limit in days is counted (次日起算 by default) and per-category stage limits overriding
-- the installation's ({accept, dispatch, verify}: {amount, unit}).
alter table case_category add column day_rule text not null default 'next_day'
  check (day_rule in ('next_day', 'from_report'));
alter table case_category add column stage_limits jsonb;
alter table case_setting add column stage_limits jsonb not null default
  '{"accept": {"amount": 2, "unit": "hours"}, "dispatch": {"amount": 2, "unit": "hours"}, "verify": {"amount": 1, "unit": "days"}}';

-- Statistics count cases in the period they were REPORTED (reported_at), not entered: the covering
-- index moves from created_at to reported_at and carries the columns the new definitions read
-- (立案 = accepted_at and not merged, 按期 = handled_at against the unit's deadline, rework with
-- reopenings, working handling time), so a province-year stays one index range.
drop index problem_case_stats_idx;
create index problem_case_report_stats_idx on problem_case (reported_at)
  include (region_path, category_code, org_unit_id, status, accepted_at, merged_into_id, handled_at, closed_at,
           deadline, paused_at, verified_count, rework_count, reopen_count, handling_minutes, id);
