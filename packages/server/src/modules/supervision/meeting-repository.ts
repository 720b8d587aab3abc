import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { planLookup } from '../plans/index.ts';
import { withPlanCodes } from './plan-names.ts';

function meetingQuery(db: Kysely<Database>) {
  return db
    .selectFrom('joint_meeting as m')
    .innerJoin('region as r', 'r.code', 'm.region_code')
    .selectAll('m')
    .select('r.path as region_path');
}

type BaseRow = NonNullable<Awaited<ReturnType<ReturnType<typeof meetingQuery>['executeTakeFirst']>>>;
/** A meeting with its region's path and its plan's code (from plans). */
export type MeetingRow = BaseRow & { plan_code: string };

function itemQuery(db: Kysely<Database>) {
  return db
    .selectFrom('action_item as a')
    .innerJoin('org_unit as u', 'u.id', 'a.owner_org_unit_id')
    .selectAll('a')
    .select('u.name as owner_name');
}

export type ActionItemRow = NonNullable<Awaited<ReturnType<ReturnType<typeof itemQuery>['executeTakeFirst']>>>;
/** A meeting's or an action item's whole key: its prefecture (the distribution column) and its id. */
export type MeetingKey = { prefecture_code: string; id: string };

export const meetingRepository = {
  /** A meeting by its id alone (the URL carries only the id): under Citus a read of every shard. */
  async findById(db: Kysely<Database>, id: string): Promise<MeetingRow | undefined> {
    const row = await meetingQuery(db).where('m.id', '=', id).executeTakeFirst();
    return row && (await withPlanCodes(db, [row]))[0];
  },

  /** Meetings in a region subtree, or (for a unit) those it attended or owns items of. */
  async list(
    db: Kysely<Database>,
    filter: { scopePath?: string; unitId?: string; planCode?: string; kind?: 'joint' | 'liaison' },
  ): Promise<MeetingRow[]> {
    let query = meetingQuery(db);
    if (filter.planCode) {
      const plan = await planLookup.findByCode(db, filter.planCode);
      if (!plan) return [];
      query = query.where('m.plan_id', '=', plan.id);
    }
    if (filter.scopePath) {
      const scope = filter.scopePath;
      query = query.where((eb) => eb.or([eb('r.path', '=', scope), eb('r.path', 'like', `${scope}/%`)]));
    }
    if (filter.unitId) {
      const unit = filter.unitId;
      query = query.where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('joint_meeting_attendee as x')
              .select('x.meeting_id')
              .whereRef('x.prefecture_code', '=', 'm.prefecture_code')
              .whereRef('x.meeting_id', '=', 'm.id')
              .where('x.org_unit_id', '=', unit),
          ),
          eb.exists(
            eb
              .selectFrom('action_item as y')
              .select('y.id')
              .whereRef('y.prefecture_code', '=', 'm.prefecture_code')
              .whereRef('y.meeting_id', '=', 'm.id')
              .where('y.owner_org_unit_id', '=', unit),
          ),
        ]),
      );
    }
    if (filter.kind) query = query.where('m.kind', '=', filter.kind);
    return withPlanCodes(db, await query.orderBy('m.held_on', 'desc').orderBy('m.id').limit(500).execute());
  },

  attendees(db: Kysely<Database>, meeting: MeetingKey) {
    return db
      .selectFrom('joint_meeting_attendee as x')
      .innerJoin('org_unit as u', 'u.id', 'x.org_unit_id')
      .select(['u.id', 'u.name'])
      .where('x.prefecture_code', '=', meeting.prefecture_code)
      .where('x.meeting_id', '=', meeting.id)
      .orderBy('u.code')
      .execute();
  },

  /** A meeting's items (on its prefecture's node), or the items a unit owns (in every prefecture). */
  items(db: Kysely<Database>, filter: { meeting?: MeetingKey; ownerId?: string }): Promise<ActionItemRow[]> {
    let query = itemQuery(db);
    if (filter.meeting) {
      query = query
        .where('a.prefecture_code', '=', filter.meeting.prefecture_code)
        .where('a.meeting_id', '=', filter.meeting.id);
    }
    if (filter.ownerId) query = query.where('a.owner_org_unit_id', '=', filter.ownerId);
    return query.orderBy('a.due').orderBy('a.id').execute();
  },

  /**
   * An item by its id, on its prefecture's node when the caller knows the prefecture; by the id
   * alone (the URL carries only the id) it is under Citus a read of every shard.
   */
  findItem(db: Kysely<Database>, id: string, prefectureCode?: string): Promise<ActionItemRow | undefined> {
    let query = itemQuery(db).where('a.id', '=', id);
    if (prefectureCode) query = query.where('a.prefecture_code', '=', prefectureCode);
    return query.executeTakeFirst();
  },

  async insert(trx: Kysely<Database>, row: Insertable<Database['joint_meeting']>) {
    await trx.insertInto('joint_meeting').values(row).execute();
  },

  async update(trx: Kysely<Database>, key: MeetingKey, changes: Updateable<Database['joint_meeting']>) {
    await trx
      .updateTable('joint_meeting')
      .set(changes)
      .where('prefecture_code', '=', key.prefecture_code)
      .where('id', '=', key.id)
      .execute();
  },

  /** Replaces a meeting's attendees; they carry the meeting's prefecture. */
  async setAttendees(trx: Kysely<Database>, meeting: MeetingKey, unitIds: readonly string[]) {
    await trx
      .deleteFrom('joint_meeting_attendee')
      .where('prefecture_code', '=', meeting.prefecture_code)
      .where('meeting_id', '=', meeting.id)
      .execute();
    if (unitIds.length === 0) return;
    await trx
      .insertInto('joint_meeting_attendee')
      .values(
        [...new Set(unitIds)].map((org_unit_id) => ({
          prefecture_code: meeting.prefecture_code,
          meeting_id: meeting.id,
          org_unit_id,
        })),
      )
      .execute();
  },

  async insertItems(trx: Kysely<Database>, rows: Insertable<Database['action_item']>[]) {
    if (rows.length > 0) await trx.insertInto('action_item').values(rows).execute();
  },

  /** Completes an open item; false when it was already done. */
  async completeItem(trx: Kysely<Database>, key: MeetingKey, userId: string, note: string): Promise<boolean> {
    const result = await trx
      .updateTable('action_item')
      .set({ status: 'done', completion_note: note, completed_at: new Date(), completed_by: userId })
      .where('prefecture_code', '=', key.prefecture_code)
      .where('id', '=', key.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
