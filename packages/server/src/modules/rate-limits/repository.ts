import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export const rateLimitRepository = {
  /**
   * Counts one hit of `key` in its window and returns the count and the milliseconds left.
   * One upsert: a window that has ended restarts at 1. Times are the database's clock, so
   * servers with drifting clocks still share one window.
   */
  async hit(db: Kysely<Database>, key: string, windowMs: number): Promise<{ hits: number; ttlMs: number }> {
    const { rows } = await sql<{ hits: number; ttl_ms: number }>`
      insert into rate_limit_counter as c (key, hits, reset_at)
      values (${key}, 1, now() + make_interval(secs => ${windowMs / 1000}::float8))
      on conflict (key) do update set
        hits = case when c.reset_at <= now() then 1 else c.hits + 1 end,
        reset_at = case when c.reset_at <= now() then excluded.reset_at else c.reset_at end
      returning hits, (extract(epoch from reset_at - now()) * 1000)::float8 as ttl_ms`.execute(db);
    const row = rows[0]!;
    return { hits: row.hits, ttlMs: Math.max(0, Math.ceil(Number(row.ttl_ms))) };
  },

  /** Forgets windows that ended long ago (an address seen once leaves one row behind). */
  async sweep(db: Kysely<Database>): Promise<void> {
    await db
      .deleteFrom('rate_limit_counter')
      .where('reset_at', '<', sql<Date>`now() - interval '1 hour'`)
      .execute();
  },
};
