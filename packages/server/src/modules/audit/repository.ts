import { sql, type ExpressionBuilder, type Kysely, type RawBuilder } from 'kysely';
import type { Insertable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AuditRow } from './entry.ts';
import type { NodeKey, StoredNode } from './merkle.ts';

// Only one sequencer at a time across every server on the database.
const SEQUENCER_LOCK = 7_242_009_003;
// Rows per multi-row INSERT: well below PostgreSQL's 65,535 parameters.
const INSERT_CHUNK = 1000;

/** An entry with its position in its shard's tree; seq is null while the entry is pending. */
export type PositionedRow = AuditRow & { seq: number | null };

type Checkpoint = Insertable<Database['audit_checkpoint']>;

export const auditRepository = {
  /** One statement: the entry and its place in the sequencer's queue. No lock, no read. */
  async insertEntry(trx: Kysely<Database>, row: Omit<AuditRow, 'id'>): Promise<void> {
    await trx
      .with('entry', (db) =>
        db
          .insertInto('audit_log')
          .values({ ...row, before: jsonOrNull(row.before), after: jsonOrNull(row.after) })
          .returning(['id', 'shard']),
      )
      .insertInto('audit_queue')
      .columns(['shard', 'entry_id'])
      .expression((db) => db.selectFrom('entry').select(['entry.shard', 'entry.id']))
      .execute();
  },

  /**
   * `insertEntry` as two common table expressions of a caller's statement: `audit_entry` (the row,
   * returning id and shard) and `audit_queued` (its queue row). `afterSql` is merged into `after`.
   */
  entryCtes(row: Omit<AuditRow, 'id'>, afterSql?: RawBuilder<unknown>): RawBuilder<unknown> {
    const stored = sql`${jsonOrNull(row.after)}::jsonb`;
    const after = afterSql ? sql`coalesce(${stored}, '{}'::jsonb) || ${afterSql}` : stored;
    return sql`audit_entry as (
      insert into audit_log (at, actor_id, actor_name, action, entity_type, entity_id, region_code,
                             prefecture_code, shard, before, after, request_id, prev_hash, hash)
      values (${row.at}, ${row.actor_id}, ${row.actor_name}, ${row.action}, ${row.entity_type}, ${row.entity_id},
              ${row.region_code}, ${row.prefecture_code}, ${row.shard}, ${jsonOrNull(row.before)}::jsonb, ${after},
              ${row.request_id}, ${row.prev_hash}, ${row.hash})
      returning id, shard
    ),
    audit_queued as (insert into audit_queue (shard, entry_id) select shard, id from audit_entry)`;
  },

  /** Takes the sequencer lock for the current transaction; false if another server holds it. */
  async tryLockSequencer(trx: Kysely<Database>): Promise<boolean> {
    const { rows } = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_xact_lock(${SEQUENCER_LOCK}) as locked`.execute(trx);
    return rows[0]!.locked;
  },

  /** The oldest queued entries, claimed for this transaction. */
  async claimQueued(trx: Kysely<Database>, limit: number): Promise<AuditRow[]> {
    const rows = await trx
      .selectFrom('audit_queue')
      .innerJoin('audit_log', (join) =>
        join.onRef('audit_log.shard', '=', 'audit_queue.shard').onRef('audit_log.id', '=', 'audit_queue.entry_id'),
      )
      .selectAll('audit_log')
      .orderBy('audit_queue.entry_id')
      .limit(limit)
      .forUpdate('audit_queue')
      .skipLocked()
      .execute();
    return rows as AuditRow[];
  },

  async dequeue(trx: Kysely<Database>, shard: string, entryIds: number[]): Promise<void> {
    for (const ids of chunks(entryIds, INSERT_CHUNK)) {
      await trx.deleteFrom('audit_queue').where('shard', '=', shard).where('entry_id', 'in', ids).execute();
    }
  },

  async pendingCount(db: Kysely<Database>): Promise<number> {
    const row = await db
      .selectFrom('audit_queue')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Entries waiting for the sequencer, and the time the oldest of them was written. */
  async backlog(db: Kysely<Database>): Promise<{ pending: number; oldest: Date | null }> {
    const row = await db
      .selectFrom('audit_queue')
      .innerJoin('audit_log', (join) =>
        join.onRef('audit_log.shard', '=', 'audit_queue.shard').onRef('audit_log.id', '=', 'audit_queue.entry_id'),
      )
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('audit_log.at').as('oldest')])
      .executeTakeFirstOrThrow();
    return { pending: Number(row.n), oldest: row.oldest ? new Date(row.oldest as Date) : null };
  },

  async trees(db: Kysely<Database>, shards?: string[]) {
    let query = db.selectFrom('audit_tree').selectAll().orderBy('shard');
    if (shards) query = query.where('shard', 'in', shards.length ? shards : ['']);
    return query.execute();
  },

  async saveTree(trx: Kysely<Database>, shard: string, size: number, root: Buffer): Promise<void> {
    await trx
      .insertInto('audit_tree')
      .values({ shard, size, root_hash: root, updated_at: new Date() })
      .onConflict((oc) => oc.column('shard').doUpdateSet({ size, root_hash: root, updated_at: new Date() }))
      .execute();
  },

  async nodes(db: Kysely<Database>, shard: string, keys: NodeKey[]): Promise<StoredNode[]> {
    if (keys.length === 0) return [];
    const rows = await db
      .selectFrom('audit_tree_node')
      .select(['level', 'idx', 'hash'])
      .where('shard', '=', shard)
      .where((eb) => eb.or(keys.map((k) => eb.and([eb('level', '=', k.level), eb('idx', '=', k.idx)]))))
      .execute();
    return rows.map((r) => ({ level: Number(r.level), idx: Number(r.idx), hash: r.hash }));
  },

  async insertLeaves(trx: Kysely<Database>, rows: Insertable<Database['audit_leaf']>[]): Promise<void> {
    for (const chunk of chunks(rows, INSERT_CHUNK)) await trx.insertInto('audit_leaf').values(chunk).execute();
  },

  async insertNodes(trx: Kysely<Database>, shard: string, nodes: StoredNode[]): Promise<void> {
    for (const chunk of chunks(nodes, INSERT_CHUNK)) {
      await trx
        .insertInto('audit_tree_node')
        .values(chunk.map((n) => ({ shard, level: n.level, idx: n.idx, hash: n.hash })))
        .execute();
    }
  },

  /** Leaves of a shard from position `fromSeq` on, with their entries (null where the entry is gone). */
  async leavesWithEntries(db: Kysely<Database>, shard: string, fromSeq: number, limit: number) {
    const rows = await db
      .selectFrom('audit_leaf')
      .leftJoin('audit_log', (join) =>
        join.onRef('audit_log.shard', '=', 'audit_leaf.shard').onRef('audit_log.id', '=', 'audit_leaf.entry_id'),
      )
      .selectAll('audit_log')
      .select(['audit_leaf.seq', 'audit_leaf.entry_id', 'audit_leaf.leaf_hash'])
      .where('audit_leaf.shard', '=', shard)
      .where('audit_leaf.seq', '>=', fromSeq)
      .orderBy('audit_leaf.seq')
      .limit(limit)
      .execute();
    return rows.map(({ seq, entry_id, leaf_hash, ...entry }) => ({
      seq: Number(seq),
      entryId: Number(entry_id),
      leafHash: leaf_hash,
      entry: entry.id === null ? null : (entry as unknown as AuditRow),
    }));
  },

  async leafOf(db: Kysely<Database>, shard: string, entryId: number) {
    return db
      .selectFrom('audit_leaf')
      .selectAll()
      .where('shard', '=', shard)
      .where('entry_id', '=', entryId)
      .executeTakeFirst();
  },

  /** Every shard that has a tree or a checkpoint. */
  async shards(db: Kysely<Database>): Promise<string[]> {
    const rows = await db
      .selectFrom('audit_tree')
      .select('shard')
      .union(db.selectFrom('audit_checkpoint').select('shard'))
      .orderBy('shard')
      .execute();
    return rows.map((r) => r.shard);
  },

  async checkpoints(db: Kysely<Database>, shard: string) {
    return db
      .selectFrom('audit_checkpoint')
      .innerJoin('audit_signing_key', 'audit_signing_key.key_id', 'audit_checkpoint.key_id')
      .selectAll('audit_checkpoint')
      .select('audit_signing_key.public_key')
      .where('shard', '=', shard)
      .orderBy('size')
      .execute();
  },

  /**
   * The newest checkpoint of every shard (or of the given one): one index seek per tree, since a
   * busy shard gathers a checkpoint every few seconds and the sequencer asks on every run.
   */
  async latestCheckpoints(db: Kysely<Database>, shard?: string) {
    let query = db
      .selectFrom('audit_tree')
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('audit_checkpoint')
            .selectAll('audit_checkpoint')
            .whereRef('audit_checkpoint.shard', '=', 'audit_tree.shard')
            .orderBy('audit_checkpoint.size', 'desc')
            .limit(1)
            .as('c'),
        (join) => join.onTrue(),
      )
      .innerJoin('audit_signing_key', 'audit_signing_key.key_id', 'c.key_id')
      .selectAll('c')
      .select('audit_signing_key.public_key')
      .orderBy('c.shard');
    if (shard !== undefined) query = query.where('audit_tree.shard', '=', shard);
    return query.execute();
  },

  async insertCheckpoint(trx: Kysely<Database>, checkpoint: Checkpoint): Promise<void> {
    await trx
      .insertInto('audit_checkpoint')
      .values(checkpoint)
      .onConflict((oc) => oc.columns(['shard', 'size']).doNothing())
      .execute();
  },

  async registerKey(trx: Kysely<Database>, keyId: string, publicKey: string): Promise<void> {
    await trx
      .insertInto('audit_signing_key')
      .values({ key_id: keyId, public_key: publicKey, first_used: new Date() })
      .onConflict((oc) => oc.column('key_id').doNothing())
      .execute();
  },

  async signingKeys(db: Kysely<Database>) {
    return db.selectFrom('audit_signing_key').selectAll().orderBy('first_used').execute();
  },

  /** Rows of the old hash chain (written before the verifiable log) in id order after `afterId`. */
  async legacyChainAfter(db: Kysely<Database>, afterId: number, limit: number): Promise<AuditRow[]> {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('hash', 'is not', null)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows as AuditRow[];
  },

  /** The newest entry about one entity (entity_type, entity_id is indexed). */
  async latestEntryIdFor(db: Kysely<Database>, entityType: string, entityId: string): Promise<number | undefined> {
    const row = await db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_type', '=', entityType)
      .where('entity_id', '=', entityId)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row ? Number(row.id) : undefined;
  },

  async findEntry(db: Kysely<Database>, id: number): Promise<PositionedRow | undefined> {
    const row = await db
      .selectFrom('audit_log')
      .leftJoin('audit_leaf', (join) =>
        join.onRef('audit_leaf.shard', '=', 'audit_log.shard').onRef('audit_leaf.entry_id', '=', 'audit_log.id'),
      )
      .selectAll('audit_log')
      .select('audit_leaf.seq')
      .where('audit_log.id', '=', id)
      .executeTakeFirst();
    return row as PositionedRow | undefined;
  },

  /** Whether the entry exists and lies in the scope (same rule as `list`). */
  async isVisible(db: Kysely<Database>, id: number, scopePath: string): Promise<boolean> {
    const row = await inScope(db, scopePath).select('audit_log.id').where('audit_log.id', '=', id).executeTakeFirst();
    return row !== undefined;
  },

  async list(
    db: Kysely<Database>,
    filter: AuditFilter & { beforeId?: number; offset?: number; limit: number },
  ): Promise<(PositionedRow & { region_name: string | null })[]> {
    let query = filtered(db, filter).selectAll('audit_log');
    if (filter.beforeId !== undefined) query = query.where('audit_log.id', '<', filter.beforeId);
    if (filter.offset) query = query.offset(filter.offset);
    const page = query.orderBy('audit_log.id', 'desc').limit(filter.limit).as('page');
    // The page first, then its positions: the join stays off the filtered scan.
    const rows = await db
      .selectFrom(page)
      .leftJoin('audit_leaf', (join) =>
        join.onRef('audit_leaf.shard', '=', 'page.shard').onRef('audit_leaf.entry_id', '=', 'page.id'),
      )
      // The region's name: a person reads 哈尔滨市, not "2301".
      .leftJoin('region', 'region.code', 'page.region_code')
      .selectAll('page')
      .select(['audit_leaf.seq', 'region.name as region_name'])
      .orderBy('page.id', 'desc')
      .execute();
    return rows as (PositionedRow & { region_name: string | null })[];
  },

  /** How many entries `list` would page through. */
  async count(db: Kysely<Database>, filter: AuditFilter): Promise<number> {
    const row = await filtered(db, filter)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};

type AuditFilter = {
  scopePath: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  actor?: string;
  from?: Date;
  to?: Date;
};

function filtered(db: Kysely<Database>, filter: AuditFilter) {
  let query = inScope(db, filter.scopePath);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.actor) query = query.where('actor_name', '=', filter.actor);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  return query;
}

/** Entries whose region lies in the scope; rows without a region (sign-ins, system events) only from a root scope. */
function inScope(db: Kysely<Database>, scopePath: string) {
  const regionInScope = (eb: ExpressionBuilder<Database, 'audit_log'>) =>
    eb.exists(
      eb
        .selectFrom('region')
        .select(sql`1`.as('one'))
        .whereRef('region.code', '=', 'audit_log.region_code')
        .where((r) => r.or([r('region.path', '=', scopePath), r('region.path', 'like', `${scopePath}/%`)])),
    );
  const isRootScope = !scopePath.includes('/');
  return db
    .selectFrom('audit_log')
    .where((eb) =>
      isRootScope ? eb.or([eb('audit_log.region_code', 'is', null), regionInScope(eb)]) : regionInScope(eb),
    );
}

function jsonOrNull(value: unknown) {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
