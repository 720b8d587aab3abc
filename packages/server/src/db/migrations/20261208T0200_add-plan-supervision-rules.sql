-- Issue 18 (decision 0133): a plan's lights and cadence as data — due-soon and grace days, the
-- 黄牌/红牌 tiers. An empty object means today's defaults (30 days, 10 days, 1/1, 3/2), so
-- nothing changes for a plan until its file names other values and is imported again.
alter table plan add column supervision_rules jsonb not null default '{}'::jsonb;
