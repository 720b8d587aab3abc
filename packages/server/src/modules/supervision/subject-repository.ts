import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

/**
 * SQL of what supervision is about: the action item a notice names (plans and tasks are read through
 * `planLookup`).
 */
export const subjectRepository = {
  /** An action item's owner and the plan of its meeting. */
  actionItemSubject(db: Db, actionItemId: string) {
    return db
      .selectFrom('action_item as a')
      .innerJoin('joint_meeting as m', (join) =>
        join.onRef('m.prefecture_code', '=', 'a.prefecture_code').onRef('m.id', '=', 'a.meeting_id'),
      )
      .select(['a.owner_org_unit_id', 'm.plan_id'])
      .where('a.id', '=', actionItemId)
      .executeTakeFirst();
  },

  /** A region's prefecture (the distribution column of what is written for it). */
  regionPrefecture(db: Db, regionCode: string) {
    return db.selectFrom('region').select('prefecture_code').where('code', '=', regionCode).executeTakeFirstOrThrow();
  },
};
