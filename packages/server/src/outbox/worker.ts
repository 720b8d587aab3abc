import { setImmediate } from 'node:timers/promises';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { outboxRepository, type DeliveryRecord } from './repository.ts';
import { outsideRequests } from './request-events.ts';
import type { StoredEvent, Subscriber } from './subscriber.ts';
import { subscribers as allSubscribers } from './subscribers.ts';

type Log = { info: (data: object, message: string) => void; error: (data: object, message: string) => void };

export type DeliveryOptions = {
  subscribers?: readonly Subscriber[];
  /** The clock: events due by then are claimed, and the backoff counts from it (tests move it). */
  now?: Date;
  /** Events claimed per transaction. */
  limit?: number;
  /** Claims only events with an id up to this one (a worker's pass: what was written before it started). */
  upTo?: number;
  /** Attempts per (event, subscriber) before the delivery becomes a dead letter. */
  maxAttempts?: number;
  log?: Log;
};

export type DeliveryCounts = { claimed: number; delivered: number; failed: number; dead: number };

export const DEFAULT_MAX_ATTEMPTS = 8;

/**
 * Events claimed per transaction when the caller does not say. Large, so that a backlog of intake's
 * `case.changed` events is recomputed once per roll-up slice for many events (decision 0206).
 */
export const DEFAULT_BATCH = 500;

/** Seconds before the next attempt after `attempts` failed rounds: 5 s doubling, at most an hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(5 * 2 ** Math.max(0, attempts - 1), 3600);
}

/** One delivery to make: a subscriber and the events it takes with it (several when coalesced). */
type Unit = { subscriber: Subscriber; events: StoredEvent[]; key: string | null };

/**
 * Claims one batch of due events (FOR UPDATE SKIP LOCKED, so workers on other servers take other
 * rows) and delivers each to every subscriber of its name that has not yet taken it. Each delivery
 * runs in a savepoint of the claiming transaction: its writes and the record of it commit together,
 * and a failing subscriber is rolled back alone and retried later with backoff without repeating the
 * subscribers that succeeded. After `maxAttempts` failures a delivery is a dead letter. Events of the
 * batch that a subscriber coalesces under one key (`Subscriber.coalesceKey`) are delivered to it
 * once, with the newest of them, and each is recorded with that delivery (decision 0194). The
 * records of the batch are written with one statement, and the finished events with another.
 */
/**
 * Puts the coalesced deliveries in the order of their keys, in the places they hold among the
 * others (which keep the order of their events). A coalesced delivery may lock what its key names
 * (the statistics roll-up locks its slice until the batch commits): two servers' batches then take
 * those locks in one order and cannot deadlock on them.
 */
function inKeyOrder(units: Unit[]): void {
  const places = units.flatMap((unit, i) => (unit.key === null ? [] : [i]));
  const keyed = places.map((i) => units[i]!).sort((a, b) => (a.key! < b.key! ? -1 : a.key! > b.key! ? 1 : 0));
  places.forEach((place, i) => (units[place] = keyed[i]!));
}

export async function deliverBatch(db: Kysely<Database>, options: DeliveryOptions = {}): Promise<DeliveryCounts> {
  return deliverClaimed(db, options, (trx) =>
    outboxRepository.claimDue(trx, options.now ?? null, options.limit ?? DEFAULT_BATCH, options.upTo ?? null),
  );
}

/**
 * Delivers the named events now, if they are still pending and due: the events a request emitted,
 * which its answer waits for (decision 0206). Events a worker's batch holds are waited for (that
 * batch delivers them); the others are delivered here as `deliverBatch` delivers a batch. Nothing
 * else is delivered, so the wait does not grow with the outbox's backlog. Subscribers do not depend
 * on the order of events (they are delivered at least once, late or again), so delivering these
 * before older pending events is safe.
 */
export async function deliverEvents(
  db: Kysely<Database>,
  ids: readonly number[],
  options: DeliveryOptions = {},
): Promise<DeliveryCounts> {
  if (ids.length === 0) return { claimed: 0, delivered: 0, failed: 0, dead: 0 };
  return deliverClaimed(db, options, (trx) => outboxRepository.claimPending(trx, ids, options.now ?? null));
}

async function deliverClaimed(
  db: Kysely<Database>,
  options: DeliveryOptions,
  claim: (trx: Transaction<Database>) => ReturnType<typeof outboxRepository.claimDue>,
): Promise<DeliveryCounts> {
  const subscribers = options.subscribers ?? allSubscribers;
  const now = options.now ?? new Date();
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const counts: DeliveryCounts = { claimed: 0, delivered: 0, failed: 0, dead: 0 };
  await db.transaction().execute(async (trx) => {
    const events = await claim(trx);
    counts.claimed = events.length;
    if (events.length === 0) return;
    const prior = new Map(events.flatMap((e) => e.deliveries.map((d) => [`${e.id}|${d.subscriber}`, d] as const)));
    // The deliveries to make, in the order of their first event; a coalesced one delivers its newest.
    const units: Unit[] = [];
    const byKey = new Map<string, Unit>();
    for (const event of events) {
      for (const subscriber of subscribers) {
        if (!subscriber.events.some((name) => name === event.name)) continue;
        const before = prior.get(`${event.id}|${subscriber.name}`);
        if (before && before.status !== 'failed') continue;
        const key = subscriber.coalesceKey?.(event) ?? null;
        const joined = key === null ? undefined : byKey.get(`${subscriber.name}|${key}`);
        if (joined) {
          joined.events.push(event);
          continue;
        }
        const unit = { subscriber, events: [event], key: key === null ? null : `${subscriber.name}|${key}` };
        units.push(unit);
        if (unit.key !== null) byKey.set(unit.key, unit);
      }
    }
    inKeyOrder(units);
    const records: DeliveryRecord[] = [];
    const retried = new Set<number>();
    for (const { subscriber, events: taken } of units) {
      const tries = (event: StoredEvent) => (prior.get(`${event.id}|${subscriber.name}`)?.attempts ?? 0) + 1;
      await sql`savepoint outbox_delivery`.execute(trx);
      try {
        await subscriber.deliver(trx, taken[taken.length - 1]!);
        await sql`release savepoint outbox_delivery`.execute(trx);
        for (const event of taken) {
          records.push({
            eventId: event.id,
            subscriber: subscriber.name,
            status: 'done',
            attempts: tries(event),
            error: null,
          });
          counts.delivered++;
        }
      } catch (error) {
        await sql`rollback to savepoint outbox_delivery`.execute(trx);
        const message = error instanceof Error ? error.message : String(error);
        for (const event of taken) {
          const dead = tries(event) >= maxAttempts;
          records.push({
            eventId: event.id,
            subscriber: subscriber.name,
            status: dead ? 'dead' : 'failed',
            attempts: tries(event),
            error: message.slice(0, 2000),
          });
          options.log?.error(
            { event: event.id, name: event.name, subscriber: subscriber.name, tries: tries(event), dead, err: error },
            'outbox delivery failed',
          );
          if (dead) counts.dead++;
          else {
            counts.failed++;
            retried.add(event.id);
          }
        }
      }
    }
    await outboxRepository.saveDeliveries(trx, records);
    const finished: { id: number; attempts: number }[] = [];
    for (const event of events) {
      const attempts = event.attempts + 1;
      if (!retried.has(event.id)) finished.push({ id: event.id, attempts });
      else
        await outboxRepository.postponeEvent(
          trx,
          event.id,
          attempts,
          new Date(now.getTime() + backoffSeconds(attempts) * 1000),
        );
    }
    await outboxRepository.finishEvents(trx, finished, now);
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
  options: DeliveryOptions & { stopped?: () => boolean } = {},
): Promise<DeliveryCounts> {
  const total: DeliveryCounts = { claimed: 0, delivered: 0, failed: 0, dead: 0 };
  for (;;) {
    const batch = await deliverBatch(target.db, options);
    total.claimed += batch.claimed;
    total.delivered += batch.delivered;
    total.failed += batch.failed;
    total.dead += batch.dead;
    // A worker that is stopping ends its pass after the batch: under sustained writes it never empties.
    if (batch.claimed === 0 || options.stopped?.()) return total;
    // On PGlite a batch's statements resolve without leaving the microtask queue: without this turn
    // of the event loop a long pass would starve the server's requests and timers until it ends.
    await setImmediate();
  }
}

export type OutboxWorker = {
  /**
   * Starts a drain if none is under way and resolves when a pass that started after the call has
   * finished: what this process committed before the call is delivered (a pass delivers the events
   * written before it started). A request waits with `deliverNow` for its own events instead.
   */
  flush: () => Promise<void>;
  /** Starts a pass if none is under way, or another after it: for what others wrote. Nothing waits for it. */
  nudge: () => void;
  /**
   * Delivers these events (a request's own) now, waiting only for them, and resolves when they are
   * delivered or postponed. It never rejects: what fails here stays pending for the passes.
   */
  deliverNow: (ids: readonly number[]) => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * The outbox worker of one server: runs a pass at start, every `pollMs`, and on `nudge()` (after each
 * write this server answers). A pass delivers the events written before it started, so it ends
 * under sustained writes. Workers on other servers drain the same table; SKIP LOCKED keeps them
 * apart. Passes run one after the other; a flush waits for the next pass to start and finish. A
 * write's answer waits only for its own events (`deliverNow`, decision 0206).
 */
export function startOutboxWorker(
  db: Kysely<Database>,
  options: { pollMs: number; log: Log; subscribers?: readonly Subscriber[] },
): OutboxWorker {
  let current: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  /** Passes started, and passes finished (numbered from 1). */
  let started = 0;
  let finished = 0;
  const waiting: { pass: number; resolve: () => void }[] = [];
  const deliveries = new Set<Promise<void>>();
  const delivery = { log: options.log, ...(options.subscribers ? { subscribers: options.subscribers } : {}) };
  const settle = () => {
    for (let i = waiting.length - 1; i >= 0; i--) {
      const w = waiting[i]!;
      if (stopped || w.pass <= finished) {
        waiting.splice(i, 1);
        w.resolve();
      }
    }
  };
  const run = (): void => {
    if (stopped) return;
    if (current) {
      again = true;
      return;
    }
    current = outsideRequests(async () => {
      do {
        again = false;
        const pass = ++started;
        try {
          // A pass delivers what was written before it started: under sustained writes the outbox is
          // never empty, and a pass that drained until it was would never end (nor would a flush).
          const upTo = await outboxRepository.newestId(db);
          const counts = await drainOutbox({ db }, { ...delivery, upTo, stopped: () => stopped });
          if (counts.claimed > 0) options.log.info({ job: 'outbox', ...counts }, 'outbox delivered');
        } catch (error) {
          options.log.error({ job: 'outbox', err: error }, 'outbox worker failed');
        }
        finished = pass;
        settle();
      } while (again && !stopped);
    }).finally(() => {
      current = null;
      settle();
    });
  };
  const timer = setInterval(run, options.pollMs);
  timer.unref();
  run();
  return {
    flush: () => {
      if (stopped) return Promise.resolve();
      // The pass that sees what was committed before now: the next one to start (a pass under way
      // takes another turn, `again`, or none is under way and `run` starts it at once).
      const pass = started + 1;
      const done = new Promise<void>((resolve) => waiting.push({ pass, resolve }));
      run();
      return done;
    },
    nudge: run,
    deliverNow: (ids) => {
      if (stopped || ids.length === 0) return Promise.resolve();
      const done = outsideRequests(() => deliverEvents(db, ids, delivery)).then(
        (counts) => {
          if (counts.claimed > 0) options.log.info({ job: 'outbox', own: true, ...counts }, 'outbox delivered');
        },
        (error: unknown) => options.log.error({ job: 'outbox', err: error }, 'outbox delivery of a write failed'),
      );
      deliveries.add(done);
      void done.finally(() => deliveries.delete(done));
      return done;
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await current;
      await Promise.all(deliveries);
      settle();
    },
  };
}
