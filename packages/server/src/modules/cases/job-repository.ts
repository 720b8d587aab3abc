import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** The status in which each desk or inspector stage runs, and the column holding its deadline. */
const STAGE_COLUMNS = {
  accept: { status: 'submitted', column: 'accept_deadline' },
  dispatch: { status: 'accepted', column: 'dispatch_deadline' },
  verify: { status: 'handled', column: 'verify_deadline' },
} as const;

/** The creation offices (文明办) of the given regions, deepest region first. */
const creationOfficesDeepestFirst = (db: Kysely<Database>, regionCodes: string[]) =>
  db
    .selectFrom('org_unit as u')
    .innerJoin('region as r', 'r.code', 'u.region_code')
    .select(['u.id', 'u.name'])
    .where('u.kind', '=', 'creation_office')
    .where('u.region_code', 'in', regionCodes)
    .orderBy('r.level', 'desc');

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
    return creationOfficesDeepestFirst(db, regionCodes).executeTakeFirst();
  },

  /** Open cases whose desk or inspector stage ran past its own deadline and has not escalated yet. */
  stageOverdue(db: Kysely<Database>, stage: 'accept' | 'dispatch' | 'verify', now: Date, limit: number) {
    const { status, column } = STAGE_COLUMNS[stage];
    return db
      .selectFrom('problem_case')
      .select(['id', 'number', 'status', 'region_code', 'region_path', 'prefecture_code', `${column} as due_at`])
      .where('status', '=', status)
      .where('paused_at', 'is', null)
      .where(column, '<', now)
      .where(sql<boolean>`not (${stage} = any(escalated_stages))`)
      .orderBy(column)
      .limit(limit)
      .execute();
  },

  /** Claims a stage's escalation; false when another run got there first. */
  async markStageEscalated(trx: Kysely<Database>, id: string, stage: string): Promise<boolean> {
    const result = await trx
      .updateTable('problem_case')
      .set({ escalated_stages: sql<string[]>`array_append(escalated_stages, ${stage})`, updated_at: new Date() })
      .where('id', '=', id)
      .where(sql<boolean>`not (${stage} = any(escalated_stages))`)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** The creation offices (文明办) of the given regions, deepest first. */
  creationOffices(db: Kysely<Database>, regionCodes: string[]) {
    return creationOfficesDeepestFirst(db, regionCodes).execute();
  },
};
