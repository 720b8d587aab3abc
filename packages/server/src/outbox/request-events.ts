import { AsyncLocalStorage } from 'node:async_hooks';

/*
 * The events a request emitted (decision 0206). A write's answer waits for the delivery of its own
 * events, so the writer's next page shows their effects; it must not wait for anyone else's (under
 * sustained case intake the outbox always has more). `emitEvent` notes each id it inserts in the
 * collection of the request it runs for, found through the async context the request's handler
 * runs in.
 */
const current = new AsyncLocalStorage<number[]>();
const ofRequest = new WeakMap<object, number[]>();

/** Runs `next` (the rest of the request's hooks and its handler) collecting the events it emits. */
export function collectingEvents(request: object, next: () => void): void {
  const ids: number[] = [];
  ofRequest.set(request, ids);
  current.run(ids, next);
}

/** The ids of the events the request emitted (in transactions that may have been rolled back). */
export function eventsEmittedBy(request: object): readonly number[] {
  return ofRequest.get(request) ?? [];
}

/** Notes an event inserted by the request running now, if any. */
export function noteEmitted(id: number): void {
  current.getStore()?.push(id);
}

/** Runs `fn` outside any request's collection (a worker's deliveries, whoever started them). */
export function outsideRequests<T>(fn: () => T): T {
  return current.exit(fn);
}
