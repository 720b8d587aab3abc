import type { Kysely } from 'kysely';
import { eventCatalogue, type DomainEvent } from '@chuangcheng/core';
import type { Database } from '../db/schema.ts';
import { outboxRepository } from './repository.ts';

/**
 * Appends a domain event to the outbox. Call it with the transaction of the change the event
 * reports: the event is committed with the change or not at all, and subscribers see it only after
 * the commit. The payload is checked against the catalogue's schema here, so a malformed event fails
 * the write that produced it instead of a delivery later. Returns the event's id.
 */
export async function emitEvent(trx: Kysely<Database>, event: DomainEvent): Promise<number> {
  const entry = eventCatalogue[event.name];
  const payload = entry.payload.parse(event.payload);
  const prefectureCode =
    'prefectureCode' in payload && typeof payload.prefectureCode === 'string' ? payload.prefectureCode : null;
  return outboxRepository.insertEvent(trx, { name: event.name, version: entry.version, payload, prefectureCode });
}
