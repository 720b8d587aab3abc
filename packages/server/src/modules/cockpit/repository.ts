import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

/** SQL of the cockpit: what it reads of the indicator store and the title history to evaluate targets. */
export const cockpitRepository = {
  /** The periods that hold demo observations. */
  async demoPeriods(db: Db): Promise<string[]> {
    const rows = await db
      .selectFrom('observation')
      .select('period')
      .distinct()
      .where('source_kind', '=', 'demo')
      .execute();
    return rows.map((r) => r.period);
  },

  /** Every region's title events, unordered. */
  titleEvents(db: Db) {
    return db
      .selectFrom('region_title_event')
      .select(['id', 'region_code', 'title', 'change', 'effective_on', 'ends_on', 'reason', 'recorded_at'])
      .execute();
  },
};
