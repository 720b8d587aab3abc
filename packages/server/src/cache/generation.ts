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
