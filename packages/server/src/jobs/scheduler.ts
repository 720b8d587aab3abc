import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { schedulerRepository } from './scheduler-repository.ts';

type Log = { info: (data: object, message: string) => void; error: (data: object, message: string) => void };

/** A job run on an interval, once across all servers sharing the database. */
export type ScheduledJob = {
  /** Stable name: the row in `scheduled_job` and the `job` field of its log lines. */
  name: string;
  intervalSeconds: number;
  /** Does the work and says what it did (logged and kept as `last_result`). Must be safe to repeat. */
  run: (db: Kysely<Database>) => Promise<object>;
};

/**
 * One poll: registers the jobs, then claims and runs every job that is due, one at a time. The claim
 * and the move of the job's next run commit before the job starts, so of several servers polling at
 * once exactly one runs it; a run that fails is logged and tried again at its next time. Returns the
 * names of the jobs this poll ran.
 */
export async function runDueJobs(
  db: Kysely<Database>,
  jobs: readonly ScheduledJob[],
  options: { now?: Date; log?: Log } = {},
): Promise<string[]> {
  const now = options.now ?? new Date();
  await schedulerRepository.register(db, jobs, now);
  const names = jobs.map((j) => j.name);
  const ran: string[] = [];
  for (;;) {
    const name = await db.transaction().execute((trx) => schedulerRepository.claimDue(trx, names, now));
    if (!name) return ran;
    ran.push(name);
    const job = jobs.find((j) => j.name === name)!;
    try {
      const result = await job.run(db);
      await schedulerRepository.finish(db, name, { result, error: null });
      options.log?.info({ job: name, ...result }, `${name} job finished`);
    } catch (error) {
      await schedulerRepository.finish(db, name, { result: null, error: (error as Error).message });
      options.log?.error({ job: name, err: error }, `${name} job failed`);
    }
  }
}

/**
 * Polls for due jobs now and every `pollMs` until stopped; never two polls at once in this process.
 * Replaces a timer per job per process: the interval lives in the database, so adding servers does
 * not add runs.
 */
export function startScheduler(
  db: Kysely<Database>,
  jobs: readonly ScheduledJob[],
  options: { pollMs: number; log: Log },
): { stop: () => Promise<void> } {
  if (jobs.length === 0) return { stop: async () => undefined };
  let current: Promise<unknown> | null = null;
  const poll = () => {
    if (current) return;
    current = runDueJobs(db, jobs, { log: options.log })
      .catch((error: unknown) => options.log.error({ job: 'scheduler', err: error }, 'scheduler poll failed'))
      .finally(() => {
        current = null;
      });
  };
  const timer = setInterval(poll, options.pollMs);
  timer.unref();
  poll();
  return {
    stop: async () => {
      clearInterval(timer);
      await current;
    },
  };
}
