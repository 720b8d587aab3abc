import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

export const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');
// Any constant works; it keeps two server processes from migrating at once.
const MIGRATION_LOCK_KEY = 7_242_009_001;

/** A migration that failed; the database is left as it was before that file. */
export class MigrationError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`migration ${file} failed: ${(cause as Error).message}`, { cause });
  }
}

export type MigrationResult = { applied: string[]; alreadyApplied: number };

/** The migration files in the order they apply (their names start with a timestamp). */
function listMigrationFiles(dir = MIGRATIONS_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
}

/**
 * Applies every migration not yet recorded, each in its own transaction together
 * with its record in `schema_migration`. Stops at the first failure.
 */
export async function migrate(db: Kysely<Database>, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  await sql`create table if not exists schema_migration (
    name text primary key,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`.execute(db);
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
    try {
      const done = new Set((await conn.selectFrom('schema_migration').select('name').execute()).map((r) => r.name));
      const applied: string[] = [];
      for (const file of listMigrationFiles(dir)) {
        if (done.has(file)) continue;
        const text = fs.readFileSync(path.join(dir, file), 'utf8');
        const checksum = crypto.createHash('sha256').update(text).digest('hex');
        try {
          await conn.transaction().execute(async (trx) => {
            await sql.raw(text).execute(trx);
            await trx.insertInto('schema_migration').values({ name: file, checksum }).execute();
          });
        } catch (error) {
          throw new MigrationError(file, error);
        }
        applied.push(file);
      }
      return { applied, alreadyApplied: done.size };
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn);
    }
  });
}
