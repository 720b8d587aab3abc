import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';

/** The names of the in-process caches that every server drops together (rows of `cache_generation`). */
export type CacheName = 'cockpit' | 'case-calendar' | 'case-reference';

type Db = Kysely<Database>;

/** SQL of the shared cache generations. */
export const generationRepository = {
  async read(db: Db, name: CacheName): Promise<number> {
    const row = await db
      .selectFrom('cache_generation')
      .select('generation')
      .where('name', '=', name)
      .executeTakeFirst();
    return row?.generation ?? 0;
  },

  /**
   * The generation as an expression (0 without a row), for a caller that reads it in the same
   * statement as its other reference data: one round trip instead of two.
   */
  expression(name: CacheName): RawBuilder<number> {
    return sql<number>`coalesce((select generation from cache_generation where name = ${name}), 0)`;
  },

  /**
   * Moves a cache to its next generation, in the caller's transaction: every server drops its copy
   * at its next read after the commit. Upserts, so a database migrated without the seed row works too.
   */
  async advance(trx: Db, name: CacheName): Promise<void> {
    await trx
      .insertInto('cache_generation')
      .values({ name, generation: 1 })
      .onConflict((oc) =>
        oc.column('name').doUpdateSet({ generation: sql`cache_generation.generation + 1`, updated_at: new Date() }),
      )
      .execute();
  },
};

/**
 * Ties an in-process cache to its generation row. `sync(db)` reads the row (one primary-key lookup)
 * and calls `drop` when it differs from the generation this process last saw, so a change committed
 * through any server is seen by every server's next read, on PostgreSQL and PGlite alike.
 */
export function sharedGeneration(
  name: CacheName,
  drop: () => void,
): { sync: (db: Db) => Promise<void>; observe: (current: number) => void } {
  let seen: number | undefined;
  const observe = (current: number) => {
    if (current !== seen) {
      drop();
      seen = current;
    }
  };
  return {
    async sync(db) {
      observe(await generationRepository.read(db, name));
    },
    /** The same check with a generation the caller read itself (`generationRepository.expression`). */
    observe,
  };
}

/**
 * A value loaded from a database and kept for that database until the cache generation `name`
 * moves: `current(db)` reads the generation (one primary-key lookup), `at(db, generation)` takes
 * one the caller read with its other data. Kept per database, not per process: a Kysely instance
 * and every transaction opened from it share their adapter object, which is the key, so two
 * databases served from one process never see each other's copy (convention 18).
 */
export function keptPerDatabase<T>(
  name: CacheName,
  load: (db: Db) => Promise<T>,
): { current: (db: Db) => Promise<T>; at: (db: Db, generation: number) => Promise<T> } {
  const kept = new WeakMap<object, { generation: number; value: Promise<T> }>();
  const at = (db: Db, generation: number): Promise<T> => {
    const key = db.getExecutor().adapter;
    const entry = kept.get(key);
    if (entry?.generation === generation) return entry.value;
    const fresh = { generation, value: load(db) };
    kept.set(key, fresh);
    fresh.value.catch(() => {
      if (kept.get(key) === fresh) kept.delete(key);
    });
    return fresh.value;
  };
  return { current: async (db) => at(db, await generationRepository.read(db, name)), at };
}
