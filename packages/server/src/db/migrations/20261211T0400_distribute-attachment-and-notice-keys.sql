-- Issue 13 (docs/SCALE-OUT.md): evidence files and 督办单 are distributed by prefecture.
-- A row of a province-level owner or unit carries the province's code (e.g. '23'), since a key
-- column cannot be null. Look-ups by id alone (the URL carries only the id) keep a plain index on
-- the id. Decision 0188.

-- Attachments: the owner's prefecture (a report, a reply, a meeting, an instruction, evaluation
-- evidence is always in the same prefecture as its owner).
update attachment set prefecture_code = coalesce(left(region_code, 2), '00') where prefecture_code is null;
alter table attachment alter column prefecture_code set not null;
alter table attachment drop constraint attachment_pkey;
alter table attachment add primary key (prefecture_code, id);
create index attachment_id_idx on attachment (id);
alter table attachment drop constraint attachment_storage_key_key;
create unique index attachment_storage_key_idx on attachment (prefecture_code, storage_key);

-- 督办单: an office's yearly number series spans prefectures (the province issues to every city),
-- so the numbers move to a small table on the coordinator that holds their uniqueness; the notice
-- itself is keyed by the prefecture of the unit it is addressed to.
create table supervision_notice_number (
  -- the printed number, e.g. 黑文明督〔2026〕3号: one notice per number
  number          text        primary key,
  -- the issuing office's id, or '-' for notices issued without an office
  series          text        not null,
  number_year     integer,
  number_seq      integer,
  notice_id       uuid        not null unique,
  prefecture_code varchar(12) not null
);
create unique index supervision_notice_number_series_idx
  on supervision_notice_number (series, number_year, number_seq);

update supervision_notice set prefecture_code = left(region_code, 2) where prefecture_code is null;
alter table supervision_notice alter column prefecture_code set not null;

insert into supervision_notice_number (number, series, number_year, number_seq, notice_id, prefecture_code)
select number, coalesce(issuing_org_unit_id::text, '-'), number_year, number_seq, id, prefecture_code
from supervision_notice;

alter table supervision_notice drop constraint supervision_notice_pkey;
alter table supervision_notice add primary key (prefecture_code, id);
create index supervision_notice_id_idx on supervision_notice (id);
alter table supervision_notice drop constraint supervision_notice_number_key;
create index supervision_notice_number_idx on supervision_notice (number);
drop index supervision_notice_office_number_idx;
