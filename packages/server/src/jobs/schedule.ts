import type { Config } from '../config.ts';
import { todayInChina } from '../modules/supervision/index.ts';
import { outboxRepository } from '../outbox/repository.ts';
import { runCaseJobs } from './case-jobs.ts';
import { runReminders } from './reminders.ts';
import type { ScheduledJob } from './scheduler.ts';

const DAY_SECONDS = 24 * 60 * 60;
/** Delivered events are kept this long for inspection; dead letters stay until revived. */
const OUTBOX_KEEP_DAYS = 7;

/**
 * The jobs `serve` runs through the scheduler, once across all servers. The reminder and case jobs
 * run every `CHUANGCHENG_JOBS_INTERVAL_MINUTES` (0 turns them off). The audit sequencer is not one:
 * it runs every second (serve.ts), far finer than the scheduler's poll. To add a job (a photo
 * sweep), append `{ name, intervalSeconds, run }` here; `run` must be safe to
 * repeat, because a run that fails is simply tried again at its next time.
 */
export function scheduledJobs(config: Pick<Config, 'jobsIntervalMinutes'>): ScheduledJob[] {
  const every = config.jobsIntervalMinutes * 60;
  const periodic: ScheduledJob[] =
    every > 0
      ? [
          {
            name: 'reminders',
            intervalSeconds: every,
            run: async (db) => {
              const asOf = todayInChina();
              return { asOf, ...(await runReminders(db, asOf)) };
            },
          },
          { name: 'cases', intervalSeconds: every, run: (db) => runCaseJobs(db) },
        ]
      : [];
  return [
    ...periodic,
    {
      name: 'outbox-prune',
      intervalSeconds: DAY_SECONDS,
      run: async (db) => ({
        removed: await outboxRepository.pruneDone(db, new Date(Date.now() - OUTBOX_KEEP_DAYS * DAY_SECONDS * 1000)),
      }),
    },
  ];
}
