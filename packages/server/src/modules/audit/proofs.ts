import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/problem.ts';
import { entryBytes } from './entry.ts';
import { proveConsistency, proveInclusion, rootAt, type NodeKey } from './merkle.ts';
import { auditRepository } from './repository.ts';
import type { ExportedCheckpoint } from './verify.ts';

type CheckpointRow = Awaited<ReturnType<typeof auditRepository.latestCheckpoints>>[number];

function exportCheckpoint(c: CheckpointRow): ExportedCheckpoint {
  return {
    shard: c.shard,
    size: Number(c.size),
    rootHash: c.root_hash.toString('hex'),
    signedAt: c.signed_at.toISOString(),
    body: c.body,
    signature: c.signature,
    publicKey: c.public_key,
  };
}

/** The newest signed checkpoint of every shard, as kept outside the database. */
export async function exportCheckpoints(db: Kysely<Database>): Promise<ExportedCheckpoint[]> {
  return (await auditRepository.latestCheckpoints(db)).map(exportCheckpoint);
}

const fetchNodes = (db: Kysely<Database>, shard: string) => (keys: NodeKey[]) => auditRepository.nodes(db, shard, keys);

/**
 * Proof that an entry is in its shard's tree as of the shard's newest checkpoint (RFC 9162 §2.1.3):
 * the entry's bytes, its leaf index and the audit path to the signed root.
 */
export async function getInclusionProof(db: Kysely<Database>, entryId: number) {
  const entry = await auditRepository.findEntry(db, entryId);
  if (!entry) throw notFound('auditEntry', entryId);
  const leaf = await auditRepository.leafOf(db, entry.shard, entryId);
  const [latest] = await auditRepository.latestCheckpoints(db, entry.shard);
  if (!leaf || !latest || Number(latest.size) <= Number(leaf.seq)) {
    throw new AppError(
      'AUDIT_ENTRY_PENDING',
      leaf ? `entry ${entryId} is at position ${leaf.seq}, not yet signed` : `entry ${entryId} is not sequenced yet`,
    );
  }
  const size = Number(latest.size);
  const path = await proveInclusion(Number(leaf.seq), size, fetchNodes(db, entry.shard));
  return {
    entryId,
    shard: entry.shard,
    entry: entryBytes(entry),
    leafIndex: Number(leaf.seq),
    leafHash: leaf.leaf_hash.toString('hex'),
    treeSize: size,
    rootHash: latest.root_hash.toString('hex'),
    auditPath: path.map((h) => h.toString('hex')),
    checkpoint: exportCheckpoint(latest),
  };
}

/**
 * Proof that the shard's tree of `second` entries extends the tree of `first` entries
 * (RFC 9162 §2.1.4); `second` defaults to the newest checkpoint's size.
 */
export async function getConsistencyProof(db: Kysely<Database>, shard: string, first: number, second?: number) {
  const [latest] = await auditRepository.latestCheckpoints(db, shard);
  const [tree] = await auditRepository.trees(db, [shard]);
  const to = second ?? Number(latest?.size ?? 0);
  if (!tree || first < 1 || to < first || to > Number(tree.size)) {
    throw new AppError(
      'AUDIT_TREE_SIZE',
      `shard ${shard} has ${tree?.size ?? 0} entries; asked for ${first} to ${second ?? 'the newest checkpoint'}`,
    );
  }
  const fetch = fetchNodes(db, shard);
  const path = first === to ? [] : await proveConsistency(first, to, fetch);
  return {
    shard,
    first,
    second: to,
    firstRoot: (await rootAt(first, fetch)).toString('hex'),
    secondRoot: (await rootAt(to, fetch)).toString('hex'),
    consistencyPath: path.map((h) => h.toString('hex')),
  };
}
