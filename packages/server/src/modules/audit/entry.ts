import { canonicalJson } from '@chuangcheng/core';
import type { Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { hashLeaf } from './merkle.ts';

/** An audit_log row as read back from the database. */
export type AuditRow = Selectable<Database['audit_log']>;

/** The columns every hash of an entry covers (the tree's leaves, and the old chain before them). */
export function entryFields(row: AuditRow) {
  return {
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
  };
}

/**
 * The bytes a leaf commits to: every column of the entry in canonical JSON (keys sorted, so
 * jsonb's key order does not matter). Rows from before the verifiable log also carry their old
 * chain hashes, which seals that chain into the tree.
 */
export function entryBytes(row: AuditRow): string {
  return canonicalJson({
    ...entryFields(row),
    shard: row.shard,
    prevHash: row.prev_hash ?? undefined,
    hash: row.hash ?? undefined,
  });
}

export const entryLeafHash = (row: AuditRow): Buffer => hashLeaf(entryBytes(row));

/** The tree an entry belongs to: its prefecture (a province-wide entry: the province), '00' without a region. */
export function shardOf(prefectureCode: string | null): string {
  return prefectureCode ?? '00';
}
