-- Title history (issue 5): every change of a region's civilized-city title is a dated event with a
-- reason and the round, incident or decision that justifies it. The state of a title at a date is
-- derived from the events (core/src/titles.ts); nothing stores "the current title".

create table region_title_event (
  id               uuid primary key,
  region_code      varchar(12) not null references region (code),
  prefecture_code  varchar(12),
  title            text        not null check (title in (
                     'provincial_nominated', 'provincial_civilized', 'national_nominated', 'national_civilized')),
  -- barred: may not be awarded this title until ends_on (loss of eligibility); the others move the state
  change           text        not null check (change in (
                     'awarded', 'suspended', 'reinstated', 'revoked', 'expired', 'barred')),
  effective_on     date        not null,
  -- suspensions and bars: the last day they last (null: until reinstated)
  ends_on          date,
  reason           text        not null check (length(btrim(reason)) > 0),
  source_kind      text        not null check (source_kind in ('round', 'incident', 'decision')),
  -- round or incident id, or the decision document's reference (e.g. 黑文明委〔2020〕3号)
  source_id        text        not null check (length(btrim(source_id)) > 0),
  recorded_by      uuid        references app_user (id),
  recorded_by_name text        not null,
  recorded_at      timestamptz not null default now(),
  check (ends_on is null or ends_on >= effective_on),
  check (ends_on is null or change in ('suspended', 'barred'))
);
create index region_title_event_region_idx on region_title_event (region_code, effective_on, recorded_at);
create index region_title_event_source_idx on region_title_event (source_kind, source_id);
