-- A meeting's kind (issues 16 and 18): 联席会议 (joint, the creation committee's member units,
-- chaired by a leader) or 联络员例会 (liaison, the units' liaison officers' routine meeting). Both
-- record minutes, decisions and action items the same way; lists and the web tell them apart.
alter table joint_meeting add column kind text not null default 'joint' check (kind in ('joint', 'liaison'));
