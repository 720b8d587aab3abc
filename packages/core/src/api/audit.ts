import { z } from 'zod';
import { PageParam, Total } from './paging.ts';

/** One audit row as the audit list shows it. */
export const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  regionCode: z.string().nullable(),
  /** The region's name, when the entry has a region. */
  regionName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  /** The Merkle tree (prefecture code; the province code for province-wide entries; '00' without a region). */
  shard: z.string(),
  /** Position in the shard's tree; null while the entry waits for the sequencer. */
  seq: z.number().nullable(),
  pending: z.boolean(),
});

export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable(), total: Total });

export const AuditQuery = z.strictObject({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(80).optional(),
  /** The actor's user name. */
  actor: z.string().max(64).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(100).optional(),
  page: PageParam,
});

const Hex = z.string().regex(/^[0-9a-f]*$/);

export const Checkpoint = z.object({
  shard: z.string(),
  size: z.number(),
  rootHash: Hex,
  signedAt: z.string(),
  /** The signed text: origin `chuangcheng/audit/<shard>`, size, base64 root, time. */
  body: z.string(),
  /** Base64 Ed25519 signature of `body`. */
  signature: z.string(),
  publicKey: z.string(),
});
/** The signed checkpoints the audit log publishes. */
export const CheckpointList = z.object({ checkpoints: z.array(Checkpoint) });

export const AuditVerdict = z.object({
  ok: z.boolean(),
  entries: z.number(),
  pending: z.number(),
  shards: z.array(
    z.object({
      shard: z.string(),
      entries: z.number(),
      rootHash: Hex.nullable(),
      checkpointsChecked: z.number(),
      latestCheckpoint: z.object({ size: z.number(), signedAt: z.string() }).nullable(),
      problems: z.array(z.string()),
    }),
  ),
  legacyChain: z.object({ checked: z.number(), brokenAt: z.number().nullable(), reason: z.string().nullable() }),
});
/** GET /audit/verify: every shard's Merkle tree rebuilt and checked against its signed checkpoints. */
export type AuditVerdict = z.infer<typeof AuditVerdict>;

export const AuditEntryParams = z.strictObject({ id: z.coerce.number().int().positive() });

export const InclusionProof = z.object({
  entryId: z.number(),
  shard: z.string(),
  /** The leaf's bytes: the entry in canonical JSON; leaf hash = SHA-256(0x00 || entry). */
  entry: z.string(),
  leafIndex: z.number(),
  leafHash: Hex,
  treeSize: z.number(),
  rootHash: Hex,
  /** RFC 9162 §2.1.3 inclusion path, hex SHA-256 hashes. */
  auditPath: z.array(Hex),
  checkpoint: Checkpoint,
});

export const ConsistencyQuery = z.strictObject({
  shard: z.string().regex(/^\d{2,12}$/),
  first: z.coerce.number().int().positive(),
  /** Default: the size of the shard's newest checkpoint. */
  second: z.coerce.number().int().positive().optional(),
});

export const ConsistencyProof = z.object({
  shard: z.string(),
  first: z.number(),
  second: z.number(),
  firstRoot: Hex,
  secondRoot: Hex,
  /** RFC 9162 §2.1.4 consistency path, hex SHA-256 hashes. */
  consistencyPath: z.array(Hex),
});

export const SigningKeys = z.object({
  keys: z.array(z.object({ keyId: z.string(), publicKey: z.string(), firstUsed: z.string() })),
});

/**
 * What `chuangcheng audit checkpoint --out` writes and `audit verify --checkpoint` reads; the body of
 * `GET /audit/checkpoints` (without format and time) is read too.
 */
export const CheckpointFile = z.object({
  format: z.literal('chuangcheng-audit-checkpoints/1').optional(),
  exportedAt: z.string().optional(),
  checkpoints: z.array(Checkpoint),
});
