-- The audit trail becomes a verifiable log (RFC 6962/9162, Trillian's split of writers and sequencer).
-- Writers append entries to audit_log and to audit_queue without any lock or ordering; a single
-- sequencer (an advisory lock taken through the database) gives queued entries a position in their
-- shard's Merkle tree (audit_leaf), stores the tree's complete subtrees (audit_tree_node) and signs
-- checkpoints (audit_checkpoint). The hash chain (prev_hash, hash) is kept for the rows written before
-- this migration: they are queued here and sealed into the trees by the first sequencer run.

-- The shard of an entry: the prefecture-city code of its region (a province-wide entry: the province
-- code; no region at all, e.g. a sign-in: '00'). It is the Citus distribution column of the audit tables.
alter table audit_log add column shard varchar(12);
alter table audit_log disable trigger audit_log_no_update;
update audit_log set shard = coalesce(prefecture_code, '00');
alter table audit_log enable trigger audit_log_no_update;
alter table audit_log alter column shard set not null;
alter table audit_log alter column prev_hash drop not null;
alter table audit_log alter column hash drop not null;

-- Entries not yet given a position; the sequencer claims and deletes them.
create table audit_queue (
  entry_id bigint primary key
);
insert into audit_queue (entry_id) select id from audit_log;

-- One row per shard: the tree's size and root after the last sequencer run.
create table audit_tree (
  shard      varchar(12) primary key,
  size       bigint      not null,
  root_hash  bytea       not null,
  updated_at timestamptz not null
);

-- Position of each sequenced entry in its shard's tree, and its leaf hash SHA-256(0x00 || entry).
create table audit_leaf (
  shard     varchar(12) not null,
  seq       bigint      not null,
  entry_id  bigint      not null,
  leaf_hash bytea       not null,
  primary key (shard, seq)
);
create unique index audit_leaf_entry_idx on audit_leaf (entry_id);

-- Every complete subtree: level 0 holds the leaves, node (level, idx) covers leaves
-- [idx * 2^level, (idx + 1) * 2^level). Proofs read O(log n) of them.
create table audit_tree_node (
  shard varchar(12) not null,
  level smallint    not null,
  idx   bigint      not null,
  hash  bytea       not null,
  primary key (shard, level, idx)
);

-- Public keys that signed checkpoints; key_id is the hex SHA-256 of the key's DER (SPKI) bytes.
create table audit_signing_key (
  key_id     text primary key,
  public_key text        not null,
  first_used timestamptz not null
);

-- Signed checkpoints: `body` is the signed text (origin, size, base64 root, time), Ed25519.
create table audit_checkpoint (
  shard      varchar(12) not null,
  size       bigint      not null,
  root_hash  bytea       not null,
  signed_at  timestamptz not null,
  key_id     text        not null references audit_signing_key (key_id),
  body       text        not null,
  signature  text        not null,
  primary key (shard, size)
);

-- Leaves, nodes and checkpoints are append-only like the entries; `audit verify` detects what is
-- changed behind the triggers' backs.
create trigger audit_leaf_no_update before update or delete on audit_leaf
  for each row execute function audit_log_append_only();
create trigger audit_tree_node_no_update before update or delete on audit_tree_node
  for each row execute function audit_log_append_only();
create trigger audit_checkpoint_no_update before update or delete on audit_checkpoint
  for each row execute function audit_log_append_only();
