import { sql } from 'kysely';
import { openDatabase } from '../../packages/server/src/db/connection.ts';
import type { DatabaseTarget } from './server.ts';

export type GeneratedReports = { assignments: number; reports: number; generateMs: number };

/**
 * Makes the shipped plan look three years old: 40 provincial units each assigned to about 14 of
 * the 18 tasks, and a submitted report for every assignment and month of 2018-2020 except one in
 * 25 (so that some units are behind). Written straight into the database while no server runs.
 */
export async function generateSupervisionData(target: DatabaseTarget): Promise<GeneratedReports> {
  const started = performance.now();
  const handle =
    target.kind === 'pglite'
      ? await openDatabase({ kind: 'pglite', dataDir: target.dataDir })
      : await openDatabase({ kind: 'postgres', url: target.url });
  try {
    await sql`
      insert into plan_task_unit (task_id, org_unit_id, role, position)
      select t.id, u.id, 'participating', 100 + u.rn
      from (select id, row_number() over (order by number) as tn from plan_task where retired_in_version is null) t
      cross join (
        select id, row_number() over (order by code) as rn from org_unit where region_code = '23' order by code limit 40
      ) u
      where (t.tn + u.rn) % 9 not in (0, 4)
      on conflict do nothing`.execute(handle.db);
    await sql`
      insert into progress_report (id, task_id, org_unit_id, region_code, prefecture_code, period, version, status,
        narrative, measures, figures, completed, milestones_done, author_id, submitted_at)
      select gen_random_uuid(), a.task_id, a.org_unit_id, '23', '23', to_char(m, 'YYYY-MM'), 1, 'submitted',
        '本月按计划推进，完成阶段性工作，详见附件。', '召开专题会议，开展督导检查。', '[]', false, '[]', admin.id,
        m + interval '40 days'
      from plan_task_unit a
      cross join generate_series('2018-01-01'::date, '2020-12-01'::date, interval '1 month') m
      cross join (select id from app_user where username = 'admin') admin
      where hashtext(a.task_id::text || a.org_unit_id::text || m::text) % 25 <> 0`.execute(handle.db);
    await sql`analyze`.execute(handle.db);
    const counts = await sql<{ assignments: number; reports: number }>`
      select (select count(*) from plan_task_unit)::int as assignments,
             (select count(*) from progress_report)::int as reports`.execute(handle.db);
    return { ...counts.rows[0]!, generateMs: performance.now() - started };
  } finally {
    await handle.close();
  }
}
