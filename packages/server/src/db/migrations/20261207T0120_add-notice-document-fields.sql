-- The 督办单 as offices print it (issue 18): who signed it (签发人), who receives copies (抄送, as
-- printed), its level (督办等级: 一般/重点/特急) and where it came from (来源: 领导批示, 会议议定,
-- 上级交办). A notice may also be addressed to any unit of the plan, not only about a task or an
-- action item.
alter table supervision_notice
  add column signer text,
  add column cc     text not null default '',
  add column level  text not null default 'general' check (level in ('general', 'key', 'urgent')),
  add column source text check (source in ('leader_instruction', 'meeting_decision', 'higher_assignment'));

alter table supervision_notice drop constraint supervision_notice_check;
