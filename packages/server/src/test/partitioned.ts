import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import { DISTRIBUTED_TABLES } from '../db/distribution.ts';

/** How many hash partitions each distributed table gets: the key rule does not depend on it. */
const PARTITIONS = 4;

/**
 * The partitioned check (`TEST_DB_PARTITIONED=1`): whether the integration tier builds its
 * databases with the distributed tables hash-partitioned on their distribution column.
 */
export function testDbPartitioned(): boolean {
  return process.env.TEST_DB_PARTITIONED === '1';
}

type Definition = { name: string; definition: string };

/**
 * Rebuilds every table of `DISTRIBUTED_TABLES` in the migrated database `db` as a table
 * hash-partitioned on its distribution column, keeping its columns, defaults, identity, checks,
 * keys, indexes, foreign keys (both ways), triggers and rows under their own names. PostgreSQL
 * refuses a primary or unique key (or unique index) of a partitioned table that does not contain
 * the partition key, and a foreign key to one that does not reference such a key: the same rules
 * Citus imposes on distributed tables, so this fails on a key that would not distribute.
 */
export async function partitionDistributedTables(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const { table, column } of DISTRIBUTED_TABLES) {
      try {
        await partitionTable(trx, table, column);
      } catch (error) {
        // Name the table whose key breaks the rule: PostgreSQL's message does not.
        throw new Error(`${table} cannot be hash-partitioned on ${column}: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }
  });
}

async function partitionTable(trx: Kysely<Database>, table: string, column: string): Promise<void> {
  const oid = sql`${table}::regclass`;
  const rows = async <T>(query: RawBuilder<T>) => (await query.execute(trx)).rows;
  // Keys (primary, unique, exclusion) and the indexes that back no constraint. Constraints with a
  // parent are the copies PostgreSQL keeps on partitions (and for keys referencing a partitioned
  // table): they come back with their parent.
  const keys = await rows(sql<Definition>`
    select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
    where conrelid = ${oid} and conparentid = 0 and contype in ('p', 'u', 'x') order by contype, conname`);
  const indexes = await rows(sql<Definition>`
    select i.relname as name, pg_get_indexdef(x.indexrelid) as definition
    from pg_index x join pg_class i on i.oid = x.indexrelid
    where x.indrelid = ${oid}
      and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid and c.conrelid = ${oid})
    order by i.relname`);
  const outgoing = await rows(sql<Definition>`
    select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
    where conrelid = ${oid} and conparentid = 0 and contype = 'f' order by conname`);
  const incoming = await rows(sql<Definition & { table: string }>`
    select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
    from pg_constraint where confrelid = ${oid} and conrelid <> ${oid} and conparentid = 0 and contype = 'f' order by conname`);
  const triggers = await rows(sql<Definition>`
    select tgname as name, pg_get_triggerdef(oid) as definition from pg_trigger
    where tgrelid = ${oid} and not tgisinternal order by tgname`);
  // Sequences of serial columns belong to the table; they must outlive the old one.
  const sequences = await rows(sql<{ sequence: string; column: string }>`
    select s.oid::regclass::text as sequence, a.attname as column
    from pg_depend d join pg_class s on s.oid = d.objid and s.relkind = 'S'
    join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
    where d.refobjid = ${oid} and d.deptype = 'a'`);
  const columns = await rows(sql<{ name: string; identity: string }>`
    select attname as name, attidentity as identity from pg_attribute
    where attrelid = ${oid} and attnum > 0 and not attisdropped and attgenerated = ''
    order by attnum`);

  const old = `${table}__unpartitioned`;
  for (const fk of incoming)
    await sql`alter table ${sql.table(fk.table)} drop constraint ${sql.id(fk.name)}`.execute(trx);
  for (const s of sequences) await sql`alter sequence ${sql.raw(s.sequence)} owned by none`.execute(trx);
  await sql`alter table ${sql.table(table)} rename to ${sql.id(old)}`.execute(trx);
  for (const fk of outgoing) await sql`alter table ${sql.table(old)} drop constraint ${sql.id(fk.name)}`.execute(trx);
  // Constraint and index names are per schema: the old table's must go before the new take them.
  for (const key of keys) await sql`alter table ${sql.table(old)} drop constraint ${sql.id(key.name)}`.execute(trx);
  for (const index of indexes) await sql`drop index ${sql.id(index.name)}`.execute(trx);
  await sql`create table ${sql.table(table)} (like ${sql.table(old)}
      including defaults including identity including generated including constraints including storage including comments)
    partition by hash (${sql.id(column)})`.execute(trx);
  for (let i = 0; i < PARTITIONS; i += 1) {
    await sql`create table ${sql.id(`${table}_p${i}`)} partition of ${sql.table(table)}
      for values with (modulus ${sql.lit(PARTITIONS)}, remainder ${sql.lit(i)})`.execute(trx);
  }
  const list = sql.join(columns.map((c) => sql.id(c.name)));
  await sql`insert into ${sql.table(table)} (${list}) overriding system value
    select ${list} from ${sql.table(old)}`.execute(trx);
  await sql`drop table ${sql.table(old)}`.execute(trx);
  for (const s of sequences) {
    await sql`alter sequence ${sql.raw(s.sequence)} owned by ${sql.table(table)}.${sql.id(s.column)}`.execute(trx);
  }
  for (const c of columns.filter((c) => c.identity !== '')) {
    await sql`select setval(pg_get_serial_sequence(${table}, ${c.name}),
      coalesce((select max(${sql.id(c.name)}) from ${sql.table(table)}), 0) + 1, false)`.execute(trx);
  }
  for (const key of keys) {
    await sql`alter table ${sql.table(table)} add constraint ${sql.id(key.name)} ${sql.raw(key.definition)}`.execute(
      trx,
    );
  }
  for (const index of indexes) await sql.raw(index.definition).execute(trx);
  for (const fk of outgoing) {
    await sql`alter table ${sql.table(table)} add constraint ${sql.id(fk.name)} ${sql.raw(fk.definition)}`.execute(trx);
  }
  for (const fk of incoming) {
    await sql`alter table ${sql.table(fk.table)} add constraint ${sql.id(fk.name)} ${sql.raw(fk.definition)}`.execute(
      trx,
    );
  }
  for (const trigger of triggers) await sql.raw(trigger.definition).execute(trx);
}
