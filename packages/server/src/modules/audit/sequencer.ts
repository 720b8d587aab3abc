import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { entryLeafHash } from './entry.ts';
import { frontierKeys, GrowingTree, type StoredNode } from './merkle.ts';
import { auditRepository } from './repository.ts';
import { checkpointBody, type AuditSigner } from './signing.ts';

export type SequenceResult = {
  /** Another server's sequencer held the lock; nothing was done. */
  skipped: boolean;
  sequenced: number;
  /** Shards that received a signed checkpoint in this run. */
  checkpointed: string[];
};

export type SequenceOptions = {
  /** Signs a checkpoint of every shard that grew; without it entries are only sequenced. */
  signer?: AuditSigner;
  /** A shard gets a new checkpoint only when its last one is older than this (default 0). */
  checkpointIntervalMs?: number;
  batchSize?: number;
};

/**
 * The sequencer (Trillian's split): gives queued audit entries their positions, shard by shard,
 * in batches, extends each shard's Merkle tree, then signs checkpoints. One at a time across all
 * servers: each batch runs in one transaction holding an advisory lock that other servers try
 * and skip. Safe to call any time from any process; a scheduler calls it every second or so.
 */
export async function sequenceAuditLog(db: Kysely<Database>, options: SequenceOptions = {}): Promise<SequenceResult> {
  const batchSize = options.batchSize ?? 1000;
  let sequenced = 0;
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      if (!(await auditRepository.tryLockSequencer(trx))) return undefined;
      const rows = await auditRepository.claimQueued(trx, batchSize);
      if (rows.length === 0) return 0;
      const byShard = new Map<string, typeof rows>();
      for (const row of rows) {
        const list = byShard.get(row.shard);
        if (list) list.push(row);
        else byShard.set(row.shard, [row]);
      }
      const trees = new Map((await auditRepository.trees(trx, [...byShard.keys()])).map((t) => [t.shard, t]));
      for (const [shard, entries] of byShard) {
        const size = Number(trees.get(shard)?.size ?? 0);
        const frontier = await auditRepository.nodes(trx, shard, frontierKeys(size));
        const byKey = new Map(frontier.map((n) => [`${n.level}:${n.idx}`, n.hash]));
        const nodes: StoredNode[] = [];
        const tree = new GrowingTree(
          size,
          frontierKeys(size).map((k) => byKey.get(`${k.level}:${k.idx}`)!),
          (node) => nodes.push(node),
        );
        const leaves = entries.map((entry) => {
          const leafHash = entryLeafHash(entry);
          const leaf = { shard, seq: tree.size, entry_id: Number(entry.id), leaf_hash: leafHash };
          tree.append(leafHash);
          return leaf;
        });
        await auditRepository.insertLeaves(trx, leaves);
        await auditRepository.insertNodes(trx, shard, nodes);
        await auditRepository.saveTree(trx, shard, tree.size, tree.root());
      }
      for (const [shard, entries] of byShard) {
        await auditRepository.dequeue(
          trx,
          shard,
          entries.map((r) => Number(r.id)),
        );
      }
      return rows.length;
    });
    if (batch === undefined) return { skipped: true, sequenced, checkpointed: [] };
    sequenced += batch;
    if (batch < batchSize) break;
  }
  const checkpointed = options.signer
    ? await checkpointAuditLog(db, options.signer, options.checkpointIntervalMs ?? 0)
    : [];
  return { skipped: false, sequenced, checkpointed };
}

/** Signs a checkpoint for every shard whose tree grew since its last one (and whose last one is old enough). */
async function checkpointAuditLog(db: Kysely<Database>, signer: AuditSigner, intervalMs: number): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    if (!(await auditRepository.tryLockSequencer(trx))) return [];
    const latest = new Map((await auditRepository.latestCheckpoints(trx)).map((c) => [c.shard, c]));
    const now = new Date();
    const due = (await auditRepository.trees(trx)).filter((tree) => {
      const last = latest.get(tree.shard);
      if (!last) return Number(tree.size) > 0;
      return Number(tree.size) > Number(last.size) && now.getTime() - last.signed_at.getTime() >= intervalMs;
    });
    if (due.length === 0) return [];
    await auditRepository.registerKey(trx, signer.keyId, signer.publicKey);
    for (const tree of due) {
      const body = checkpointBody(tree.shard, Number(tree.size), tree.root_hash, now);
      await auditRepository.insertCheckpoint(trx, {
        shard: tree.shard,
        size: Number(tree.size),
        root_hash: tree.root_hash,
        signed_at: now,
        key_id: signer.keyId,
        body,
        signature: signer.sign(body),
      });
    }
    return due.map((t) => t.shard);
  });
}
