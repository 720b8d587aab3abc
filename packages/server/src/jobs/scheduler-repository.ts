import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database>;

/** SQL of the scheduler: the only code that reads or writes `scheduled_job`. */
export const schedulerRepository = {
  /**
   * Makes sure each job has a row; a new job is due at once. A changed interval is taken over, and
   * a next run further away than the new interval is brought forward to it.
   */
  async register(db: Db, jobs: readonly { name: string; intervalSeconds: number }[], now: Date): Promise<void> {
    for (const job of jobs) {
      await db
        .insertInto('scheduled_job')
        .values({ name: job.name, interval_seconds: job.intervalSeconds, next_run_at: now })
        .onConflict((oc) =>
          oc.column('name').doUpdateSet({
            interval_seconds: job.intervalSeconds,
            next_run_at: sql`least(scheduled_job.next_run_at, ${now}::timestamptz + make_interval(secs => ${job.intervalSeconds}))`,
          }),
        )
        .execute();
    }
  },

  /**
   * Claims one due job among `names` and moves its next run one interval past `now`, in the
   * caller's transaction: a row another server holds is skipped, and once committed the job is not
   * due for anyone until its next run.
   */
  async claimDue(trx: Db, names: readonly string[], now: Date): Promise<string | undefined> {
    if (names.length === 0) return undefined;
    const due = await trx
      .selectFrom('scheduled_job')
      .select(['name', 'interval_seconds'])
      .where('name', 'in', names)
      .where('next_run_at', '<=', now)
      .orderBy('next_run_at')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!due) return undefined;
    await trx
      .updateTable('scheduled_job')
      .set({
        next_run_at: new Date(now.getTime() + due.interval_seconds * 1000),
        last_started_at: now,
        runs: sql`runs + 1`,
      })
      .where('name', '=', due.name)
      .execute();
    return due.name;
  },

  async finish(db: Db, name: string, outcome: { result: object | null; error: string | null }): Promise<void> {
    await db
      .updateTable('scheduled_job')
      .set({
        last_finished_at: new Date(),
        last_result: outcome.result === null ? null : JSON.stringify(outcome.result),
        last_error: outcome.error,
      })
      .where('name', '=', name)
      .execute();
  },

  list(db: Db) {
    return db.selectFrom('scheduled_job').selectAll().orderBy('name').execute();
  },
};
