import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

const unitColumns = [
  'org_unit.id',
  'org_unit.code',
  'org_unit.name',
  'org_unit.short_name',
  'org_unit.kind',
  'org_unit.region_code',
  'region.name as region_name',
  'region.path as region_path',
  'org_unit.parent_id',
  'org_unit.merged_into_id',
  'successor.name as merged_into_name',
  sql<string | null>`to_char(org_unit.merged_on, 'YYYY-MM-DD')`.as('merged_on'),
] as const;

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('org_unit')
    .innerJoin('region', 'region.code', 'org_unit.region_code')
    .leftJoin('org_unit as successor', 'successor.id', 'org_unit.merged_into_id')
    .select(unitColumns);
}

export type OrgUnitRow = NonNullable<Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirst']>>>;

/** The columns a write sets; `id` is chosen by the caller so that imports can link parents. */
export type OrgUnitValues = {
  code: string;
  name: string;
  short_name: string | null;
  kind: string;
  region_code: string;
  parent_id: string | null;
};

/** Page boundary: units are listed by region code, then name (unique together). */
export type OrgUnitKey = { regionCode: string; name: string };

type UnitFilter = { scopePath: string; regionPath?: string; q?: string };

function filtered<Q extends ReturnType<typeof baseQuery>>(query: Q, filter: UnitFilter): Q {
  let q = query;
  for (const p of [filter.scopePath, filter.regionPath]) {
    if (p) q = q.where((eb) => eb.or([eb('region.path', '=', p), eb('region.path', 'like', `${p}/%`)])) as Q;
  }
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('org_unit.name', 'ilike', pattern),
        eb('org_unit.short_name', 'ilike', pattern),
        eb('org_unit.code', 'ilike', pattern),
      ]),
    ) as Q;
  }
  return q;
}

export const orgUnitRepository = {
  findById(db: Kysely<Database>, id: string) {
    return baseQuery(db).where('org_unit.id', '=', id).executeTakeFirst();
  },

  findByCode(db: Kysely<Database>, code: string) {
    return baseQuery(db).where('org_unit.code', '=', code).executeTakeFirst();
  },

  findByRegionAndName(db: Kysely<Database>, regionCode: string, name: string) {
    return baseQuery(db)
      .where('org_unit.region_code', '=', regionCode)
      .where('org_unit.name', '=', name)
      .executeTakeFirst();
  },

  /** Units with one of `codes` or in one of `regionCodes`: every row an import can collide with. */
  listForImport(db: Kysely<Database>, codes: string[], regionCodes: string[]) {
    if (codes.length === 0 && regionCodes.length === 0) return Promise.resolve([]);
    return baseQuery(db)
      .where((eb) =>
        eb.or([
          ...(codes.length > 0 ? [eb('org_unit.code', 'in', codes)] : []),
          ...(regionCodes.length > 0 ? [eb('org_unit.region_code', 'in', regionCodes)] : []),
        ]),
      )
      .execute();
  },

  /** The parent chain of a unit, nearest first (for cycle checks). */
  async ancestorIds(db: Kysely<Database>, id: string): Promise<string[]> {
    const { rows } = await sql<{ id: string }>`
      with recursive up(id, parent_id, depth) as (
        select id, parent_id, 0 from org_unit where id = ${id}
        union all
        select o.id, o.parent_id, up.depth + 1 from org_unit o join up on o.id = up.parent_id where up.depth < 64
      )
      select id from up where depth > 0 order by depth`.execute(db);
    return rows.map((r) => r.id);
  },

  /** Units whose region lies under `scopePath` (and under `regionPath` when given), after the key. */
  list(db: Kysely<Database>, filter: UnitFilter & { after?: OrgUnitKey; offset?: number; limit: number }) {
    let query = filtered(baseQuery(db), filter);
    const after = filter.after;
    if (after) {
      query = query.where((eb) =>
        eb(eb.refTuple('org_unit.region_code', 'org_unit.name'), '>', eb.tuple(after.regionCode, after.name)),
      );
    }
    if (filter.offset) query = query.offset(filter.offset);
    return query.orderBy('org_unit.region_code').orderBy('org_unit.name').limit(filter.limit).execute();
  },

  /** How many units `list` would page through. */
  async count(db: Kysely<Database>, filter: UnitFilter): Promise<number> {
    const row = await filtered(baseQuery(db), filter)
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async insert(db: Kysely<Database>, id: string, values: OrgUnitValues): Promise<void> {
    await db
      .insertInto('org_unit')
      .values({ id, ...values })
      .execute();
  },

  /** Records that `id` was merged into `successorId` on `mergedOn`. */
  async markMerged(db: Kysely<Database>, id: string, successorId: string, mergedOn: string): Promise<void> {
    await db
      .updateTable('org_unit')
      .set({ merged_into_id: successorId, merged_on: mergedOn, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  },

  /** The units merged into `id`, directly or through earlier merges (their history rolls up to it). */
  async predecessors(db: Kysely<Database>, id: string) {
    const { rows } = await sql<{ id: string }>`
      with recursive down(id, depth) as (
        select id, 0 from org_unit where merged_into_id = ${id}
        union all
        select o.id, down.depth + 1 from org_unit o join down on o.merged_into_id = down.id where down.depth < 64
      )
      select id from down`.execute(db);
    if (rows.length === 0) return [];
    return baseQuery(db)
      .where(
        'org_unit.id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('org_unit.name')
      .execute();
  },

  async update(db: Kysely<Database>, id: string, changes: Partial<OrgUnitValues>): Promise<void> {
    await db
      .updateTable('org_unit')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  },
};
