import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

/** Which task × unit rows to load: one organisation, a region scope, or both. */
export type AssignmentFilter = { orgUnitId?: string; scopePath?: string };

/** Bulk reads behind "my tasks", the ledger and the board, one query per table. */
export const ledgerRepository = {
  /** Every unit assigned to a current task of the plan, in plan order. */
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

  /**
   * The reports in force on `asOf` of the plan's tasks, summarised per task and unit in SQL:
   * the periods covered with the day each was filed, the latest report and the milestones
   * declared delivered. "In force on D" is the highest version of a period's report that
   * was submitted by the end of D (China time), for periods up to `lastPeriod` (the period
   * containing D): a later report or a later correction does not change how D looked. A
   * superseded report whose correction is still a draft stays in force. Twenty thousand
   * monthly reports become a few hundred rows before they reach Node.
   */
  async summariseSubmitted(
    db: Db,
    planId: string,
    orgUnitId: string | undefined,
    asOf: { filedBefore: Date; lastPeriod: string },
  ) {
    const { rows } = await sql<{
      task_id: string;
      org_unit_id: string;
      periods: string[];
      /** The day (China time) each period's report in force was filed, aligned with `periods`. */
      filed_on: string[];
      latest_id: string;
      latest_period: string;
      latest_submitted_at: Date;
      latest_completed: boolean;
      /** One array of milestone codes per report that declared any; null when none did. */
      milestones_done: string[][] | null;
    }>`
      with filed as (
        select pr.*, row_number() over (
          partition by pr.task_id, pr.org_unit_id, pr.period order by pr.version desc) as rank
        from progress_report pr
        join plan_task t on t.id = pr.task_id
        where t.plan_id = ${planId}
          and pr.status in ('submitted', 'superseded')
          and pr.submitted_at is not null
          and pr.submitted_at < ${asOf.filedBefore}
          and pr.period <= ${asOf.lastPeriod}
          and (${orgUnitId ?? null}::uuid is null or pr.org_unit_id = ${orgUnitId ?? null}::uuid)
      )
      select pr.task_id, pr.org_unit_id,
        array_agg(pr.period order by pr.period) as periods,
        array_agg(to_char(pr.submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') order by pr.period) as filed_on,
        (array_agg(pr.id order by pr.period desc))[1] as latest_id,
        (array_agg(pr.period order by pr.period desc))[1] as latest_period,
        (array_agg(pr.submitted_at order by pr.period desc))[1] as latest_submitted_at,
        (array_agg(pr.completed order by pr.period desc))[1] as latest_completed,
        jsonb_agg(pr.milestones_done) filter (where jsonb_array_length(pr.milestones_done) > 0) as milestones_done
      from filed pr
      where pr.rank = 1
      group by pr.task_id, pr.org_unit_id`.execute(db);
    return rows;
  },

  /** Narratives of the given reports (only the latest ones are shown, so they load apart). */
  listNarratives(db: Db, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('progress_report').select(['id', 'narrative']).where('id', 'in', ids).execute();
  },

  listDrafts(db: Db, planId: string, orgUnitId: string) {
    return db
      .selectFrom('progress_report')
      .innerJoin('plan_task', 'plan_task.id', 'progress_report.task_id')
      .select(['progress_report.id', 'progress_report.task_id', 'progress_report.period', 'progress_report.updated_at'])
      .where('plan_task.plan_id', '=', planId)
      .where('progress_report.org_unit_id', '=', orgUnitId)
      .where('progress_report.status', '=', 'draft')
      .orderBy('progress_report.updated_at', 'desc')
      .execute();
  },
};
