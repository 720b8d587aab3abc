import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { outboxRepository } from './repository.ts';
import type { Subscriber } from './subscriber.ts';
import { subscribers as allSubscribers } from './subscribers.ts';

type Log = { info: (data: object, message: string) => void; error: (data: object, message: string) => void };

export type DeliveryOptions = {
  subscribers?: readonly Subscriber[];
  /** The clock: events due by then are claimed, and the backoff counts from it (tests move it). */
  now?: Date;
  /** Events claimed per transaction. */
  limit?: number;
  /** Attempts per (event, subscriber) before the delivery becomes a dead letter. */
  maxAttempts?: number;
  log?: Log;
};

export type DeliveryCounts = { claimed: number; delivered: number; failed: number; dead: number };

export const DEFAULT_MAX_ATTEMPTS = 8;

/** Seconds before the next attempt after `attempts` failed rounds: 5 s doubling, at most an hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(5 * 2 ** Math.max(0, attempts - 1), 3600);
}

/**
 * Claims one batch of due events (FOR UPDATE SKIP LOCKED, so workers on other servers take other
 * rows) and delivers each to every subscriber of its name that has not yet taken it. Each delivery
 * runs in a savepoint of the claiming transaction: its writes and the record of it commit together,
 * and a failing subscriber is rolled back alone and retried later with backoff without repeating the
 * subscribers that succeeded. After `maxAttempts` failures a delivery is a dead letter.
 */
export async function deliverBatch(db: Kysely<Database>, options: DeliveryOptions = {}): Promise<DeliveryCounts> {
  const subscribers = options.subscribers ?? allSubscribers;
  const now = options.now ?? new Date();
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const counts: DeliveryCounts = { claimed: 0, delivered: 0, failed: 0, dead: 0 };
  await db.transaction().execute(async (trx) => {
    const events = await outboxRepository.claimDue(trx, options.now ?? null, options.limit ?? 50);
    counts.claimed = events.length;
    if (events.length === 0) return;
    const prior = new Map(
      (
        await outboxRepository.deliveriesOf(
          trx,
          events.map((e) => e.id),
        )
      ).map((d) => [`${d.event_id}|${d.subscriber}`, d]),
    );
    for (const event of events) {
      const attempts = event.attempts + 1;
      let retry = false;
      for (const subscriber of subscribers) {
        if (!subscriber.events.some((name) => name === event.name)) continue;
        const before = prior.get(`${event.id}|${subscriber.name}`);
        if (before && before.status !== 'failed') continue;
        const tries = (before?.attempts ?? 0) + 1;
        await sql`savepoint outbox_delivery`.execute(trx);
        try {
          await subscriber.deliver(trx, event);
          await sql`release savepoint outbox_delivery`.execute(trx);
          await outboxRepository.saveDelivery(trx, {
            eventId: event.id,
            subscriber: subscriber.name,
            status: 'done',
            attempts: tries,
            error: null,
          });
          counts.delivered++;
        } catch (error) {
          await sql`rollback to savepoint outbox_delivery`.execute(trx);
          const dead = tries >= maxAttempts;
          const message = error instanceof Error ? error.message : String(error);
          await outboxRepository.saveDelivery(trx, {
            eventId: event.id,
            subscriber: subscriber.name,
            status: dead ? 'dead' : 'failed',
            attempts: tries,
            error: message.slice(0, 2000),
          });
          options.log?.error(
            { event: event.id, name: event.name, subscriber: subscriber.name, tries, dead, err: error },
            'outbox delivery failed',
          );
          if (dead) counts.dead++;
          else {
            counts.failed++;
            retry = true;
          }
        }
      }
      if (retry)
        await outboxRepository.postponeEvent(
          trx,
          event.id,
          attempts,
          new Date(now.getTime() + backoffSeconds(attempts) * 1000),
        );
      else await outboxRepository.finishEvent(trx, event.id, attempts, now);
    }
  });
  return counts;
}

/**
 * Delivers batches until no event is due. Events whose delivery failed are postponed past `now`, so
 * this ends. Tests call it (`await drainOutbox(ctx)`) where they read what a subscriber does, instead
 * of waiting for a worker; the CLI calls it after each command.
 */
export async function drainOutbox(
  target: { db: Kysely<Database> },
  options: DeliveryOptions = {},
): Promise<DeliveryCounts> {
  const total: DeliveryCounts = { claimed: 0, delivered: 0, failed: 0, dead: 0 };
  for (;;) {
    const batch = await deliverBatch(target.db, options);
    total.claimed += batch.claimed;
    total.delivered += batch.delivered;
    total.failed += batch.failed;
    total.dead += batch.dead;
    if (batch.claimed === 0) return total;
  }
}

export type OutboxWorker = {
  /** Starts a drain and resolves when it has finished: what this process committed is delivered. */
  flush: () => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * The outbox worker of one server: drains at start, every `pollMs`, and on `flush()` (after
 * a write this server answers, so its own user sees the effect at once). Workers on other servers
 * drain the same table; SKIP LOCKED keeps them apart.
 */
export function startOutboxWorker(db: Kysely<Database>, options: { pollMs: number; log: Log }): OutboxWorker {
  let current: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const run = (): void => {
    if (stopped) return;
    if (current) {
      again = true;
      return;
    }
    current = (async () => {
      do {
        again = false;
        try {
          const counts = await drainOutbox({ db }, { log: options.log });
          if (counts.claimed > 0) options.log.info({ job: 'outbox', ...counts }, 'outbox delivered');
        } catch (error) {
          options.log.error({ job: 'outbox', err: error }, 'outbox worker failed');
        }
      } while (again && !stopped);
    })().finally(() => {
      current = null;
    });
  };
  const timer = setInterval(run, options.pollMs);
  timer.unref();
  run();
  return {
    flush: async () => {
      run();
      // A pass already under way takes another turn (`again`), which sees what was just committed.
      await current;
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
