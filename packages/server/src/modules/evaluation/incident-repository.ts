import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;
export type IncidentRow = Selectable<Database['evaluation_incident']> & {
  region_name: string;
  region_path: string;
  recorded_by_name: string;
};

function incidentQuery(db: Db) {
  return db
    .selectFrom('evaluation_incident as i')
    .innerJoin('region as g', 'g.code', 'i.region_code')
    .innerJoin('app_user as u', 'u.id', 'i.recorded_by')
    .selectAll('i')
    .select(['g.name as region_name', 'g.path as region_path', 'u.display_name as recorded_by_name']);
}

/** SQL for incidents of the negative list. */
export const incidentRepository = {
  async insert(db: Db, row: Insertable<Database['evaluation_incident']>) {
    await db.insertInto('evaluation_incident').values(row).execute();
  },

  findById(db: Db, id: string): Promise<IncidentRow | undefined> {
    return incidentQuery(db).where('i.id', '=', id).executeTakeFirst();
  },

  /** Newest recorded first, within a scope path, optionally one region. */
  list(
    db: Db,
    filter: {
      scopePath: string;
      regionCode?: string;
      before?: { at: string; id: string };
      /** Rows to skip (a numbered page) instead of `before`. */
      offset?: number;
      limit: number;
    },
  ) {
    let q = incidentQuery(db)
      .where((eb) => eb.or([eb('g.path', '=', filter.scopePath), eb('g.path', 'like', `${filter.scopePath}/%`)]))
      .orderBy('i.recorded_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(filter.limit + 1);
    if (filter.offset) q = q.offset(filter.offset);
    if (filter.regionCode) q = q.where('i.region_code', '=', filter.regionCode);
    if (filter.before) {
      const b = filter.before;
      q = q.where((eb) =>
        eb.or([
          eb('i.recorded_at', '<', new Date(b.at)),
          eb.and([eb('i.recorded_at', '=', new Date(b.at)), eb('i.id', '<', b.id)]),
        ]),
      );
    }
    return q.execute();
  },

  /** How many incidents `list` selects with the same scope and region. */
  async count(db: Db, filter: { scopePath: string; regionCode?: string }): Promise<number> {
    let q = db
      .selectFrom('evaluation_incident as i')
      .innerJoin('region as g', 'g.code', 'i.region_code')
      .where((eb) => eb.or([eb('g.path', '=', filter.scopePath), eb('g.path', 'like', `${filter.scopePath}/%`)]))
      .select((eb) => eb.fn.countAll<string>().as('n'));
    if (filter.regionCode) q = q.where('i.region_code', '=', filter.regionCode);
    const row = await q.executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Incidents of many regions that happened on or before a date (the deductions of a round). */
  forRegions(db: Db, regionCodes: string[], onOrBefore: string): Promise<IncidentRow[]> {
    if (regionCodes.length === 0) return Promise.resolve([]);
    return incidentQuery(db)
      .where('i.region_code', 'in', regionCodes)
      .where('i.occurred_on', '<=', onOrBefore)
      .orderBy('i.occurred_on')
      .execute();
  },
};
