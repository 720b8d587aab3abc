-- Reminders by SMS (issue 18, decision 0143): the mobile numbers a unit's reminders are texted to,
-- sealed as personal data (convention 19) with a blind index for uniqueness, and the record of
-- each reminder texted to each number, which makes a redelivered event send nothing twice.
create table org_unit_sms_contact (
  org_unit_id   uuid        not null references org_unit (id) on delete cascade,
  phone_index   text        not null,
  phone_sealed  text        not null,
  created_at    timestamptz not null default now(),
  primary key (org_unit_id, phone_index)
);

create table sms_delivery (
  notification_id uuid        not null references notification (id) on delete cascade,
  phone_index     text        not null,
  sent_at         timestamptz not null default now(),
  primary key (notification_id, phone_index)
);
