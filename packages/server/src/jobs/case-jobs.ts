import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { escalateOverdueCases, escalateStages, publishMonthlyStatistics } from '../modules/cases/index.ts';
import { chinaDate } from '@chuangcheng/core';
import { systemActorOfRoot } from '../bootstrap.ts';

/** The month (YYYY-MM, China time) before the one `now` falls in. */
function previousMonth(now: Date): string {
  const [y, m] = chinaDate(now).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The scheduled case jobs: overdue escalation, then the monthly statistics of the current and
 * the previous month written to the indicator store (so late closings still reach last month).
 */
export async function runCaseJobs(db: Kysely<Database>, now = new Date()) {
  const escalated = (await escalateOverdueCases(db, now)) + (await escalateStages(db, now));
  const actor = await systemActorOfRoot(db);
  let published = 0;
  try {
    for (const month of [previousMonth(now), chinaDate(now).slice(0, 7)]) {
      published += (await publishMonthlyStatistics(db, actor, month)).written;
    }
  } catch (error) {
    // A data set without the case-statistics catalogue: escalation still counts.
    return { escalated, published, publishError: (error as Error).message };
  }
  return { escalated, published };
}
