import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { withTaskNames } from './plan-names.ts';

type Db = Kysely<Database>;

/** Which units to read for: one organisation, a region scope, or both. */
type UnitFilter = { orgUnitId?: string; scopePath?: string };

/**
 * SQL behind what other modules read of supervision through `supervisionLookup` (lookup.ts): the
 * reports module's ledger, board and 督查通报 (notices, joint-meeting action items, the issuing
 * office), the reminder job and the attachments module's access check. Reads only.
 */
export const supervisionLookupRepository = {
  /** Supervision notices open on `asOf` (issued by then, not closed by then) per task and unit. */
  countOpenNotices(db: Db, planId: string, filedBefore: Date) {
    return db
      .selectFrom('supervision_notice')
      .select(['task_id', 'org_unit_id', (eb) => eb.fn.countAll<string>().as('count')])
      .where('plan_id', '=', planId)
      .where('task_id', 'is not', null)
      .where('issued_at', '<', filedBefore)
      .where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>=', filedBefore)]))
      .groupBy(['task_id', 'org_unit_id'])
      .execute();
  },

  /** Notices whose reply was overdue on `asOf` and not given by then, for units in scope. */
  async listOverdueNotices(db: Db, planId: string, asOf: string, filedBefore: Date, filter: UnitFilter) {
    let query = db
      .selectFrom('supervision_notice')
      .innerJoin('org_unit', 'org_unit.id', 'supervision_notice.org_unit_id')
      .innerJoin('region', 'region.code', 'org_unit.region_code')
      .select([
        'supervision_notice.id',
        'supervision_notice.number',
        'supervision_notice.status',
        'supervision_notice.reply_due',
        'org_unit.id as org_unit_id',
        'org_unit.name as org_unit_name',
        'supervision_notice.task_id',
      ])
      .where('supervision_notice.plan_id', '=', planId)
      .where('supervision_notice.issued_at', '<', filedBefore)
      .where((eb) =>
        eb.or([
          eb('supervision_notice.replied_at', 'is', null),
          eb('supervision_notice.replied_at', '>=', filedBefore),
        ]),
      )
      .where((eb) =>
        eb.or([eb('supervision_notice.closed_at', 'is', null), eb('supervision_notice.closed_at', '>=', filedBefore)]),
      )
      .where('supervision_notice.reply_due', '<', asOf);
    if (filter.orgUnitId) query = query.where('supervision_notice.org_unit_id', '=', filter.orgUnitId);
    const scope = filter.scopePath;
    if (scope)
      query = query.where((eb) => eb.or([eb('region.path', '=', scope), eb('region.path', 'like', `${scope}/%`)]));
    return withTaskNames(db, await query.orderBy('supervision_notice.reply_due').execute());
  },

  /**
   * Action items of the plan's joint meetings that were overdue on `asOf`: due before it and
   * not completed by its end; for owners in scope. Supervised like tasks, they show on the
   * board and in the ledger.
   */
  listOverdueActionItems(db: Db, planId: string, asOf: string, filedBefore: Date, filter: UnitFilter) {
    let query = db
      .selectFrom('action_item as a')
      .innerJoin('joint_meeting as m', (join) =>
        join.onRef('m.prefecture_code', '=', 'a.prefecture_code').onRef('m.id', '=', 'a.meeting_id'),
      )
      .innerJoin('org_unit as u', 'u.id', 'a.owner_org_unit_id')
      .innerJoin('region as r', 'r.code', 'u.region_code')
      .select([
        'a.id',
        'a.title',
        'a.due',
        'a.meeting_id',
        'm.title as meeting_title',
        'm.held_on',
        'u.id as org_unit_id',
        'u.name as org_unit_name',
      ])
      .where('m.plan_id', '=', planId)
      .where('a.created_at', '<', filedBefore)
      .where('a.due', '<', asOf)
      .where((eb) => eb.or([eb('a.completed_at', 'is', null), eb('a.completed_at', '>=', filedBefore)]));
    if (filter.orgUnitId) query = query.where('a.owner_org_unit_id', '=', filter.orgUnitId);
    const scope = filter.scopePath;
    if (scope) query = query.where((eb) => eb.or([eb('r.path', '=', scope), eb('r.path', 'like', `${scope}/%`)]));
    return query.orderBy('a.due').orderBy('a.id').execute();
  },
  /**
   * Notices of the plan issued, and notices closed (销号), within [from, until), per unit
   * addressed, for units whose region lies in `scopePath`.
   */
  async countNotices(db: Db, planId: string, from: Date, until: Date, scopePath: string) {
    const { rows } = await sql<{ org_unit_id: string; org_unit_name: string; issued: string; closed: string }>`
      select u.id as org_unit_id, u.name as org_unit_name,
        count(*) filter (where n.issued_at >= ${from} and n.issued_at < ${until}) as issued,
        count(*) filter (where n.closed_at >= ${from} and n.closed_at < ${until}) as closed
      from supervision_notice n
      join org_unit u on u.id = n.org_unit_id
      join region r on r.code = u.region_code
      where n.plan_id = ${planId}
        and (r.path = ${scopePath} or r.path like ${`${scopePath}/%`})
        and ((n.issued_at >= ${from} and n.issued_at < ${until}) or (n.closed_at >= ${from} and n.closed_at < ${until}))
      group by u.id, u.name`.execute(db);
    return rows.map((r) => ({ ...r, issued: Number(r.issued), closed: Number(r.closed) }));
  },

  /** An office's name and its 督办单 number prefix, when one is configured. */
  findOffice(db: Db, officeId: string) {
    return db
      .selectFrom('org_unit as u')
      .leftJoin('supervision_office_setting as s', 's.org_unit_id', 'u.id')
      .select(['u.id', 'u.name', 's.notice_prefix'])
      .where('u.id', '=', officeId)
      .executeTakeFirst();
  },

  /** Open action items due by a day (the reminder job reminds their owners). */
  listOpenActionItemsDueBy(db: Db, dueBy: string) {
    return db
      .selectFrom('action_item')
      .select(['id', 'title', 'owner_org_unit_id', 'due', 'meeting_id'])
      .where('status', '=', 'open')
      .where('due', '<=', dueBy)
      .execute();
  },

  /** A notice with the region path of the unit it was issued to (who may attach a reply). */
  findNoticeForAttachment(db: Db, id: string) {
    return db
      .selectFrom('supervision_notice')
      .innerJoin('org_unit', 'org_unit.id', 'supervision_notice.org_unit_id')
      .innerJoin('region', 'region.code', 'org_unit.region_code')
      .select([
        'supervision_notice.id',
        'supervision_notice.status',
        'supervision_notice.org_unit_id',
        'supervision_notice.region_code',
        'supervision_notice.prefecture_code',
        'region.path as region_path',
      ])
      .where('supervision_notice.id', '=', id)
      .executeTakeFirst();
  },

  /** A joint meeting with its region's path (who may attach its minutes). */
  findMeetingForAttachment(db: Db, id: string) {
    return db
      .selectFrom('joint_meeting')
      .innerJoin('region', 'region.code', 'joint_meeting.region_code')
      .select(['joint_meeting.id', 'joint_meeting.region_code', 'region.prefecture_code', 'region.path as region_path'])
      .where('joint_meeting.id', '=', id)
      .executeTakeFirst();
  },
};
