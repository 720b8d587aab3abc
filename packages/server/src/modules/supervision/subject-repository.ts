import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

/** SQL of what supervision is about: the plan, task or action item a notice, instruction or meeting names. */
export const subjectRepository = {
  /** A plan's id by its code. */
  planIdByCode(db: Db, code: string) {
    return db.selectFrom('plan').select('id').where('code', '=', code).executeTakeFirst();
  },

  /** A plan by its code, with the path of the region that issued it. */
  planWithRegionPath(db: Db, code: string) {
    return db
      .selectFrom('plan as p')
      .innerJoin('region as r', 'r.code', 'p.issuing_region_code')
      .select(['p.id', 'r.path'])
      .where('p.code', '=', code)
      .executeTakeFirst();
  },

  /** A task that is not retired, with its plan. */
  liveTask(db: Db, taskId: string) {
    return db
      .selectFrom('plan_task')
      .select(['id', 'plan_id'])
      .where('id', '=', taskId)
      .where('retired_in_version', 'is', null)
      .executeTakeFirst();
  },

  /** Whether a unit is assigned to a task. */
  async isAssigned(db: Db, taskId: string, orgUnitId: string): Promise<boolean> {
    const row = await db
      .selectFrom('plan_task_unit')
      .select('org_unit_id')
      .where('task_id', '=', taskId)
      .where('org_unit_id', '=', orgUnitId)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** An action item's owner and the plan of its meeting. */
  actionItemSubject(db: Db, actionItemId: string) {
    return db
      .selectFrom('action_item as a')
      .innerJoin('joint_meeting as m', 'm.id', 'a.meeting_id')
      .select(['a.owner_org_unit_id', 'm.plan_id'])
      .where('a.id', '=', actionItemId)
      .executeTakeFirst();
  },

  /** A region's prefecture (the distribution column of what is written for it). */
  regionPrefecture(db: Db, regionCode: string) {
    return db.selectFrom('region').select('prefecture_code').where('code', '=', regionCode).executeTakeFirstOrThrow();
  },
};
