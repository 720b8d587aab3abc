import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * Files a submitted report for a period on a given day (10:00 in China), as the record would show it;
 * its id (tests only).
 */
export async function fileReport(
  db: Kysely<Database>,
  report: { taskId: string; orgUnitId: string; authorId: string; period: string; filedOn: string; completed?: boolean },
): Promise<string> {
  const id = crypto.randomUUID();
  await db
    .insertInto('progress_report')
    .values({
      id,
      task_id: report.taskId,
      org_unit_id: report.orgUnitId,
      region_code: '23',
      prefecture_code: '23',
      period: report.period,
      version: 1,
      status: 'submitted',
      narrative: `${report.period} 进展`,
      figures: '[]',
      milestones_done: '[]',
      completed: report.completed ?? false,
      author_id: report.authorId,
      submitted_at: new Date(`${report.filedOn}T10:00:00+08:00`),
    })
    .execute();
  return id;
}

/** Sets the day a report was filed (10:00 in China): a view as of a day counts only what was filed by then (tests only). */
export async function fileOn(db: Kysely<Database>, reportId: string, day: string): Promise<void> {
  await db
    .updateTable('progress_report')
    .set({ submitted_at: new Date(`${day}T10:00:00+08:00`) })
    .where('id', '=', reportId)
    .execute();
}
