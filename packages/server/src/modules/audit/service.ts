import type { Kysely, RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../auth/index.ts';
import { shardOf } from './entry.ts';
import { auditRepository } from './repository.ts';

/** One change to record: which record, and its state before and after. */
export type AuditEvent = {
  action: string;
  entityType: string;
  entityId: string;
  regionCode?: string | null;
  prefectureCode?: string | null;
  before?: unknown;
  after?: unknown;
};

export type AuditContext = { actor: Pick<Actor, 'userId' | 'username'> | null; requestId?: string };

/**
 * Appends an audit entry inside the caller's transaction, so that the change and its entry land
 * together or not at all. The entry takes no lock and reads nothing: the sequencer
 * (`sequenceAuditLog`) gives it its position in its shard's Merkle tree after the commit, and
 * until then it is listed as pending.
 */
export async function recordAudit(trx: Kysely<Database>, context: AuditContext, event: AuditEvent): Promise<void> {
  await auditRepository.insertEntry(trx, entryRow(context, event));
}

/**
 * The same entry as two common table expressions (`audit_entry`, `audit_queued`) for a caller
 * that writes its change and the entry in one statement, one round trip (case intake). `afterSql`
 * is a jsonb expression of that statement merged into `after` (a value only the statement knows,
 * such as a number drawn from a sequence). Like `recordAudit`: no lock, no read.
 */
export function auditEntryCtes(context: AuditContext, event: AuditEvent, afterSql?: RawBuilder<unknown>) {
  return auditRepository.entryCtes(entryRow(context, event), afterSql);
}

function entryRow(context: AuditContext, event: AuditEvent) {
  const prefectureCode = event.prefectureCode ?? (event.regionCode ? event.regionCode.slice(0, 4) : null);
  return {
    at: new Date(),
    actor_id: context.actor?.userId ?? null,
    actor_name: context.actor?.username ?? 'anonymous',
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId,
    region_code: event.regionCode ?? null,
    prefecture_code: prefectureCode,
    shard: shardOf(prefectureCode),
    before: event.before ?? null,
    after: event.after ?? null,
    request_id: context.requestId ?? null,
    prev_hash: null,
    hash: null,
  };
}
