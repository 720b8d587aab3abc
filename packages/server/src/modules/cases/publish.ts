import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../auth/index.ts';
import { recordObservations } from '../indicators/index.ts';

/**
 * Feeds the indicator store (data set `case-statistics`, monthly, county level, source `cases`):
 * per county, the cases reported in the month (by report time, as the statistics count them) that
 * the desk accepted (立案数, `cases-filed`: never-reviewed, rejected and merged cases are not) and how many of those are closed (结案数,
 * `cases-closed`). Re-running a month overwrites its figures (the store upserts). Cases placed
 * only at prefecture level (a point without a chosen region) have no county and are left out.
 */
export async function publishMonthlyStatistics(db: Kysely<Database>, actor: Actor, month: string) {
  const start = `${month}-01T00:00:00+08:00`;
  const rows = await sql<{ county: string; filed: number; closed: number }>`
    select split_part(c.region_path, '/', 3) as county,
      count(*) filter (where c.accepted_at is not null and c.merged_into_id is null)::int as filed,
      count(*) filter (where c.status = 'closed')::int as closed
    from problem_case c
    where c.reported_at >= ${start}::timestamptz
      and c.reported_at < (${start}::timestamptz + interval '1 month')
      and split_part(c.region_path, '/', 3) <> ''
    group by 1
    order by 1`.execute(db);
  const observations = rows.rows.flatMap((r) => [
    { element: 'cases-filed', regionCode: r.county, period: month, value: r.filed, source: 'cases' as const },
    { element: 'cases-closed', regionCode: r.county, period: month, value: r.closed, source: 'cases' as const },
  ]);
  return db.transaction().execute(async (trx) => {
    const { written } = await recordObservations(trx, actor, observations);
    return { month, counties: rows.rows.length, written };
  });
}
