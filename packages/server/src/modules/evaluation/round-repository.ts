import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;
export type RoundRow = Selectable<Database['evaluation_round']>;

function roundQuery(db: Db) {
  return db
    .selectFrom('evaluation_round as r')
    .innerJoin('evaluation_framework as f', 'f.id', 'r.framework_id')
    .innerJoin('evaluation_framework_version as v', 'v.id', 'r.framework_version_id')
    .innerJoin('region as o', 'o.code', 'r.owner_region_code')
    .selectAll('r')
    .select([
      'f.edition as framework_edition',
      'f.name as framework_name',
      'f.is_model as framework_is_model',
      'v.version as framework_version',
      'o.path as owner_path',
    ]);
}
export type RoundWithFramework = NonNullable<Awaited<ReturnType<ReturnType<typeof roundQuery>['executeTakeFirst']>>>;

/** A round's regions with their names, paths, city groups and prefectures. */
function roundRegionQuery(db: Db, roundId: string) {
  return db
    .selectFrom('evaluation_round_region as rr')
    .innerJoin('region as g', 'g.code', 'rr.region_code')
    .select(['rr.region_code as code', 'g.name', 'g.path', 'rr.city_group', 'rr.prefecture_code'])
    .where('rr.round_id', '=', roundId);
}

/** The frozen results of the published rounds before `round` under its framework and of its kind. */
function earlierResults(db: Db, round: RoundRow) {
  return db
    .selectFrom('evaluation_round_result as x')
    .innerJoin('evaluation_round as r', 'r.id', 'x.round_id')
    .where('r.framework_id', '=', round.framework_id)
    .where('r.kind', '=', round.kind)
    .where('r.status', '=', 'published')
    .where('r.id', '!=', round.id)
    .where('r.test_date', '<', round.test_date);
}

/** SQL for rounds, their regions and scorer assignments. */
export const roundRepository = {
  async insert(db: Db, row: Insertable<Database['evaluation_round']>): Promise<void> {
    await db.insertInto('evaluation_round').values(row).execute();
  },

  async insertRegions(db: Db, rows: Insertable<Database['evaluation_round_region']>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 1000) {
      await db
        .insertInto('evaluation_round_region')
        .values(rows.slice(i, i + 1000))
        .execute();
    }
  },

  async update(db: Db, id: string, values: Updateable<Database['evaluation_round']>): Promise<void> {
    await db
      .updateTable('evaluation_round')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  },

  findById(db: Db, id: string) {
    return roundQuery(db).where('r.id', '=', id).executeTakeFirst();
  },

  findByIdForUpdate(db: Db, id: string) {
    return db.selectFrom('evaluation_round').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  /** Newest first; `before` is the (created_at, id) of the last row of the previous page. */
  list(
    db: Db,
    filter: { status?: string; kind?: string; year?: number; before?: { at: string; id: string }; limit: number },
  ) {
    let q = roundQuery(db)
      .select((eb) =>
        eb
          .selectFrom('evaluation_round_region as rr')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('rr.round_id', '=', 'r.id')
          .as('region_count'),
      )
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(filter.limit + 1);
    if (filter.status) q = q.where('r.status', '=', filter.status);
    if (filter.kind) q = q.where('r.kind', '=', filter.kind);
    if (filter.year) q = q.where('r.year', '=', filter.year);
    if (filter.before) {
      const b = filter.before;
      q = q.where((eb) =>
        eb.or([
          eb('r.created_at', '<', new Date(b.at)),
          eb.and([eb('r.created_at', '=', new Date(b.at)), eb('r.id', '<', b.id)]),
        ]),
      );
    }
    return q.execute();
  },

  /** Region paths of each round, for the scope filter of the list. */
  regionPathsOf(db: Db, roundIds: string[]) {
    if (roundIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('evaluation_round_region as rr')
      .innerJoin('region as g', 'g.code', 'rr.region_code')
      .select(['rr.round_id', 'g.path'])
      .where('rr.round_id', 'in', roundIds)
      .execute();
  },

  regions(db: Db, roundId: string) {
    return roundRegionQuery(db, roundId).orderBy('rr.region_code').execute();
  },

  findRegion(db: Db, roundId: string, regionCode: string) {
    return roundRegionQuery(db, roundId).where('rr.region_code', '=', regionCode).executeTakeFirst();
  },

  assignments(db: Db, roundId: string) {
    return db
      .selectFrom('evaluation_assignment as a')
      .innerJoin('app_user as u', 'u.id', 'a.user_id')
      .select(['a.user_id', 'u.display_name', 'a.method', 'a.region_codes'])
      .where('a.round_id', '=', roundId)
      .orderBy('u.display_name')
      .orderBy('a.method')
      .execute();
  },

  /** The rounds an account is assigned to score. */
  async assignedRoundIds(db: Db, userId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('evaluation_assignment')
      .select('round_id')
      .distinct()
      .where('user_id', '=', userId)
      .execute();
    return rows.map((r) => r.round_id);
  },

  /** The accounts proposed as scorers, with the region scope 回避 is judged on. */
  scorerAccounts(db: Db, userIds: string[]) {
    if (userIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('app_user as u')
      .innerJoin('region as g', 'g.code', 'u.region_code')
      .select(['u.id', 'u.role', 'u.disabled', 'u.display_name', 'g.path as region_path'])
      .where('u.id', 'in', userIds)
      .execute();
  },

  async replaceAssignments(db: Db, roundId: string, rows: Insertable<Database['evaluation_assignment']>[]) {
    await db.deleteFrom('evaluation_assignment').where('round_id', '=', roundId).execute();
    if (rows.length > 0) await db.insertInto('evaluation_assignment').values(rows).execute();
  },

  /**
   * The latest published round before this one that evaluated the region under the same
   * framework edition and kind, with its frozen total and rank.
   */
  previousResult(db: Db, round: RoundRow, regionCode: string) {
    return earlierResults(db, round)
      .select(['r.id', 'r.name', 'x.total', 'x.rank'])
      .where('x.region_code', '=', regionCode)
      .orderBy('r.test_date', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  /** The previous result of many regions at once (the ranking's comparison column, the publication's scorecards). */
  async previousResults(
    db: Db,
    round: RoundRow,
  ): Promise<Map<string, { roundId: string; name: string; total: number; rank: number | null }>> {
    const rows = await earlierResults(db, round)
      .select(['x.region_code', 'x.total', 'x.rank', 'r.id', 'r.name', 'r.test_date'])
      .orderBy('r.test_date', 'asc')
      .execute();
    const map = new Map<string, { roundId: string; name: string; total: number; rank: number | null }>();
    for (const r of rows) map.set(r.region_code, { roundId: r.id, name: r.name, total: r.total, rank: r.rank });
    return map;
  },

  effects(db: Db, roundId: string) {
    return db
      .selectFrom('evaluation_round_effect as e')
      .innerJoin('region as g', 'g.code', 'e.region_code')
      .select(['e.region_code', 'g.name', 'e.effect', 'e.label', 'e.title_event_id'])
      .where('e.round_id', '=', roundId)
      .orderBy('e.region_code')
      .orderBy('e.effect')
      .execute();
  },

  async insertEffects(db: Db, rows: Insertable<Database['evaluation_round_effect']>[]) {
    for (let i = 0; i < rows.length; i += 1000) {
      await db
        .insertInto('evaluation_round_effect')
        .values(rows.slice(i, i + 1000))
        .execute();
    }
  },

  /** Published results of rounds of a framework edition in a span of years (the cycle). */
  publishedResults(db: Db, frameworkId: string, fromYear: number, toYear: number) {
    return db
      .selectFrom('evaluation_round_result as x')
      .innerJoin('evaluation_round as r', 'r.id', 'x.round_id')
      .innerJoin('region as g', 'g.code', 'x.region_code')
      .select([
        'x.region_code',
        'g.name as region_name',
        'g.path as region_path',
        'x.city_group',
        'x.total',
        'x.minors_gate_passed',
        'r.year',
        'r.kind',
        'r.test_date',
      ])
      .where('r.framework_id', '=', frameworkId)
      .where('r.status', '=', 'published')
      .where('r.year', '>=', fromYear)
      .where('r.year', '<=', toYear)
      .orderBy('r.test_date')
      .execute();
  },

  /** A plain SQL aggregation of the raw deductions per region (the benchmark's comparison). */
  deductionTotals(db: Db, roundId: string) {
    return db
      .selectFrom('evaluation_finding')
      .select(['region_code', sql<number>`sum(deduction)`.as('deducted'), sql<number>`count(*)`.as('findings')])
      .where('round_id', '=', roundId)
      .where('withdrawn_at', 'is', null)
      .groupBy('region_code')
      .execute();
  },

  /** The regions with these codes (a round's candidates), with name, path and prefecture. */
  regionsByCode(db: Db, codes: string[]) {
    return db
      .selectFrom('region')
      .select(['code', 'name', 'path', 'prefecture_code'])
      .where('code', 'in', codes)
      .execute();
  },
};
