import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { planLookup } from '../plans/index.ts';

/**
 * Notices, instructions and meetings name a plan task or a plan by id; their number, title and code
 * belong to plans and are read through `planLookup`, once for a whole list (one query, not one a row).
 */
export async function withTaskNames<R extends { task_id: string | null }>(
  db: Kysely<Database>,
  rows: R[],
): Promise<(R & { task_number: string | null; task_title: string | null })[]> {
  const ids = rows.flatMap((r) => (r.task_id ? [r.task_id] : []));
  const tasks = new Map((await planLookup.tasksByIds(db, ids)).map((t) => [t.id, t]));
  return rows.map((r) => {
    const task = r.task_id ? tasks.get(r.task_id) : undefined;
    return { ...r, task_number: task?.number ?? null, task_title: task?.title ?? null };
  });
}

/** The rows with the code of the plan each names. */
export async function withPlanCodes<R extends { plan_id: string }>(
  db: Kysely<Database>,
  rows: R[],
): Promise<(R & { plan_code: string })[]> {
  const codes = new Map(
    (
      await planLookup.plansByIds(
        db,
        rows.map((r) => r.plan_id),
      )
    ).map((p) => [p.id, p.code]),
  );
  return rows.map((r) => ({ ...r, plan_code: codes.get(r.plan_id) ?? '' }));
}
