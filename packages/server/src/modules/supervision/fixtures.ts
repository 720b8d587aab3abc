import crypto from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { drainOutbox } from '../../outbox/worker.ts';

/** Looks up seed organisations and tasks by the names the plan uses (tests only). */
export async function unitId(db: Kysely<Database>, name: string): Promise<string> {
  const row = await db.selectFrom('org_unit').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

export async function taskId(db: Kysely<Database>, number: string): Promise<string> {
  const row = await db
    .selectFrom('plan_task as t')
    .innerJoin('plan as p', 'p.id', 't.plan_id')
    .select('t.id')
    .where('p.code', '=', 'heilongjiang-2018-2020')
    .where('t.number', '=', number)
    .where('t.retired_in_version', 'is', null)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A joint meeting of the province on the seed plan, written straight into its table (for tests
 * that need a meeting held, or recorded, on a given day); its id.
 */
export async function provincialMeeting(
  db: Kysely<Database>,
  meeting: Pick<Insertable<Database['joint_meeting']>, 'title' | 'held_on' | 'created_by' | 'created_at'>,
): Promise<string> {
  const plan = await db
    .selectFrom('plan')
    .select('id')
    .where('code', '=', 'heilongjiang-2018-2020')
    .executeTakeFirstOrThrow();
  const id = crypto.randomUUID();
  await db
    .insertInto('joint_meeting')
    .values({ id, plan_id: plan.id, region_code: '23', prefecture_code: '23', ...meeting })
    .execute();
  return id;
}

/** The notifications a unit has about a subject, oldest first, once the outbox is delivered (tests only). */
export async function notifiedOf(ctx: { db: Kysely<Database> }, recipient: string, subjectId: string) {
  await drainOutbox(ctx);
  return ctx.db
    .selectFrom('notification')
    .select(['threshold', 'title'])
    .where('recipient_org_unit_id', '=', recipient)
    .where('subject_id', '=', subjectId)
    .orderBy('created_at')
    .execute();
}
