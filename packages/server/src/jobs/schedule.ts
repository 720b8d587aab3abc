import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { todayInChina } from '../modules/supervision/units.ts';
import { runReminders, type ReminderCounts } from './reminders.ts';

type Log = { info: (data: object, message: string) => void; error: (data: object, message: string) => void };

/**
 * Runs the reminder job now and then every `minutes` minutes, never two runs at once in
 * this process (other processes may run it too; the job is safe to race). Returns a stop
 * function. A failed run is logged and retried at the next tick.
 */
export function scheduleReminders(db: Kysely<Database>, minutes: number, log: Log): () => void {
  if (minutes <= 0) return () => undefined;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const asOf = todayInChina();
      const counts: ReminderCounts = await runReminders(db, asOf);
      log.info({ job: 'reminders', asOf, ...counts }, 'reminder job finished');
    } catch (error) {
      log.error({ job: 'reminders', err: error }, 'reminder job failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), minutes * 60_000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
