-- The keys of the audit log and the indicator tables include their distribution column
-- (docs/SCALE-OUT.md): a table distributed by Citus, or hash-partitioned, refuses a primary or
-- unique key without it. Province-wide rows carry the province's code (e.g. '23') where they had
-- no prefecture, since a key column cannot be null.

-- audit_log by shard; look-ups and pages by id alone keep an index of their own.
alter table audit_log drop constraint audit_log_pkey;
alter table audit_log add primary key (shard, id);
create index audit_log_id_idx on audit_log (id);

-- The sequencer's queue carries its entry's shard.
alter table audit_queue add column shard varchar(12);
update audit_queue q set shard = l.shard from audit_log l where l.id = q.entry_id;
update audit_queue set shard = '00' where shard is null;
alter table audit_queue alter column shard set not null;
alter table audit_queue drop constraint audit_queue_pkey;
alter table audit_queue add primary key (shard, entry_id);
create index audit_queue_entry_idx on audit_queue (entry_id);

drop index audit_leaf_entry_idx;
create unique index audit_leaf_entry_idx on audit_leaf (shard, entry_id);
create index audit_leaf_entry_id_idx on audit_leaf (entry_id);

-- observation by prefecture.
update observation set prefecture_code = left(region_code, 2) where prefecture_code is null;
alter table observation alter column prefecture_code set not null;
alter table observation drop constraint observation_pkey;
alter table observation add primary key (prefecture_code, id);
alter table observation drop constraint observation_data_element_code_region_code_period_source_kin_key;
alter table observation add constraint observation_key
  unique (prefecture_code, data_element_code, region_code, period, source_kind);

-- data_entry and its history by prefecture.
update data_entry set prefecture_code = left(region_code, 2) where prefecture_code is null;
alter table data_entry alter column prefecture_code set not null;
alter table data_entry drop constraint data_entry_pkey;
alter table data_entry add primary key (prefecture_code, data_set_code, region_code, period);

alter table data_entry_event add column prefecture_code varchar(12);
update data_entry_event e set prefecture_code = coalesce(r.prefecture_code, left(e.region_code, 2))
  from region r where r.code = e.region_code;
alter table data_entry_event alter column prefecture_code set not null;
alter table data_entry_event drop constraint data_entry_event_pkey;
alter table data_entry_event add primary key (prefecture_code, id);
