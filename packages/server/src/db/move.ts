import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { migrate } from './migrate.ts';
import { ConfigError } from '../config.ts';

/** Rows per round trip: one JSON array per batch keeps the copy at a few statements per thousand rows. */
const BATCH = 2000;

export type TableCount = { table: string; source: number; target: number };

type AnyDb = Kysely<Database>;

/**
 * Tables of the public schema, in name order: a partitioned table counts once, by its own name, not
 * by its partitions (the partitioned check builds the distributed tables so, docs/SCALE-OUT.md).
 */
export async function tablesOf(db: AnyDb): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname`.execute(db);
  return rows.map((r) => r.name);
}

export async function countRows(db: AnyDb, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::bigint as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]!.n);
}

/** Columns that take a copied value (stored generated columns compute their own). */
async function insertableColumns(db: AnyDb, table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select attname as name from pg_attribute
    where attrelid = ${table}::regclass and attnum > 0 and not attisdropped and attgenerated = ''
    order by attnum`.execute(db);
  return rows.map((r) => r.name);
}

/**
 * Copies every table of `source` into `target` (migrated to the same schema first, and refused if it
 * already holds data), all in one transaction on the target (see `loadTables`). Returns the row counts
 * of both sides per table.
 */
export async function copyDatabase(source: AnyDb, target: AnyDb): Promise<TableCount[]> {
  await migrate(source);
  await migrate(target);
  await refuseNonEmpty(target);
  const tables = await tablesOf(source);
  await withSnapshot(source, (snapshot) => loadTables(target, tables, (table) => readTable(snapshot, table)));
  const counts: TableCount[] = [];
  for (const table of tables) {
    counts.push({ table, source: await countRows(source, table), target: await countRows(target, table) });
  }
  return counts;
}

/** A restore or a move goes into an empty database only, so that nothing is silently overwritten. */
export async function refuseNonEmpty(target: AnyDb): Promise<void> {
  for (const table of ['region', 'app_user', 'audit_log']) {
    if ((await countRows(target, table)) > 0) {
      throw new ConfigError(`the target database already holds data (table ${table}); give an empty database`);
    }
  }
}

/** Batches of rows, each row one JSON object text as `row_to_json` writes it. */
export type RowBatches = AsyncIterable<string[]>;

/**
 * Fills the migrated `target` with `rowsOf(table)` for every table, in one transaction: foreign keys
 * are dropped, the rows are inserted from JSON text (lossless for numeric, bytea, jsonb and
 * timestamps), the keys are added back — which checks every reference — and the sequences continue
 * after the loaded ids.
 */
export async function loadTables(
  target: AnyDb,
  tables: string[],
  rowsOf: (table: string) => RowBatches,
): Promise<void> {
  await target.transaction().execute(async (trx) => {
    const { rows: keys } = await sql<{ table: string; name: string; definition: string }>`
      select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
      from pg_constraint where contype = 'f' and conparentid = 0 and connamespace = 'public'::regnamespace`.execute(
      trx,
    );
    for (const key of keys) {
      await sql`alter table ${sql.table(key.table)} drop constraint ${sql.id(key.name)}`.execute(trx);
    }
    // Migrations may seed rows; the load replaces them. TRUNCATE fires no row triggers.
    await sql`truncate table ${sql.join(tables.map((t) => sql.table(t)))}`.execute(trx);
    for (const table of tables) {
      const columns = await insertableColumns(trx, table);
      const list = sql.join(columns.map((c) => sql.id(c)));
      for await (const rows of rowsOf(table)) {
        const json = `[${rows.join(',')}]`;
        await sql`insert into ${sql.table(table)} (${list}) overriding system value
          select ${list} from json_populate_recordset(null::${sql.table(table)}, ${json}::json)`.execute(trx);
      }
    }
    for (const key of keys) {
      await sql`alter table ${sql.table(key.table)} add constraint ${sql.id(key.name)} ${sql.raw(key.definition)}`.execute(
        trx,
      );
    }
    await resetSequences(trx, tables);
  });
}

/**
 * The rows of `table` in batches, through a cursor in the transaction `trx` (PGlite has one
 * connection, and a table may be larger than memory). Every table read in one repeatable-read
 * transaction comes from the same snapshot: that is how a move or a backup sees one moment.
 */
export async function* readTable(trx: AnyDb, table: string): RowBatches {
  const cursor = `read_${table}`;
  await sql`declare ${sql.id(cursor)} no scroll cursor for select row_to_json(t)::text as row from ${sql.table(table)} t`.execute(
    trx,
  );
  for (;;) {
    const { rows } = await sql<{ row: string }>`fetch ${sql.lit(BATCH)} from ${sql.id(cursor)}`.execute(trx);
    if (rows.length > 0) yield rows.map((r) => r.row);
    if (rows.length < BATCH) break;
  }
  await sql`close ${sql.id(cursor)}`.execute(trx);
}

/** Runs `fn` in a read-only, repeatable-read transaction: one snapshot of the whole database. */
export async function withSnapshot<T>(db: AnyDb, fn: (trx: AnyDb) => Promise<T>): Promise<T> {
  const trx = await db.startTransaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute();
  try {
    const result = await fn(trx);
    await trx.commit().execute();
    return result;
  } catch (error) {
    await trx.rollback().execute();
    throw error;
  }
}

/** Serial and identity columns continue after the largest copied value. */
async function resetSequences(trx: AnyDb, tables: string[]): Promise<void> {
  const { rows } = await sql<{ table: string; column: string; sequence: string }>`
    select c.table_name as table, c.column_name as column,
           pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as sequence
    from information_schema.columns c
    where c.table_schema = 'public' and c.table_name in (${sql.join(tables)})
      and pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) is not null`.execute(trx);
  for (const r of rows) {
    await sql`select setval(${r.sequence}::regclass, coalesce((select max(${sql.id(r.column)}) from ${sql.table(r.table)}), 0) + 1, false)`.execute(
      trx,
    );
  }
}
