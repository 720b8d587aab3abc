import type { Command } from 'commander';
import { ConfigError } from '../config.ts';
import { schedulerRepository } from '../jobs/scheduler-repository.ts';
import { outboxRepository } from '../outbox/repository.ts';
import { drainOutbox } from '../outbox/worker.ts';
import { EXIT } from './errors.ts';
import { print, type WithDatabase } from './with-database.ts';

/** `chuangcheng outbox …` (events and dead letters) and `chuangcheng schedule` (the scheduled jobs). */
export function registerOutboxCommands(program: Command, withDatabase: WithDatabase): void {
  const outbox = program.command('outbox').description('domain events waiting for delivery, and dead letters');
  outbox
    .command('status')
    .description('count pending and delivered events and dead letters; exits 3 when there are dead letters')
    .option('--json', 'print the result as JSON')
    .action((opts: { json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const counts = await outboxRepository.counts(db);
        print(
          !!opts.json,
          counts,
          `${counts.pending} pending${counts.oldestPendingAt ? ` (oldest ${counts.oldestPendingAt.toISOString()})` : ''}, ${counts.done} delivered, ${counts.deadLetters} dead letters`,
        );
        return counts.deadLetters > 0 ? EXIT.check : EXIT.ok;
      }),
    );
  outbox
    .command('dead')
    .description('list dead letters (deliveries that failed every attempt), newest first')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'print the result as JSON')
    .action((opts: { limit: string; json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1) throw new ConfigError('--limit must be a positive whole number');
        const rows = await outboxRepository.deadLetters(db, limit);
        print(
          !!opts.json,
          rows,
          rows.length === 0
            ? 'no dead letters'
            : rows
                .map(
                  (r) =>
                    `#${r.id} ${r.name} → ${r.subscriber}: ${r.attempts} attempts, last error: ${r.last_error ?? ''}`,
                )
                .join('\n'),
        );
      }),
    );
  outbox
    .command('retry [event-id]')
    .description('give the dead letters of one event (or all) a new set of attempts, and deliver now')
    .action((eventId: string | undefined) =>
      withDatabase(async (handle) => {
        const id = eventId === undefined ? undefined : Number(eventId);
        if (id !== undefined && !Number.isInteger(id)) throw new ConfigError('<event-id> must be a whole number');
        const revived = await outboxRepository.reviveDead(handle.db, id);
        const counts = await drainOutbox(handle);
        console.log(
          `${revived} dead letters revived; ${counts.delivered} delivered, ${counts.failed + counts.dead} failed again`,
        );
      }),
    );

  program
    .command('schedule')
    .description('the scheduled jobs: interval, next and last run, last result or error')
    .option('--json', 'print the result as JSON')
    .action((opts: { json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const rows = await schedulerRepository.list(db);
        print(
          !!opts.json,
          rows,
          rows.length === 0
            ? 'no job has been scheduled yet (serve registers them)'
            : rows
                .map(
                  (r) =>
                    `${r.name}: every ${r.interval_seconds} s, next ${new Date(r.next_run_at).toISOString()}, ${r.runs} runs${r.last_error ? `, last error: ${r.last_error}` : ''}`,
                )
                .join('\n'),
        );
      }),
    );
}
