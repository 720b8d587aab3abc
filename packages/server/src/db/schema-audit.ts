// Kysely's view of the verifiable audit log's tables (issue 13). Keep in step with the migrations.
import type { Timestamp } from './schema.ts';

export type AuditTables = {
  audit_queue: { shard: string; entry_id: number };
  audit_tree: { shard: string; size: number; root_hash: Buffer; updated_at: Timestamp };
  audit_leaf: { shard: string; seq: number; entry_id: number; leaf_hash: Buffer };
  audit_tree_node: { shard: string; level: number; idx: number; hash: Buffer };
  audit_signing_key: { key_id: string; public_key: string; first_used: Timestamp };
  audit_checkpoint: {
    shard: string;
    size: number;
    root_hash: Buffer;
    signed_at: Timestamp;
    key_id: string;
    body: string;
    signature: string;
  };
};
