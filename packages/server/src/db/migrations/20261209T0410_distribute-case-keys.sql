-- The keys of the case tables include the case's prefecture (docs/SCALE-OUT.md), and the foreign
-- keys between them include it on both sides (Citus co-locates a case with its events, reporters
-- and ratings). A case in a province-wide region carries the province's code (e.g. '23').
-- References that may cross prefectures (a case merged into a case of another city, a reporter
-- copied from such a case) cannot be foreign keys between distributed tables: they stay columns,
-- checked by the code that writes them.

update problem_case set prefecture_code = left(region_code, 2) where prefecture_code is null;
alter table problem_case alter column prefecture_code set not null;

alter table case_event add column prefecture_code varchar(12);
update case_event e set prefecture_code = c.prefecture_code from problem_case c where c.id = e.case_id;
alter table case_event alter column prefecture_code set not null;

alter table case_reporter add column prefecture_code varchar(12);
update case_reporter r set prefecture_code = c.prefecture_code from problem_case c where c.id = r.case_id;
alter table case_reporter alter column prefecture_code set not null;

alter table case_rating add column prefecture_code varchar(12);
update case_rating r set prefecture_code = c.prefecture_code from problem_case c where c.id = r.case_id;
alter table case_rating alter column prefecture_code set not null;

-- A photo has no case (and no prefecture) until it is attached.
alter table case_photo add column prefecture_code varchar(12);
update case_photo p set prefecture_code = c.prefecture_code from problem_case c where c.id = p.case_id;

alter table case_photo drop constraint case_photo_case_id_fkey;
alter table case_photo drop constraint case_photo_event_id_fkey;
alter table case_rating drop constraint case_rating_case_id_fkey;
alter table case_rating drop constraint case_rating_reporter_id_fkey;
alter table case_reporter drop constraint case_reporter_case_id_fkey;
alter table case_reporter drop constraint case_reporter_origin_case_id_fkey;
alter table case_event drop constraint case_event_case_id_fkey;
alter table case_intake_key drop constraint case_intake_key_case_id_fkey;
alter table problem_case drop constraint problem_case_merged_into_id_fkey;

alter table problem_case drop constraint problem_case_pkey;
alter table problem_case add primary key (prefecture_code, id);
create index problem_case_id_idx on problem_case (id);
-- Numbers come from one sequence, so they stay unique across prefectures.
alter table problem_case drop constraint problem_case_number_key;
alter table problem_case add constraint problem_case_number_key unique (prefecture_code, number);
create index problem_case_number_idx on problem_case (number);

alter table case_event drop constraint case_event_pkey;
alter table case_event add primary key (prefecture_code, id);
create index case_event_id_idx on case_event (id);
alter table case_event add constraint case_event_case_id_fkey
  foreign key (prefecture_code, case_id) references problem_case (prefecture_code, id);

alter table case_reporter drop constraint case_reporter_pkey;
alter table case_reporter add primary key (prefecture_code, id);
create index case_reporter_id_idx on case_reporter (id);
alter table case_reporter drop constraint case_reporter_case_id_token_hash_key;
alter table case_reporter add constraint case_reporter_case_id_token_hash_key unique (prefecture_code, case_id, token_hash);
alter table case_reporter add constraint case_reporter_case_id_fkey
  foreign key (prefecture_code, case_id) references problem_case (prefecture_code, id);

alter table case_rating drop constraint case_rating_pkey;
alter table case_rating add primary key (prefecture_code, id);
alter table case_rating add constraint case_rating_case_id_fkey
  foreign key (prefecture_code, case_id) references problem_case (prefecture_code, id);
alter table case_rating add constraint case_rating_reporter_id_fkey
  foreign key (prefecture_code, reporter_id) references case_reporter (prefecture_code, id);

-- Photos and intake keys are not distributed yet (docs/SCALE-OUT.md); their references to the
-- case carry its prefecture. An unattached photo has neither, which the foreign key allows.
alter table case_photo add constraint case_photo_case_id_fkey
  foreign key (prefecture_code, case_id) references problem_case (prefecture_code, id);
alter table case_photo add constraint case_photo_event_id_fkey
  foreign key (prefecture_code, event_id) references case_event (prefecture_code, id);
alter table case_intake_key add column prefecture_code varchar(12);
update case_intake_key k set prefecture_code = c.prefecture_code from problem_case c where c.id = k.case_id;
alter table case_intake_key alter column prefecture_code set not null;
alter table case_intake_key add constraint case_intake_key_case_id_fkey
  foreign key (prefecture_code, case_id) references problem_case (prefecture_code, id);
