import crypto from 'node:crypto';
import { Comparator, PlanFile, TargetDirection, TargetScope } from '@chuangcheng/core';
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { parseStored } from '../../db/stored-json.ts';

type Db = Kysely<Database>;

export type ProgrammeRow = { code: string; title: string; position: number };
export type TaskRow = {
  programmeId: string;
  number: string;
  title: string;
  text: string;
  unitsAsWritten: string | null;
  position: number;
};
// A row as the importer builds it: `scope` is the value itself, stored as JSON text here.
type TargetRow = Omit<Selectable<Database['plan_target']>, 'id' | 'plan_id' | 'retired_in_version'>;
type MilestoneRow = Omit<Selectable<Database['plan_milestone']>, 'id' | 'plan_id' | 'retired_in_version'>;
/** The plan's rows kept by their code across versions. */
type CodedRows = { plan_target: TargetRow; plan_milestone: MilestoneRow };

/**
 * Plan rows are upserted by natural key (programme code, task number, target and
 * milestone code) so that their ids, and everything later attached to them, survive a
 * revised plan. Rows missing from a version are retired, not deleted.
 */
export const planRepository = {
  findByCode(db: Db, code: string) {
    return db.selectFrom('plan').selectAll().where('code', '=', code).executeTakeFirst();
  },

  list(db: Db) {
    return db
      .selectFrom('plan')
      .innerJoin('region', 'region.code', 'plan.issuing_region_code')
      .selectAll('plan')
      .select(['region.name as issuing_region_name', 'region.path as issuing_region_path'])
      .orderBy('plan.period_start', 'desc')
      .execute();
  },

  async insertPlan(db: Db, plan: Omit<Insertable<Database['plan']>, 'updated_at'>): Promise<void> {
    await db.insertInto('plan').values(plan).execute();
  },

  async updatePlan(db: Db, id: string, changes: Omit<Updateable<Database['plan']>, 'id' | 'code'>): Promise<void> {
    await db
      .updateTable('plan')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  },

  async insertVersion(db: Db, version: Omit<Selectable<Database['plan_version']>, 'imported_at'>): Promise<void> {
    await db
      .insertInto('plan_version')
      .values({ ...version, document: JSON.stringify(version.document) })
      .execute();
  },

  async findVersion(db: Db, planId: string, version: number) {
    const row = await db
      .selectFrom('plan_version')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row && { ...row, document: parseStored(PlanFile, row.document, 'plan_version.document') };
  },

  listVersions(db: Db, planId: string) {
    return db
      .selectFrom('plan_version')
      .select(['version', 'source_name', 'checksum', 'imported_at', 'imported_by'])
      .where('plan_id', '=', planId)
      .orderBy('version', 'desc')
      .execute();
  },

  async upsertProgramme(db: Db, planId: string, row: ProgrammeRow): Promise<string> {
    const result = await db
      .insertInto('plan_programme')
      .values({ id: crypto.randomUUID(), plan_id: planId, ...row, retired_in_version: null })
      .onConflict((oc) =>
        oc
          .columns(['plan_id', 'code'])
          .doUpdateSet({ title: row.title, position: row.position, retired_in_version: null }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    return result.id;
  },

  async upsertTask(db: Db, planId: string, row: TaskRow): Promise<string> {
    const values = {
      programme_id: row.programmeId,
      number: row.number,
      title: row.title,
      text: row.text,
      units_as_written: row.unitsAsWritten,
      position: row.position,
      retired_in_version: null,
    };
    const result = await db
      .insertInto('plan_task')
      .values({ id: crypto.randomUUID(), plan_id: planId, ...values })
      .onConflict((oc) => oc.columns(['plan_id', 'number']).doUpdateSet(values))
      .returning('id')
      .executeTakeFirstOrThrow();
    return result.id;
  },

  async replaceTaskUnits(
    db: Db,
    taskId: string,
    units: { orgUnitId: string; role: 'lead' | 'participating'; position: number }[],
  ): Promise<void> {
    await db.deleteFrom('plan_task_unit').where('task_id', '=', taskId).execute();
    if (units.length === 0) return;
    await db
      .insertInto('plan_task_unit')
      .values(units.map((u) => ({ task_id: taskId, org_unit_id: u.orgUnitId, role: u.role, position: u.position })))
      .execute();
  },

  /** A target or milestone of the plan, by its code: added, or replaced and current again if it was retired. */
  async upsertByCode<T extends keyof CodedRows>(db: Db, table: T, planId: string, row: CodedRows[T]): Promise<void> {
    // Widened to the union, which Kysely can type (it cannot follow T through the insert).
    const into: keyof CodedRows = table;
    const coded: TargetRow | MilestoneRow = row;
    const values = { ...coded, scope: JSON.stringify(coded.scope), retired_in_version: null };
    await db
      .insertInto(into)
      .values({ id: crypto.randomUUID(), plan_id: planId, ...values })
      .onConflict((oc) => oc.columns(['plan_id', 'code']).doUpdateSet(values))
      .execute();
  },

  /** Marks rows of `table` that the new version no longer lists as retired in it; returns how many. */
  async retireMissing(
    db: Db,
    table: 'plan_programme' | 'plan_task' | 'plan_target' | 'plan_milestone',
    planId: string,
    keep: string[],
    version: number,
  ): Promise<number> {
    const key = table === 'plan_task' ? 'number' : 'code';
    let query = db
      .updateTable(table)
      .set({ retired_in_version: version })
      .where('plan_id', '=', planId)
      .where('retired_in_version', 'is', null);
    if (keep.length > 0) query = query.where(key, 'not in', keep);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  /** Organisation ids by exact name, among units of the given regions. */
  orgUnitsByName(db: Db, names: string[]) {
    if (names.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('org_unit')
      .innerJoin('region', 'region.code', 'org_unit.region_code')
      .select(['org_unit.id', 'org_unit.name', 'region.path as region_path'])
      .where('org_unit.name', 'in', names)
      .execute();
  },

  listProgrammes(db: Db, planId: string) {
    return db
      .selectFrom('plan_programme')
      .select(['id', 'code', 'title'])
      .where('plan_id', '=', planId)
      .where('retired_in_version', 'is', null)
      .orderBy('position')
      .execute();
  },

  listTasks(db: Db, planId: string) {
    return db
      .selectFrom('plan_task')
      .select(['id', 'programme_id', 'number', 'title', 'text', 'units_as_written'])
      .where('plan_id', '=', planId)
      .where('retired_in_version', 'is', null)
      .orderBy('position')
      .execute();
  },

  listTaskUnits(db: Db, planId: string) {
    return db
      .selectFrom('plan_task_unit')
      .innerJoin('plan_task', 'plan_task.id', 'plan_task_unit.task_id')
      .innerJoin('org_unit', 'org_unit.id', 'plan_task_unit.org_unit_id')
      .select(['plan_task_unit.task_id', 'plan_task_unit.role', 'org_unit.id', 'org_unit.code', 'org_unit.name'])
      .where('plan_task.plan_id', '=', planId)
      .orderBy('plan_task_unit.task_id')
      .orderBy('plan_task_unit.position')
      .execute();
  },

  async listTargets(db: Db, planId: string) {
    const rows = await db
      .selectFrom('plan_target')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('retired_in_version', 'is', null)
      .orderBy('position')
      .execute();
    return rows.map((r) => ({
      ...r,
      comparator: parseStored(Comparator, r.comparator, 'plan_target.comparator'),
      direction: parseStored(TargetDirection, r.direction, 'plan_target.direction'),
      scope: parseStored(TargetScope, r.scope, 'plan_target.scope'),
    }));
  },

  async listMilestones(db: Db, planId: string) {
    const rows = await db
      .selectFrom('plan_milestone')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('retired_in_version', 'is', null)
      .orderBy('position')
      .execute();
    return rows.map((r) => ({ ...r, scope: parseStored(TargetScope, r.scope, 'plan_milestone.scope') }));
  },
};
