import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** A region row as imported (before groups and counts are attached). */
export type RegionImportRow = {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  path: string;
  prefectureCode: string | null;
};

const regionColumns = [
  'region.code',
  'region.name',
  'region.level',
  'region.parent_code',
  'region.path',
  'region.population',
  'region.population_year',
  sql<number>`(select count(*) from region c where c.parent_code = region.code)::int`.as('child_count'),
] as const;

function baseQuery(db: Kysely<Database>) {
  return db.selectFrom('region').select(regionColumns);
}

export type RegionRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

/** Matches a region and everything below it. */
function underPath(path: string) {
  return (eb: ExpressionBuilder<Database, 'region'>) =>
    eb.or([eb('region.path', '=', path), eb('region.path', 'like', `${path}/%`)]);
}

export const regionRepository = {
  findByCode(db: Kysely<Database>, code: string) {
    return baseQuery(db).where('region.code', '=', code).executeTakeFirst();
  },

  /** The top of the hierarchy (level 1); the first by code if several provinces are loaded. */
  findRoot(db: Kysely<Database>) {
    return db.selectFrom('region').select(['code', 'path']).where('level', '=', 1).orderBy('code').executeTakeFirst();
  },

  listByCodes(db: Kysely<Database>, codes: string[]) {
    if (codes.length === 0) return Promise.resolve([]);
    return baseQuery(db).where('region.code', 'in', codes).orderBy('region.code').execute();
  },

  listChildren(db: Kysely<Database>, parentCode: string) {
    return baseQuery(db).where('region.parent_code', '=', parentCode).orderBy('region.code').execute();
  },

  /** Every region below `path` down to `maxLevel`, in code order. */
  listSubtree(db: Kysely<Database>, path: string, maxLevel: number) {
    return db
      .selectFrom('region')
      .select(['code', 'name', 'level', 'parent_code', 'path', 'population', 'population_year'])
      .where(underPath(path))
      .where('level', '<=', maxLevel)
      .orderBy('code')
      .execute();
  },

  search(
    db: Kysely<Database>,
    filter: {
      scopePath: string;
      q?: string;
      level?: number;
      after?: { level: number; code: string };
      /** Rows to skip (a numbered page) instead of `after`. */
      offset?: number;
      limit: number;
    },
  ) {
    let query = baseQuery(db).where(underPath(filter.scopePath));
    if (filter.q) {
      const q = filter.q;
      query = query.where((eb) => eb.or([eb('region.name', 'like', `%${q}%`), eb('region.code', 'like', `${q}%`)]));
    }
    if (filter.level !== undefined) query = query.where('region.level', '=', filter.level);
    if (filter.offset) query = query.offset(filter.offset);
    // Higher levels first: a search for 大庆 should offer 大庆市 before 大庆路街道.
    if (filter.after) {
      const after = filter.after;
      query = query.where((eb) =>
        eb.or([
          eb('region.level', '>', after.level),
          eb.and([eb('region.level', '=', after.level), eb('region.code', '>', after.code)]),
        ]),
      );
    }
    return query.orderBy('region.level').orderBy('region.code').limit(filter.limit).execute();
  },

  /** How many regions `search` finds with the same scope, text and level. */
  async countSearch(db: Kysely<Database>, filter: { scopePath: string; q?: string; level?: number }) {
    let query = db.selectFrom('region').where(underPath(filter.scopePath));
    if (filter.q) {
      const q = filter.q;
      query = query.where((eb) => eb.or([eb('region.name', 'like', `%${q}%`), eb('region.code', 'like', `${q}%`)]));
    }
    if (filter.level !== undefined) query = query.where('region.level', '=', filter.level);
    const row = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Group memberships of the given regions, for presenting them. */
  groupsOf(db: Kysely<Database>, codes: string[]) {
    if (codes.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('region_group_member')
      .innerJoin('region_group', 'region_group.code', 'region_group_member.group_code')
      .select(['region_group_member.region_code', 'region_group.code', 'region_group.name'])
      .where('region_group_member.region_code', 'in', codes)
      .orderBy('region_group.code')
      .execute();
  },

  namesOf(db: Kysely<Database>, codes: string[]) {
    if (codes.length === 0) return Promise.resolve([]);
    return db.selectFrom('region').select(['code', 'name']).where('code', 'in', codes).execute();
  },

  async count(db: Kysely<Database>): Promise<number> {
    const row = await db
      .selectFrom('region')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Inserts or updates a batch in one statement; re-running an import changes nothing. */
  async upsertBatch(db: Kysely<Database>, rows: RegionImportRow[], source: string): Promise<void> {
    if (rows.length === 0) return;
    await db
      .insertInto('region')
      .values(
        rows.map((r) => ({
          code: r.code,
          name: r.name,
          level: r.level,
          parent_code: r.parentCode,
          path: r.path,
          prefecture_code: r.prefectureCode,
          source,
        })),
      )
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          level: eb.ref('excluded.level'),
          parent_code: eb.ref('excluded.parent_code'),
          path: eb.ref('excluded.path'),
          prefecture_code: eb.ref('excluded.prefecture_code'),
          source: eb.ref('excluded.source'),
          updated_at: sql`now()`,
        })),
      )
      .execute();
  },

  async setPopulation(db: Kysely<Database>, code: string, population: number | null, year: number | null) {
    await db
      .updateTable('region')
      .set({ population, population_year: year, updated_at: new Date() })
      .where('code', '=', code)
      .execute();
  },

  /** Refreshes the planner's statistics of the region table (after a bulk load). */
  async analyze(db: Kysely<Database>) {
    await sql`analyze region`.execute(db);
  },
};
