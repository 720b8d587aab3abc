import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { entryFields, entryLeafHash, type AuditRow } from './entry.ts';
import { GrowingTree } from './merkle.ts';
import { auditRepository } from './repository.ts';
import { verifySignature } from './signing.ts';

/** A signed checkpoint as exported (`chuangcheng audit checkpoint --out`) and kept elsewhere. */
export type ExportedCheckpoint = {
  shard: string;
  size: number;
  /** Hex SHA-256 root of the shard's first `size` entries. */
  rootHash: string;
  signedAt: string;
  /** The signed text; shard, size and root are read from it, not from the fields above. */
  body: string;
  signature: string;
  /** PEM (SPKI) of the Ed25519 key that signed it. */
  publicKey: string;
};

type ShardVerdict = {
  shard: string;
  /** Entries with a position in the shard's tree. */
  entries: number;
  rootHash: string | null;
  checkpointsChecked: number;
  latestCheckpoint: { size: number; signedAt: string } | null;
  problems: string[];
};

export type AuditVerdict = {
  ok: boolean;
  entries: number;
  /** Entries written but not yet sequenced: visible, not yet covered by the trees. */
  pending: number;
  shards: ShardVerdict[];
  /** The hash chain of rows written before the verifiable log, sealed into the trees since. */
  legacyChain: { checked: number; brokenAt: number | null; reason: string | null };
};

const MAX_PROBLEMS_PER_SHARD = 20;

type Claim = { size: number; root: Buffer; signedAt: string; source: string };

/** Reads shard, size, root and time from a checkpoint's signed text (see `checkpointBody`). */
function parseBody(body: string): { shard: string; size: number; root: Buffer; signedAt: string } | undefined {
  const match = /^chuangcheng\/audit\/([^\n]+)\n(\d+)\n([A-Za-z0-9+/=]+)\ntime ([^\n]+)\n$/.exec(body);
  if (!match) return undefined;
  return { shard: match[1]!, size: Number(match[2]), root: Buffer.from(match[3]!, 'base64'), signedAt: match[4]! };
}

/**
 * Checks every shard's tree against every checkpoint it has (in the database and `external`, e.g.
 * a file kept elsewhere): recomputes each leaf from its entry, rebuilds the tree in position order
 * and compares its root at each checkpoint's size. An edited entry, a reordered history, a deleted
 * entry or tail, and a forged checkpoint are each reported.
 */
export async function verifyAuditLog(
  db: Kysely<Database>,
  options: { external?: ExportedCheckpoint[]; batchSize?: number } = {},
): Promise<AuditVerdict> {
  const batchSize = options.batchSize ?? 5000;
  const external = options.external ?? [];
  const shards = [...new Set([...(await auditRepository.shards(db)), ...external.map((c) => c.shard)])].sort();
  const trees = new Map((await auditRepository.trees(db)).map((t) => [t.shard, t]));
  const verdicts: ShardVerdict[] = [];
  for (const shard of shards) {
    const problems: string[] = [];
    const claims: Claim[] = [];
    const stored = await auditRepository.checkpoints(db, shard);
    const candidates = [
      ...stored.map((c) => ({ ...c, source: 'database' })),
      ...external.filter((c) => c.shard === shard).map((c) => ({ ...c, public_key: c.publicKey, source: 'file' })),
    ];
    for (const c of candidates) {
      const parsed = parseBody(c.body);
      if (!parsed || parsed.shard !== shard || !verifySignature(c.public_key, c.body, c.signature)) {
        problems.push(`a checkpoint of size ${c.size} (${c.source}) is not validly signed`);
        continue;
      }
      if ('root_hash' in c && (Number(c.size) !== parsed.size || !c.root_hash.equals(parsed.root))) {
        problems.push(`the stored checkpoint of size ${c.size} does not match its signed text`);
      }
      claims.push({ size: parsed.size, root: parsed.root, signedAt: parsed.signedAt, source: c.source });
    }
    claims.sort((a, b) => a.size - b.size);

    const tree = new GrowingTree();
    let next = 0;
    const checkClaims = () => {
      while (next < claims.length && claims[next]!.size <= tree.size) {
        const claim = claims[next++]!;
        if (claim.size === tree.size && !claim.root.equals(tree.root())) {
          problems.push(
            `the first ${claim.size} entries do not match the checkpoint signed ${claim.signedAt} (${claim.source}): history rewritten or reordered`,
          );
        }
      }
    };
    checkClaims();
    let broken = false;
    while (!broken) {
      const leaves = await auditRepository.leavesWithEntries(db, shard, tree.size, batchSize);
      for (const leaf of leaves) {
        if (leaf.seq !== tree.size) {
          problems.push(`positions ${tree.size} to ${leaf.seq - 1} are missing: entries were removed`);
          broken = true;
          break;
        }
        let hash = leaf.leafHash;
        if (!leaf.entry) problems.push(`entry ${leaf.entryId} at position ${leaf.seq} was deleted`);
        else {
          hash = entryLeafHash(leaf.entry);
          if (!hash.equals(leaf.leafHash)) problems.push(`entry ${leaf.entryId} at position ${leaf.seq} was altered`);
        }
        tree.append(hash);
        checkClaims();
      }
      if (leaves.length < batchSize) break;
    }
    for (const claim of claims.slice(next)) {
      problems.push(
        `the checkpoint signed ${claim.signedAt} (${claim.source}) covers ${claim.size} entries but only ${tree.size} remain: entries were removed from the end`,
      );
    }
    const recorded = Number(trees.get(shard)?.size ?? 0);
    if (!broken && recorded > tree.size) {
      problems.push(`the sequencer recorded ${recorded} entries but only ${tree.size} remain`);
    }
    const latest = claims.at(-1);
    verdicts.push({
      shard,
      entries: tree.size,
      rootHash: tree.size > 0 ? tree.root().toString('hex') : null,
      checkpointsChecked: claims.length,
      latestCheckpoint: latest ? { size: latest.size, signedAt: latest.signedAt } : null,
      problems:
        problems.length > MAX_PROBLEMS_PER_SHARD ? [...problems.slice(0, MAX_PROBLEMS_PER_SHARD), '…'] : problems,
    });
  }
  const legacyChain = await verifyLegacyChain(db);
  return {
    ok: verdicts.every((v) => v.problems.length === 0) && legacyChain.brokenAt === null,
    entries: verdicts.reduce((n, v) => n + v.entries, 0),
    pending: await auditRepository.pendingCount(db),
    shards: verdicts,
    legacyChain,
  };
}

const GENESIS_HASH = '0'.repeat(64);

/** The old chain's hash: every column but the hash itself (and the later shard), in canonical JSON. */
function legacyHash(row: AuditRow): string {
  const text = canonicalJson({ ...entryFields(row), prevHash: row.prev_hash });
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** Walks the rows of the old hash chain in id order and reports the first one that does not fit. */
async function verifyLegacyChain(db: Kysely<Database>, batchSize = 2000): Promise<AuditVerdict['legacyChain']> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await auditRepository.legacyChainAfter(db, lastId, batchSize);
    for (const row of rows) {
      if (row.prev_hash !== prev)
        return { checked, brokenAt: Number(row.id), reason: 'previous row missing or altered' };
      if (legacyHash(row) !== row.hash) return { checked, brokenAt: Number(row.id), reason: 'row content altered' };
      prev = row.hash;
      lastId = Number(row.id);
      checked++;
    }
    if (rows.length < batchSize) return { checked, brokenAt: null, reason: null };
  }
}
