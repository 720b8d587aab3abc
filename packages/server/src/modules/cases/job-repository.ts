import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** SQL of the scheduled case jobs. */
export const caseJobRepository = {
  /** Dispatched or handling cases past their deadline with a running clock, not yet escalated. */
  overdueToEscalate(db: Kysely<Database>, now: Date, limit: number) {
    return db
      .selectFrom('problem_case')
      .select(['id', 'number', 'status', 'org_unit_id', 'region_code', 'region_path', 'prefecture_code', 'deadline'])
      .where('status', 'in', ['dispatched', 'handling'])
      .where('paused_at', 'is', null)
      .where('deadline', '<', now)
      .where('escalation_level', '=', 0)
      .where('org_unit_id', 'is not', null)
      .orderBy('deadline')
      .limit(limit)
      .execute();
  },

  /** Claims the escalation; false when another run got there first. */
  async markEscalated(trx: Kysely<Database>, id: string): Promise<boolean> {
    const result = await trx
      .updateTable('problem_case')
      .set({ escalation_level: 1, updated_at: new Date() })
      .where('id', '=', id)
      .where('escalation_level', '=', 0)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** The creation office (文明办) of the deepest region among `regionCodes`. */
  creationOfficeAbove(db: Kysely<Database>, regionCodes: string[]) {
    return db
      .selectFrom('org_unit as u')
      .innerJoin('region as r', 'r.code', 'u.region_code')
      .select(['u.id', 'u.name'])
      .where('u.kind', '=', 'creation_office')
      .where('u.region_code', 'in', regionCodes)
      .orderBy('r.level', 'desc')
      .executeTakeFirst();
  },
};
