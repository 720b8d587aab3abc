import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../auth/index.ts';
import { recordObservations } from '../indicators/index.ts';
import { caseStatsRepository } from './stats-repository.ts';

/**
 * Feeds the indicator store (data set `case-statistics`, monthly, county level, source `cases`):
 * per county, the cases reported in the month (by report time, as the statistics count them) that
 * the desk accepted (立案数, `cases-filed`: never-reviewed, rejected and merged cases are not) and how many of those are closed (结案数,
 * `cases-closed`). Re-running a month overwrites its figures (the store upserts). Cases placed
 * only at prefecture level (a point without a chosen region) have no county and are left out.
 */
export async function publishMonthlyStatistics(db: Kysely<Database>, actor: Actor, month: string) {
  const start = `${month}-01T00:00:00+08:00`;
  const rows = await caseStatsRepository.monthlyCountyCounts(db, start);
  const observations = rows.flatMap((r) => [
    { element: 'cases-filed', regionCode: r.county, period: month, value: r.filed, source: 'cases' as const },
    { element: 'cases-closed', regionCode: r.county, period: month, value: r.closed, source: 'cases' as const },
  ]);
  return db.transaction().execute(async (trx) => {
    const { written } = await recordObservations(trx, actor, observations);
    return { month, counties: rows.length, written };
  });
}
