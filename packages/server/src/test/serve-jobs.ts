import { expect } from 'vitest';
import { scheduledJobs } from '../jobs/schedule.ts';
import { startScheduler, type ScheduledJob } from '../jobs/scheduler.ts';
import type { TestContext } from './harness.ts';

/** The jobs called `name` that serve schedules when jobs run every `minutes` minutes (none at 0). */
export const servedJobs = (name: string, minutes: number): ScheduledJob[] =>
  scheduledJobs({ jobsIntervalMinutes: minutes }).filter((job) => job.name === name);

/** Starts serve's scheduler on `jobs`, waits until its first pass has logged once, stops it, and returns that entry. */
export async function firstLoggedPass(ctx: TestContext, jobs: readonly ScheduledJob[]): Promise<object> {
  const logged: object[] = [];
  const log = { info: (data: object) => logged.push(data), error: (data: object) => logged.push(data) };
  const scheduler = startScheduler(ctx.db, jobs, { pollMs: 60_000, log });
  await expect.poll(() => logged.length, { timeout: 20_000 }).toBe(1);
  await scheduler.stop();
  return logged[0]!;
}
