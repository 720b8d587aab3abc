-- A 督办单 issued because of a 领导批示 (source 领导批示) links back to the instruction, so the
-- instruction shows the notices that chase it and the notice names the instruction it serves.
alter table supervision_notice add column instruction_id uuid references leader_instruction (id);
create index supervision_notice_instruction_idx on supervision_notice (instruction_id) where instruction_id is not null;
