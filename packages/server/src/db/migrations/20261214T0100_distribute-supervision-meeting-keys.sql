-- Issue 13 (docs/SCALE-OUT.md): joint meetings with their attendees and action items, and in-app
-- notifications with their SMS deliveries, are distributed by prefecture. A row about a
-- province-level region or unit carries the province's code (e.g. '23'), since a key column cannot
-- be null (distributionCode in packages/core/src/regions.ts). Look-ups by id alone (the URLs carry
-- only the id) keep a plain index on the id. Decision 0200.

-- Meetings: the prefecture of the meeting's region; attendees and action items copy it, so their
-- keys to the meeting carry it.
alter table joint_meeting add column prefecture_code varchar(12);
update joint_meeting m set prefecture_code = coalesce(r.prefecture_code, left(r.code, 2))
  from region r where r.code = m.region_code;
alter table joint_meeting alter column prefecture_code set not null;

alter table joint_meeting_attendee add column prefecture_code varchar(12);
update joint_meeting_attendee x set prefecture_code = m.prefecture_code
  from joint_meeting m where m.id = x.meeting_id;
alter table joint_meeting_attendee alter column prefecture_code set not null;

alter table action_item add column prefecture_code varchar(12);
update action_item a set prefecture_code = m.prefecture_code
  from joint_meeting m where m.id = a.meeting_id;
alter table action_item alter column prefecture_code set not null;

-- The keys that address a meeting or an item by id alone go before the primary keys change.
alter table joint_meeting_attendee drop constraint joint_meeting_attendee_meeting_id_fkey;
alter table action_item drop constraint action_item_meeting_id_fkey;
-- A 督办单 about an action item is keyed by its addressee's prefecture (the item's owner), the item
-- by its meeting's: a provincial meeting's item owned by a city's unit lies in another prefecture
-- than its notice, so the reference stays a plain column (as problem_case.merged_into_id does).
alter table supervision_notice drop constraint supervision_notice_action_item_id_fkey;

alter table joint_meeting drop constraint joint_meeting_pkey;
alter table joint_meeting add primary key (prefecture_code, id);
create index joint_meeting_id_idx on joint_meeting (id);

alter table joint_meeting_attendee drop constraint joint_meeting_attendee_pkey;
alter table joint_meeting_attendee add primary key (prefecture_code, meeting_id, org_unit_id);
alter table joint_meeting_attendee add constraint joint_meeting_attendee_meeting_id_fkey
  foreign key (prefecture_code, meeting_id) references joint_meeting (prefecture_code, id) on delete cascade;

alter table action_item drop constraint action_item_pkey;
alter table action_item add primary key (prefecture_code, id);
create index action_item_id_idx on action_item (id);
create index action_item_meeting_idx on action_item (prefecture_code, meeting_id);
alter table action_item add constraint action_item_meeting_id_fkey
  foreign key (prefecture_code, meeting_id) references joint_meeting (prefecture_code, id);

-- Notifications: the prefecture of the recipient unit's region; an SMS delivery copies its
-- notification's, so its key to the notification carries it.
alter table notification add column prefecture_code varchar(12);
update notification n set prefecture_code = coalesce(r.prefecture_code, left(r.code, 2))
  from org_unit u join region r on r.code = u.region_code
  where u.id = n.recipient_org_unit_id;
alter table notification alter column prefecture_code set not null;

alter table sms_delivery add column prefecture_code varchar(12);
update sms_delivery d set prefecture_code = n.prefecture_code
  from notification n where n.id = d.notification_id;
alter table sms_delivery alter column prefecture_code set not null;
alter table sms_delivery drop constraint sms_delivery_notification_id_fkey;

alter table notification drop constraint notification_pkey;
alter table notification add primary key (prefecture_code, id);
create index notification_id_idx on notification (id);
-- One reminder per recipient, subject and threshold: the recipient determines the prefecture, so
-- the key with it is the same rule.
alter table notification drop constraint notification_recipient_org_unit_id_kind_subject_type_subjec_key;
create unique index notification_once_idx
  on notification (prefecture_code, recipient_org_unit_id, kind, subject_type, subject_id, threshold);

alter table sms_delivery drop constraint sms_delivery_pkey;
alter table sms_delivery add primary key (prefecture_code, notification_id, phone_index);
alter table sms_delivery add constraint sms_delivery_notification_id_fkey
  foreign key (prefecture_code, notification_id) references notification (prefecture_code, id) on delete cascade;
