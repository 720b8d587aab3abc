import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './connection.ts';
import { migrate, MIGRATIONS_DIR } from './migrate.ts';

// Decision 0200: the migration that keys meetings, their attendees and action items, notifications
// and SMS deliveries by prefecture must upgrade a database that already holds rows, not only an
// empty one. This test migrates to just before it, writes rows as the older schema allowed, then
// applies it and reads what it made of them.

const MIGRATION = '20261214T0100_distribute-supervision-meeting-keys.sql';

let handle: DatabaseHandle | undefined;
let dir: string | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A migrations folder with the project's migrations that sort before `name` (and `name` when asked). */
function migrationsUpTo(name: string, including: boolean): string {
  dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'cc-upgrade-'));
  for (const file of fs.readdirSync(MIGRATIONS_DIR)) {
    if (file < name || (including && file === name))
      fs.copyFileSync(path.join(MIGRATIONS_DIR, file), path.join(dir, file));
  }
  return dir;
}

const PROVINCE_UNIT = '00000000-0000-4000-8000-000000000001';
const CITY_UNIT = '00000000-0000-4000-8000-000000000002';
const COUNTY_UNIT = '00000000-0000-4000-8000-000000000003';
const USER = '00000000-0000-4000-8000-000000000010';
const PLAN = '00000000-0000-4000-8000-000000000020';
const PROVINCE_MEETING = '00000000-0000-4000-8000-000000000030';
const CITY_MEETING = '00000000-0000-4000-8000-000000000031';
const PROVINCE_ITEM = '00000000-0000-4000-8000-000000000040';
const CITY_ITEM = '00000000-0000-4000-8000-000000000041';
const NOTICE = '00000000-0000-4000-8000-000000000050';
const PROVINCE_NOTE = '00000000-0000-4000-8000-000000000060';
const COUNTY_NOTE = '00000000-0000-4000-8000-000000000061';

describe(MIGRATION, () => {
  it('fills the prefecture of existing meetings, attendees, items, notifications and deliveries, and keys them by it', async () => {
    handle = await openDatabase({ kind: 'pglite', dataDir: null });
    const db = handle.db;
    await migrate(db, migrationsUpTo(MIGRATION, false));

    const statements = [
      sql`
        insert into region (code, level, name, parent_code, path, prefecture_code) values
        ('23', 1, '黑龙江省', null, '23', null),
        ('2301', 2, '哈尔滨市', '23', '23/2301', '2301'),
        ('230102', 3, '道里区', '2301', '23/2301/230102', '2301')`,
      sql`
        insert into org_unit (id, code, name, region_code) values
        (${PROVINCE_UNIT}, 'p', '省住房城乡建设厅', '23'),
        (${CITY_UNIT}, 'c', '哈尔滨市文明办', '2301'),
        (${COUNTY_UNIT}, 'd', '道里区城管局', '230102')`,
      sql`
        insert into app_user (id, username, display_name, password_hash, role, region_code)
        values (${USER}, 'admin', '管理员', 'x', 'admin', '23')`,
      sql`
        insert into plan (id, code, name, issuing_region_code, period_start, period_end, reporting_cadence, current_version)
        values (${PLAN}, 'p', '行动计划', '23', '2018-01-01', '2020-12-31', 'month', 1)`,
      sql`
        insert into joint_meeting (id, plan_id, region_code, title, held_on, created_by) values
        (${PROVINCE_MEETING}, ${PLAN}, '23', '省联席会议', '2019-04-10', ${USER}),
        (${CITY_MEETING}, ${PLAN}, '2301', '市联席会议', '2019-05-10', ${USER})`,
      sql`
        insert into joint_meeting_attendee (meeting_id, org_unit_id) values
        (${PROVINCE_MEETING}, ${PROVINCE_UNIT}), (${PROVINCE_MEETING}, ${CITY_UNIT}), (${CITY_MEETING}, ${COUNTY_UNIT})`,
      sql`
        insert into action_item (id, meeting_id, title, owner_org_unit_id, due, status) values
        (${PROVINCE_ITEM}, ${PROVINCE_MEETING}, '报送计划', ${COUNTY_UNIT}, '2019-05-01', 'open'),
        (${CITY_ITEM}, ${CITY_MEETING}, '整改', ${COUNTY_UNIT}, '2019-06-01', 'open')`,
      sql`
        insert into supervision_notice
        (id, number, plan_id, action_item_id, org_unit_id, region_code, prefecture_code, reason, required_action,
        reply_due, status, issued_by)
        values (${NOTICE}, '督办〔2019〕1号', ${PLAN}, ${PROVINCE_ITEM}, ${COUNTY_UNIT}, '230102', '2301', '逾期', '整改',
        '2019-06-01', 'issued', ${USER})`,
      sql`
        insert into notification (id, recipient_org_unit_id, kind, subject_type, subject_id, threshold, title) values
        (${PROVINCE_NOTE}, ${PROVINCE_UNIT}, 'action_item', 'action_item', ${PROVINCE_ITEM}, 'due-7', '提醒'),
        (${COUNTY_NOTE}, ${COUNTY_UNIT}, 'action_item', 'action_item', ${PROVINCE_ITEM}, 'due-7', '提醒')`,
      sql`
        insert into sms_delivery (notification_id, phone_index) values (${PROVINCE_NOTE}, 'a'), (${COUNTY_NOTE}, 'b')`,
    ];
    for (const statement of statements) await statement.execute(db);

    expect((await migrate(db, migrationsUpTo(MIGRATION, true))).applied).toEqual([MIGRATION]);

    const byId = async (table: string, column = 'id') =>
      Object.fromEntries(
        (
          await sql<{ key: string; prefecture_code: string }>`
            select ${sql.ref(column)} as key, prefecture_code from ${sql.table(table)}`.execute(db)
        ).rows.map((r) => [r.key, r.prefecture_code]),
      );
    // A provincial meeting carries the province's code; its attendees and items copy the meeting's.
    expect(await byId('joint_meeting')).toEqual({ [PROVINCE_MEETING]: '23', [CITY_MEETING]: '2301' });
    expect(await byId('action_item')).toEqual({ [PROVINCE_ITEM]: '23', [CITY_ITEM]: '2301' });
    const attendees = await sql<{ meeting_id: string; org_unit_id: string; prefecture_code: string }>`
      select meeting_id, org_unit_id, prefecture_code from joint_meeting_attendee order by meeting_id, org_unit_id`.execute(
      db,
    );
    expect(attendees.rows).toEqual([
      { meeting_id: PROVINCE_MEETING, org_unit_id: PROVINCE_UNIT, prefecture_code: '23' },
      { meeting_id: PROVINCE_MEETING, org_unit_id: CITY_UNIT, prefecture_code: '23' },
      { meeting_id: CITY_MEETING, org_unit_id: COUNTY_UNIT, prefecture_code: '2301' },
    ]);
    // A notification carries its recipient's prefecture; a delivery its notification's.
    expect(await byId('notification')).toEqual({ [PROVINCE_NOTE]: '23', [COUNTY_NOTE]: '2301' });
    expect(await byId('sms_delivery', 'notification_id')).toEqual({ [PROVINCE_NOTE]: '23', [COUNTY_NOTE]: '2301' });
    // The notice about the provincial meeting's item lies in its addressee's prefecture and keeps
    // its reference as a plain column.
    const notice = await sql<{ action_item_id: string; prefecture_code: string }>`
      select action_item_id, prefecture_code from supervision_notice`.execute(db);
    expect(notice.rows).toEqual([{ action_item_id: PROVINCE_ITEM, prefecture_code: '2301' }]);

    // Every primary and unique key now holds the prefecture, and the keys between the tables carry it.
    const keys = await sql<{ table: string; definition: string }>`
      select c.conrelid::regclass::text as table, pg_get_constraintdef(c.oid) as definition
      from pg_constraint c
      where c.conrelid::regclass::text in ('joint_meeting', 'joint_meeting_attendee', 'action_item', 'notification', 'sms_delivery')
        and (c.contype in ('p', 'u') or (c.contype = 'f' and c.confrelid::regclass::text in
          ('joint_meeting', 'action_item', 'notification')))
      order by 1, 2`.execute(db);
    expect(keys.rows).toEqual([
      {
        table: 'action_item',
        definition: 'FOREIGN KEY (prefecture_code, meeting_id) REFERENCES joint_meeting(prefecture_code, id)',
      },
      { table: 'action_item', definition: 'PRIMARY KEY (prefecture_code, id)' },
      { table: 'joint_meeting', definition: 'PRIMARY KEY (prefecture_code, id)' },
      {
        table: 'joint_meeting_attendee',
        definition:
          'FOREIGN KEY (prefecture_code, meeting_id) REFERENCES joint_meeting(prefecture_code, id) ON DELETE CASCADE',
      },
      { table: 'joint_meeting_attendee', definition: 'PRIMARY KEY (prefecture_code, meeting_id, org_unit_id)' },
      { table: 'notification', definition: 'PRIMARY KEY (prefecture_code, id)' },
      {
        table: 'sms_delivery',
        definition:
          'FOREIGN KEY (prefecture_code, notification_id) REFERENCES notification(prefecture_code, id) ON DELETE CASCADE',
      },
      { table: 'sms_delivery', definition: 'PRIMARY KEY (prefecture_code, notification_id, phone_index)' },
    ]);
    const once = await sql<{ definition: string }>`
      select pg_get_indexdef(i.indexrelid) as definition from pg_index i
      where i.indrelid = 'notification'::regclass and i.indisunique and not i.indisprimary`.execute(db);
    expect(once.rows.map((r) => r.definition)).toEqual([
      expect.stringContaining('(prefecture_code, recipient_org_unit_id, kind, subject_type, subject_id, threshold)'),
    ]);
  });
});
