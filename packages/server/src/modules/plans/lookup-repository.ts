import { TargetScope } from '@chuangcheng/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { parseStored } from '../../db/stored-json.ts';

type Db = Kysely<Database>;

/** Which task × unit rows to load: one organisation, a region scope, or both. */
export type AssignmentFilter = { orgUnitId?: string; scopePath?: string };

/**
 * The reads other modules make of plans (through `planLookup`): tasks, their units and targets, by id
 * or in bulk, so that a caller never loops over ids with one query each.
 */
export const planLookupRepository = {
  /** A plan by its code, with the path of the region that issued it. */
  findWithRegionPath(db: Db, code: string) {
    return db
      .selectFrom('plan as p')
      .innerJoin('region as r', 'r.code', 'p.issuing_region_code')
      .select(['p.id', 'r.path'])
      .where('p.code', '=', code)
      .executeTakeFirst();
  },

  /** The codes of these plans, by id. */
  plansByIds(db: Db, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('plan')
      .select(['id', 'code'])
      .where('id', 'in', [...new Set(ids)])
      .execute();
  },

  /** A task with its plan's period and reporting cadence; only a current one unless `includeRetired`. */
  findTask(db: Db, taskId: string, includeRetired = false) {
    const query = db
      .selectFrom('plan_task')
      .innerJoin('plan', 'plan.id', 'plan_task.plan_id')
      .select([
        'plan_task.id',
        'plan_task.number',
        'plan_task.plan_id',
        'plan.code as plan_code',
        'plan.period_start',
        'plan.period_end',
        'plan.reporting_cadence',
      ])
      .where('plan_task.id', '=', taskId);
    return (includeRetired ? query : query.where('plan_task.retired_in_version', 'is', null)).executeTakeFirst();
  },

  /** The number and title of these tasks (retired ones included), by id. */
  tasksByIds(db: Db, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('plan_task')
      .select(['id', 'number', 'title'])
      .where('id', 'in', [...new Set(ids)])
      .execute();
  },

  /** The assignment of a unit to a task, with the unit's region. */
  findAssignment(db: Db, taskId: string, orgUnitId: string) {
    return db
      .selectFrom('plan_task_unit')
      .innerJoin('org_unit', 'org_unit.id', 'plan_task_unit.org_unit_id')
      .innerJoin('region', 'region.code', 'org_unit.region_code')
      .select([
        'plan_task_unit.role',
        'org_unit.id as org_unit_id',
        'org_unit.region_code',
        'region.path as region_path',
        'region.prefecture_code',
      ])
      .where('plan_task_unit.task_id', '=', taskId)
      .where('plan_task_unit.org_unit_id', '=', orgUnitId)
      .executeTakeFirst();
  },

  /** Every unit assigned to a current task of the plan, in plan order (one query, for the ledger and board). */
  listAssignments(db: Db, planId: string, filter: AssignmentFilter) {
    let query = db
      .selectFrom('plan_task_unit')
      .innerJoin('plan_task', 'plan_task.id', 'plan_task_unit.task_id')
      .innerJoin('plan_programme', 'plan_programme.id', 'plan_task.programme_id')
      .innerJoin('org_unit', 'org_unit.id', 'plan_task_unit.org_unit_id')
      .innerJoin('region', 'region.code', 'org_unit.region_code')
      .select([
        'plan_task.id as task_id',
        'plan_task.number',
        'plan_task.title',
        'plan_programme.code as programme_code',
        'plan_programme.title as programme_title',
        'plan_task_unit.role',
        'org_unit.id as org_unit_id',
        'org_unit.name as org_unit_name',
        'region.path as region_path',
      ])
      .where('plan_task.plan_id', '=', planId)
      .where('plan_task.retired_in_version', 'is', null);
    if (filter.orgUnitId) query = query.where('plan_task_unit.org_unit_id', '=', filter.orgUnitId);
    const scope = filter.scopePath;
    if (scope)
      query = query.where((eb) => eb.or([eb('region.path', '=', scope), eb('region.path', 'like', `${scope}/%`)]));
    return query
      .orderBy('plan_programme.position')
      .orderBy('plan_task.position')
      .orderBy('plan_task_unit.position')
      .execute();
  },

  /** Every target of every plan that is not retired, with its plan's code and its task's number, by plan and position. */
  async liveTargets(db: Db) {
    const rows = await db
      .selectFrom('plan_target as t')
      .innerJoin('plan as p', 'p.id', 't.plan_id')
      .leftJoin('plan_task as k', 'k.id', 't.task_id')
      .where('t.retired_in_version', 'is', null)
      .select([
        't.id',
        'p.code as plan_code',
        't.code',
        't.title',
        'k.number as task_number',
        't.comparator',
        't.value',
        't.value_max',
        't.unit',
        't.deadline',
        't.direction',
        't.scope',
        't.baseline_year',
        't.baseline_value',
      ])
      .orderBy('p.code')
      .orderBy('t.position')
      .execute();
    return rows.map((t) => ({ ...t, scope: parseStored(TargetScope, t.scope, 'plan_target.scope') }));
  },
};
