import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { migrate } from './migrate.ts';
import { ConfigError } from '../config.ts';

/** Rows per round trip: one JSON array per batch keeps the copy at a few statements per thousand rows. */
const BATCH = 2000;

export type TableCount = { table: string; source: number; target: number };

type AnyDb = Kysely<Database>;

/** Base tables of the public schema, in name order. */
async function tablesOf(db: AnyDb): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return rows.map((r) => r.name);
}

async function countRows(db: AnyDb, table: string): Promise<number> {
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
 * already holds data), all in one transaction on the target: foreign keys are dropped, the rows are
 * copied as JSON text (lossless for numeric, bytea, jsonb and timestamps), the keys are added back —
 * which checks every reference — and the sequences continue after the copied ids. Returns the row
 * counts of both sides per table.
 */
export async function copyDatabase(source: AnyDb, target: AnyDb): Promise<TableCount[]> {
  await migrate(source);
  await migrate(target);
  for (const table of ['region', 'app_user', 'audit_log']) {
    if ((await countRows(target, table)) > 0) {
      throw new ConfigError(`the target database already holds data (table ${table}); give an empty database`);
    }
  }
  const tables = await tablesOf(source);
  await target.transaction().execute(async (trx) => {
    const { rows: keys } = await sql<{ table: string; name: string; definition: string }>`
      select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
      from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`.execute(trx);
    for (const key of keys) {
      await sql`alter table ${sql.table(key.table)} drop constraint ${sql.id(key.name)}`.execute(trx);
    }
    // Migrations may seed rows; the copy replaces them. TRUNCATE fires no row triggers.
    await sql`truncate table ${sql.join(tables.map((t) => sql.table(t)))}`.execute(trx);
    for (const table of tables) await copyTable(source, trx, table);
    for (const key of keys) {
      await sql`alter table ${sql.table(key.table)} add constraint ${sql.id(key.name)} ${sql.raw(key.definition)}`.execute(
        trx,
      );
    }
    await resetSequences(trx, tables);
  });
  const counts: TableCount[] = [];
  for (const table of tables) {
    counts.push({ table, source: await countRows(source, table), target: await countRows(target, table) });
  }
  return counts;
}

async function copyTable(source: AnyDb, target: AnyDb, table: string): Promise<void> {
  const columns = await insertableColumns(target, table);
  const list = sql.join(columns.map((c) => sql.id(c)));
  // A cursor on the source: PGlite has one connection, and a table may be larger than memory.
  await source.transaction().execute(async (trx) => {
    await sql`declare copy_rows no scroll cursor for select row_to_json(t)::text as row from ${sql.table(table)} t`.execute(
      trx,
    );
    for (;;) {
      const { rows } = await sql<{ row: string }>`fetch ${sql.lit(BATCH)} from copy_rows`.execute(trx);
      if (rows.length === 0) break;
      const json = `[${rows.map((r) => r.row).join(',')}]`;
      await sql`insert into ${sql.table(table)} (${list}) overriding system value
        select ${list} from json_populate_recordset(null::${sql.table(table)}, ${json}::json)`.execute(target);
      if (rows.length < BATCH) break;
    }
    await sql`close copy_rows`.execute(trx);
  });
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
