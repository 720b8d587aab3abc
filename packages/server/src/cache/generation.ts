import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** The names of the in-process caches that every server drops together (rows of `cache_generation`). */
export type CacheName = 'cockpit' | 'case-calendar';

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
export function sharedGeneration(name: CacheName, drop: () => void): { sync: (db: Db) => Promise<void> } {
  let seen: number | undefined;
  return {
    async sync(db) {
      const current = await generationRepository.read(db, name);
      if (current !== seen) {
        drop();
        seen = current;
      }
    },
  };
}
