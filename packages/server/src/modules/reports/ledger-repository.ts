import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

/** Bulk reads behind "my tasks", the ledger and the board, one query per table. */
export const ledgerRepository = {
  /**
   * The reports in force on `asOf` of the plan's tasks, summarised per task and unit in SQL:
   * the periods covered with the day each was filed, the latest report and the milestones
   * declared delivered. "In force on D" is the highest version of a period's report that
   * was submitted by the end of D (China time), for periods up to `lastPeriod` (the period
   * containing D): a later report or a later correction does not change how D looked. A
   * superseded report whose correction is still a draft stays in force. Twenty thousand
   * monthly reports become a few hundred rows before they reach Node. `taskIds` are the tasks
   * asked about (the plan's, from `planLookup.listAssignments`).
   */
  async summariseSubmitted(
    db: Db,
    taskIds: readonly string[],
    orgUnitId: string | undefined,
    asOf: { filedBefore: Date; lastPeriod: string },
  ) {
    if (taskIds.length === 0) return [];
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
        where pr.task_id = any(${[...new Set(taskIds)]}::uuid[])
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

  /** A unit's draft reports, on every task of every plan, the latest first. */
  listDrafts(db: Db, orgUnitId: string) {
    return db
      .selectFrom('progress_report')
      .select(['id', 'task_id', 'period', 'updated_at'])
      .where('org_unit_id', '=', orgUnitId)
      .where('status', '=', 'draft')
      .orderBy('updated_at', 'desc')
      .execute();
  },
};
