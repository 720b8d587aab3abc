import type { Transaction } from 'kysely';
import { eventCatalogue, isEventName, type EventName, type EventPayload } from '@chuangcheng/core';
import type { Database } from '../db/schema.ts';

/** What a handler knows of the event beyond its payload: the outbox id, unique and increasing. */
type EventMeta = { id: number; createdAt: Date };

type Handlers = {
  [N in EventName]?: (trx: Transaction<Database>, payload: EventPayload<N>, meta: EventMeta) => Promise<void>;
};

/** Per event name, the key of what a delivery recomputes (see `Subscriber.coalesceKey`). */
type Coalescing = { [N in EventName]?: (payload: EventPayload<N>) => string };

/** A stored event as the worker hands it over. */
export type StoredEvent = { id: number; name: string; version: number; payload: unknown; created_at: Date };

/** A module's reaction to events of other modules (or its own), delivered at least once. */
export type Subscriber = {
  /** Stable name: deliveries are recorded under it, so renaming a subscriber redelivers old events. */
  name: string;
  events: readonly EventName[];
  deliver: (trx: Transaction<Database>, event: StoredEvent) => Promise<void>;
  /**
   * For a subscriber whose delivery recomputes something from the database as it is (not from the
   * event): the key of what it recomputes, or null. Events of one claimed batch with the same key
   * need one delivery, which runs after all of them committed and so sees every change they report;
   * each of them is recorded as delivered (or failed) with it.
   */
  coalesceKey?: (event: StoredEvent) => string | null;
};

/**
 * Defines a subscriber from one handler per event name. A handler runs in the worker's transaction
 * (its writes commit together with the record of the delivery) and must be idempotent: the same
 * event may arrive again after a crash, so an effect is an upsert keyed by the event, an insert
 * that ignores its duplicate, or a value that the same event sets to the same thing.
 */
export function defineSubscriber(name: string, handlers: Handlers, coalescing?: Coalescing): Subscriber {
  const subscriber: Subscriber = {
    name,
    events: Object.keys(handlers) as EventName[],
    async deliver(trx, event) {
      if (!isEventName(event.name)) throw new Error(`event ${event.name} is not in the catalogue`);
      const entry = eventCatalogue[event.name];
      if (event.version !== entry.version) {
        throw new Error(`event ${event.name} has version ${event.version}; this server reads ${entry.version}`);
      }
      const handler = handlers[event.name] as
        ((trx: Transaction<Database>, payload: unknown, meta: EventMeta) => Promise<void>) | undefined;
      if (!handler) return;
      await handler(trx, entry.payload.parse(event.payload), { id: event.id, createdAt: event.created_at });
    },
  };
  if (coalescing) {
    subscriber.coalesceKey = (event) => {
      if (!isEventName(event.name)) return null;
      const keyOf = coalescing[event.name] as ((payload: unknown) => string) | undefined;
      const entry = eventCatalogue[event.name];
      if (!keyOf || event.version !== entry.version) return null;
      // A payload the catalogue rejects is delivered alone, and fails there with its reason.
      const parsed = entry.payload.safeParse(event.payload);
      return parsed.success ? `${event.name}|${keyOf(parsed.data)}` : null;
    };
  }
  return subscriber;
}
