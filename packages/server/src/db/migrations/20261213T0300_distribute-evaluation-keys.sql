-- Issue 13 (docs/SCALE-OUT.md): a round's raw entries (results, findings, the cities' material) and
-- its published scorecards are distributed by the evaluated region's prefecture. A province-level
-- region carries the province's code (e.g. '23'), since a key column cannot be null; the round's
-- region row holds that code, and every entry of the region copies it. Decision 0196.

update evaluation_round_region set prefecture_code = left(region_code, 2) where prefecture_code is null;
alter table evaluation_round_region alter column prefecture_code set not null;

-- Results: the key leads with the round and region, as every read of a round does (a national
-- round's computation reads its 906,000 results by round and region); the prefecture is in it for
-- distribution, which needs it in the key, not first.
update evaluation_result set prefecture_code = left(region_code, 2) where prefecture_code is null;
alter table evaluation_result alter column prefecture_code set not null;
alter table evaluation_result drop constraint evaluation_result_pkey;
alter table evaluation_result add primary key (round_id, region_code, standard_code, prefecture_code);

-- The cities' material: keyed (prefecture_code, id); a finding names its evidence by the whole key
-- (the evidence is the same round's, region's and standard's, so the same prefecture). Look-ups by
-- id alone (the URLs carry only the id) keep a plain index on the id.
update evaluation_evidence set prefecture_code = left(region_code, 2) where prefecture_code is null;
alter table evaluation_evidence alter column prefecture_code set not null;
alter table evaluation_finding drop constraint evaluation_finding_evidence_id_fkey;
alter table evaluation_evidence drop constraint evaluation_evidence_pkey;
alter table evaluation_evidence add primary key (prefecture_code, id);
create index evaluation_evidence_id_idx on evaluation_evidence (id);

update evaluation_finding set prefecture_code = left(region_code, 2) where prefecture_code is null;
alter table evaluation_finding alter column prefecture_code set not null;
alter table evaluation_finding drop constraint evaluation_finding_pkey;
alter table evaluation_finding add primary key (prefecture_code, id);
create index evaluation_finding_id_idx on evaluation_finding (id);
alter table evaluation_finding add constraint evaluation_finding_evidence_id_fkey
  foreign key (prefecture_code, evidence_id) references evaluation_evidence (prefecture_code, id);

-- Published scorecards: the key leads with the publication and region, as their reads do.
update evaluation_publication_region set prefecture_code = left(region_code, 2) where prefecture_code is null;
alter table evaluation_publication_region alter column prefecture_code set not null;
alter table evaluation_publication_region drop constraint evaluation_publication_region_pkey;
alter table evaluation_publication_region add primary key (round_id, version, region_code, prefecture_code);
