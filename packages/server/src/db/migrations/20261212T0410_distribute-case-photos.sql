-- Case photos are distributed by their case's prefecture (docs/SCALE-OUT.md, decision 0187). A photo
-- is uploaded before its case exists, so it has no prefecture yet: uploads wait in
-- `case_photo_upload`, a small table on the coordinator swept after a day, and attaching a photo
-- moves its row into `case_photo` (same id, same stored files) with the case's prefecture, which a
-- distribution column may not change afterwards.

create table case_photo_upload (
  id            uuid primary key,
  kind          text        not null check (kind in ('before', 'after', 'verification')),
  file_name     text        not null,
  content_type  text        not null,
  size_bytes    bigint      not null,
  sha256        text        not null,
  storage_key   text        not null,
  display_key   text        not null,
  width         integer,
  height        integer,
  uploaded_by   uuid references app_user (id),
  uploaded_at   timestamptz not null default now()
);
create index case_photo_upload_age_idx on case_photo_upload (uploaded_at);

insert into case_photo_upload (id, kind, file_name, content_type, size_bytes, sha256, storage_key, display_key,
                               width, height, uploaded_by, uploaded_at)
select id, kind, file_name, content_type, size_bytes, sha256, storage_key, display_key, width, height, uploaded_by, uploaded_at
  from case_photo where case_id is null;
delete from case_photo where case_id is null;

drop index case_photo_unattached_idx;
alter table case_photo alter column case_id set not null;
alter table case_photo alter column prefecture_code set not null;
alter table case_photo drop constraint case_photo_pkey;
alter table case_photo add primary key (prefecture_code, id);
create index case_photo_id_idx on case_photo (id);
