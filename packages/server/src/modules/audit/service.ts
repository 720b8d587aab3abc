import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { auditRepository, type AuditRow } from './repository.ts';

const GENESIS_HASH = '0'.repeat(64);

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

/** What the hash covers: every column but the hash itself, in a fixed text form. */
function hashInput(row: Omit<AuditRow, 'hash'>): string {
  return canonicalJson({
    id: Number(row.id),
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    regionCode: row.region_code,
    prefectureCode: row.prefecture_code,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.request_id,
    prevHash: row.prev_hash,
  });
}

function computeHash(row: Omit<AuditRow, 'hash'>): string {
  return crypto.createHash('sha256').update(hashInput(row)).digest('hex');
}

/** JSON round trip, so that what we hash is exactly what jsonb gives back. */
function normalise(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}

/**
 * Appends an audit row inside the caller's transaction, chained to the previous row.
 * Call it in the same transaction as the change so that both land or neither does.
 */
export async function recordAudit(trx: Kysely<Database>, context: AuditContext, event: AuditEvent): Promise<void> {
  await auditRepository.lockChain(trx);
  const prevHash = (await auditRepository.lastHash(trx)) ?? GENESIS_HASH;
  const id = await auditRepository.nextId(trx);
  const row: Omit<AuditRow, 'hash'> = {
    id,
    at: new Date(),
    actor_id: context.actor?.userId ?? null,
    actor_name: context.actor?.username ?? 'anonymous',
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId,
    region_code: event.regionCode ?? null,
    prefecture_code: event.prefectureCode ?? (event.regionCode ? event.regionCode.slice(0, 4) : null),
    before: normalise(event.before),
    after: normalise(event.after),
    request_id: context.requestId ?? null,
    prev_hash: prevHash,
  };
  await auditRepository.insert(trx, { ...row, hash: computeHash(row) });
}

export type ChainVerdict = {
  ok: boolean;
  checked: number;
  /** Id of the first row that does not fit the chain. */
  brokenAt: number | null;
  reason: string | null;
  /** Hash of the last row: keep it outside the database to detect removal of the tail. */
  headHash: string | null;
};

/** Walks the whole chain in id order and reports the first row that does not fit. */
export async function verifyAuditChain(db: Kysely<Database>, batchSize = 2000): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await auditRepository.batchAfter(db, lastId, batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prev_hash !== prev) {
        return {
          ok: false,
          checked,
          brokenAt: Number(row.id),
          reason: 'previous row missing or altered',
          headHash: null,
        };
      }
      const { hash, ...rest } = row;
      if (computeHash(rest) !== hash) {
        return { ok: false, checked, brokenAt: Number(row.id), reason: 'row content altered', headHash: null };
      }
      prev = hash;
      lastId = Number(row.id);
      checked++;
    }
  }
  return { ok: true, checked, brokenAt: null, reason: null, headHash: checked > 0 ? prev : null };
}
