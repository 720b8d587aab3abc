-- The 办结 chain of a 督办单 as offices run it (issue 18): the unit's reply applies for closure
-- (申请办结), the office reviews it (审核), a leader approves it (领导审批), the office closes it
-- (销号); a weak reply is sent back to be done again (退回重办, with a reason); the unit may ask
-- for more time (延期申请), which the office grants or refuses; receipt has its own deadline (签收时限).
alter table supervision_notice drop constraint supervision_notice_status_check;
alter table supervision_notice add constraint supervision_notice_status_check
  check (status in ('issued', 'acknowledged', 'replied', 'reviewed', 'approved', 'returned', 'closed'));

alter table supervision_notice
  add column ack_due              date,
  add column reviewed_by          uuid references app_user (id),
  add column reviewed_at          timestamptz,
  add column approved_by          uuid references app_user (id),
  add column approved_at          timestamptz,
  add column returned_count       integer not null default 0,
  add column return_reason        text,
  add column returned_at          timestamptz,
  add column extension_due        date,
  add column extension_reason     text,
  add column extension_status     text check (extension_status in ('pending', 'approved', 'refused')),
  add column extension_decided_by uuid references app_user (id),
  add column extension_note       text;
