-- A 督办单 is numbered by the office that issues it, in its own yearly series with its own
-- prefix (e.g. 黑文明督〔2026〕3号, 哈文明督〔2026〕1号): a city's first notice is its No. 1.
create table supervision_office_setting (
  org_unit_id   uuid primary key references org_unit (id),
  -- the words before 〔year〕, e.g. 黑文明督; unique so that two offices never print the same number
  notice_prefix text        not null unique check (char_length(notice_prefix) between 1 and 20),
  updated_at    timestamptz not null default now()
);

alter table supervision_notice
  add column issuing_org_unit_id uuid references org_unit (id),
  add column number_year         integer,
  add column number_seq          integer;

-- One number per office, year and sequence, whatever the prefix was when it was drawn.
create unique index supervision_notice_office_number_idx
  on supervision_notice (issuing_org_unit_id, number_year, number_seq);
