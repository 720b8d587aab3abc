import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { parseStored } from '../../db/stored-json.ts';
import { ReportView } from '@chuangcheng/core';

type Db = Kysely<Database>;

type Report = Selectable<Database['progress_report']>;
/** A report's key: its prefecture (the distribution column, docs/SCALE-OUT.md) and its id. */
type ReportKey = Pick<Report, 'prefecture_code' | 'id'>;
/** A report row with its JSON columns parsed (figures, milestone codes). */
export type ReportRow = Omit<Report, 'figures' | 'milestones_done'> & {
  figures: ReportView['figures'];
  milestones_done: ReportView['milestonesDone'];
  region_path: string;
  org_unit_name: string;
};
// The JSON columns as values; the repository stores them as JSON text.
type NewReport = Omit<
  Insertable<Database['progress_report']>,
  'created_at' | 'updated_at' | 'submitted_at' | 'figures' | 'milestones_done'
> &
  Pick<Report, 'figures' | 'milestones_done'>;
type ReportChanges = Partial<Pick<Report, 'narrative' | 'measures' | 'figures' | 'completed' | 'milestones_done'>>;

const LIVE = ['draft', 'submitted'];

/** Progress reports and the task assignments they are filed against. SQL only. */
export const reportRepository = {
  findOrgUnit(db: Db, orgUnitId: string) {
    return db
      .selectFrom('org_unit')
      .innerJoin('region', 'region.code', 'org_unit.region_code')
      .select(['org_unit.id', 'org_unit.name', 'region.path as region_path'])
      .where('org_unit.id', '=', orgUnitId)
      .executeTakeFirst();
  },

  async findById(db: Db, id: string): Promise<ReportRow | undefined> {
    const row = await db
      .selectFrom('progress_report')
      .innerJoin('region', 'region.code', 'progress_report.region_code')
      .innerJoin('org_unit', 'org_unit.id', 'progress_report.org_unit_id')
      .selectAll('progress_report')
      .select(['region.path as region_path', 'org_unit.name as org_unit_name'])
      .where('progress_report.id', '=', id)
      .executeTakeFirst();
    return row && parseReport(row);
  },

  /** The draft or submitted report of a unit for a task and period, if any. */
  findLive(db: Db, taskId: string, orgUnitId: string, period: string) {
    return db
      .selectFrom('progress_report')
      .select(['id', 'status'])
      .where('task_id', '=', taskId)
      .where('org_unit_id', '=', orgUnitId)
      .where('period', '=', period)
      .where('status', 'in', LIVE)
      .executeTakeFirst();
  },

  async nextVersion(db: Db, taskId: string, orgUnitId: string, period: string): Promise<number> {
    const row = await db
      .selectFrom('progress_report')
      .select((eb) => eb.fn.max('version').as('max'))
      .where('task_id', '=', taskId)
      .where('org_unit_id', '=', orgUnitId)
      .where('period', '=', period)
      .executeTakeFirst();
    return Number(row?.max ?? 0) + 1;
  },

  async insert(db: Db, report: NewReport): Promise<void> {
    await db
      .insertInto('progress_report')
      .values({
        ...report,
        figures: JSON.stringify(report.figures),
        milestones_done: JSON.stringify(report.milestones_done),
      })
      .execute();
  },

  async update(db: Db, key: ReportKey, changes: ReportChanges): Promise<void> {
    const set: Record<string, unknown> = { ...changes, updated_at: new Date() };
    if (changes.figures !== undefined) set.figures = JSON.stringify(changes.figures);
    if (changes.milestones_done !== undefined) set.milestones_done = JSON.stringify(changes.milestones_done);
    await db
      .updateTable('progress_report')
      .set(set)
      .where('prefecture_code', '=', key.prefecture_code)
      .where('id', '=', key.id)
      .execute();
  },

  async submit(db: Db, key: ReportKey): Promise<void> {
    const now = new Date();
    await db
      .updateTable('progress_report')
      .set({ status: 'submitted', submitted_at: now, updated_at: now })
      .where('prefecture_code', '=', key.prefecture_code)
      .where('id', '=', key.id)
      .execute();
  },

  /** Moves a submitted report between submitted and superseded; its content never changes. */
  async setStatus(db: Db, key: ReportKey, status: 'submitted' | 'superseded'): Promise<void> {
    await db
      .updateTable('progress_report')
      .set({ status, updated_at: new Date() })
      .where('prefecture_code', '=', key.prefecture_code)
      .where('id', '=', key.id)
      .execute();
  },

  async delete(db: Db, key: ReportKey): Promise<void> {
    await db
      .deleteFrom('progress_report')
      .where('prefecture_code', '=', key.prefecture_code)
      .where('id', '=', key.id)
      .execute();
  },

  /** Every version of a task's reports, optionally of one unit, newest period and version first. */
  async listHistory(db: Db, taskId: string, orgUnitId: string | undefined): Promise<ReportRow[]> {
    let query = db
      .selectFrom('progress_report')
      .innerJoin('region', 'region.code', 'progress_report.region_code')
      .innerJoin('org_unit', 'org_unit.id', 'progress_report.org_unit_id')
      .selectAll('progress_report')
      .select(['region.path as region_path', 'org_unit.name as org_unit_name'])
      .where('progress_report.task_id', '=', taskId);
    if (orgUnitId) query = query.where('progress_report.org_unit_id', '=', orgUnitId);
    const rows = await query
      .orderBy('progress_report.period', 'desc')
      .orderBy('progress_report.version', 'desc')
      .execute();
    return rows.map(parseReport);
  },
};

/** A report row with its JSON columns read through the schemas the API serves them with. */
function parseReport(row: Report & { region_path: string; org_unit_name: string }): ReportRow {
  return {
    ...row,
    figures: parseStored(ReportView.shape.figures, row.figures, 'progress_report.figures'),
    milestones_done: parseStored(
      ReportView.shape.milestonesDone,
      row.milestones_done,
      'progress_report.milestones_done',
    ),
  };
}
