import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** SQL behind what other modules may read of the indicator store (lookup.ts). Reads only. */
export const indicatorLookupRepository = {
  /** The distinct periods of demo observations (none outside a demo database). */
  async demoPeriods(db: Kysely<Database>): Promise<string[]> {
    const rows = await db
      .selectFrom('observation')
      .select('period')
      .distinct()
      .where('source_kind', '=', 'demo')
      .execute();
    return rows.map((r) => r.period);
  },
};
