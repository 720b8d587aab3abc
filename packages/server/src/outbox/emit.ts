import type { Kysely, RawBuilder } from 'kysely';
import { eventCatalogue, type DomainEvent } from '@chuangcheng/core';
import type { Database } from '../db/schema.ts';
import { outboxRepository } from './repository.ts';
import { noteEmitted } from './request-events.ts';

/**
 * Appends a domain event to the outbox. Call it with the transaction of the change the event
 * reports: the event is committed with the change or not at all, and subscribers see it only after
 * the commit. The payload is checked against the catalogue's schema here, so a malformed event fails
 * the write that produced it instead of a delivery later. Returns the event's id, and notes it for
 * the request that runs the write, whose answer waits for its delivery (decision 0206).
 */
export async function emitEvent(trx: Kysely<Database>, event: DomainEvent): Promise<number> {
  const id = await outboxRepository.insertEvent(trx, checked(event));
  noteEmitted(id);
  return id;
}

/**
 * `emitEvent` as a common table expression (`outbox_row`) of a caller's single data-modifying
 * statement, for a write that is one statement instead of a transaction (case intake): the event
 * commits with the statement or not at all. The payload is checked here, before the statement runs.
 * Its id is not noted for the request: a worker's pass delivers it (intake answers without waiting).
 */
export function emitEventCte(event: DomainEvent): RawBuilder<unknown> {
  return outboxRepository.insertEventCte(checked(event));
}

function checked(event: DomainEvent) {
  const entry = eventCatalogue[event.name];
  const payload = entry.payload.parse(event.payload);
  const prefectureCode =
    'prefectureCode' in payload && typeof payload.prefectureCode === 'string' ? payload.prefectureCode : null;
  return { name: event.name, version: entry.version, payload, prefectureCode };
}
