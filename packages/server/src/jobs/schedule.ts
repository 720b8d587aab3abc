import type { Config } from '../config.ts';
import { todayInChina } from '../modules/supervision/index.ts';
import { outboxRepository } from '../outbox/repository.ts';
import { sweepCaseLeftovers } from '../modules/cases/index.ts';
import type { FileStore } from '../storage/file-store.ts';
import { runCaseJobs } from './case-jobs.ts';
import { runReminders } from './reminders.ts';
import type { ScheduledJob } from './scheduler.ts';

const HOUR_SECONDS = 60 * 60;
const DAY_SECONDS = 24 * HOUR_SECONDS;
/** Delivered events are kept this long for inspection; dead letters stay until revived. */
const OUTBOX_KEEP_DAYS = 7;

/**
 * The jobs `serve` runs through the scheduler, once across all servers. The reminder and case jobs
 * run every `CHUANGCHENG_JOBS_INTERVAL_MINUTES` (0 turns them off). The audit sequencer is not one:
 * it runs every second (serve.ts), far finer than the scheduler's poll. With the uploads' file store,
 * the hourly `case-sweep` removes unused case photos and expired intake keys. To add a job, append
 * `{ name, intervalSeconds, run }` here; `run` must be safe to repeat, because a run that fails is
 * simply tried again at its next time.
 */
export function scheduledJobs(config: Pick<Config, 'jobsIntervalMinutes'>, files?: FileStore): ScheduledJob[] {
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
  const sweeps: ScheduledJob[] = files
    ? [{ name: 'case-sweep', intervalSeconds: HOUR_SECONDS, run: (db) => sweepCaseLeftovers(db, files) }]
    : [];
  return [
    ...periodic,
    ...sweeps,
    {
      name: 'outbox-prune',
      intervalSeconds: DAY_SECONDS,
      run: async (db) => ({
        removed: await outboxRepository.pruneDone(db, new Date(Date.now() - OUTBOX_KEEP_DAYS * DAY_SECONDS * 1000)),
      }),
    },
  ];
}
