import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

/** SQL of the organisations supervision addresses: units, creation offices and their notice prefixes. */
export const unitRepository = {
  /** Organisations with their region's path and prefecture. */
  findUnits(db: Db, ids: readonly string[]) {
    return db
      .selectFrom('org_unit as u')
      .innerJoin('region as r', 'r.code', 'u.region_code')
      .select([
        'u.id',
        'u.name',
        'u.kind',
        'u.parent_id',
        'u.region_code',
        'r.path as region_path',
        'r.prefecture_code',
      ])
      .where('u.id', 'in', ids)
      .execute();
  },

  /** The creation offices (精神文明办) of these regions other than `exceptId`, by code. */
  creationOffices(db: Db, regionCodes: string[], exceptId: string) {
    return db
      .selectFrom('org_unit')
      .select(['id', 'region_code'])
      .where('kind', '=', 'creation_office')
      .where('region_code', 'in', regionCodes)
      .where('id', '!=', exceptId)
      .orderBy('code')
      .execute();
  },

  /** The creation offices of these regions with their region's name, by code. */
  creationOfficesWithRegion(db: Db, regionCodes: string[]) {
    return db
      .selectFrom('org_unit as u')
      .innerJoin('region as r', 'r.code', 'u.region_code')
      .select(['u.id', 'u.region_code', 'r.name as region_name'])
      .where('u.kind', '=', 'creation_office')
      .where('u.region_code', 'in', regionCodes)
      .orderBy('u.code')
      .execute();
  },

  /** One organisation with its region's name. */
  unitWithRegionName(db: Db, id: string) {
    return db
      .selectFrom('org_unit as u')
      .innerJoin('region as r', 'r.code', 'u.region_code')
      .select(['u.id', 'r.name as region_name'])
      .where('u.id', '=', id)
      .executeTakeFirst();
  },

  /** An organisation named by its id or by its name. */
  unitByIdOrName(db: Db, office: string, isId: boolean) {
    return db
      .selectFrom('org_unit')
      .select(['id', 'name'])
      .where(isId ? 'id' : 'name', '=', office)
      .executeTakeFirst();
  },

  /** The office other than `exceptId` that already uses this 督办单 prefix. */
  prefixHolder(db: Db, prefix: string, exceptId: string) {
    return db
      .selectFrom('supervision_office_setting as s')
      .innerJoin('org_unit as u', 'u.id', 's.org_unit_id')
      .select('u.name')
      .where('s.notice_prefix', '=', prefix)
      .where('s.org_unit_id', '!=', exceptId)
      .executeTakeFirst();
  },

  /** Every office's configured prefix. */
  listPrefixes(db: Db) {
    return db
      .selectFrom('supervision_office_setting as s')
      .innerJoin('org_unit as u', 'u.id', 's.org_unit_id')
      .select(['u.id as orgUnitId', 'u.name', 's.notice_prefix as prefix'])
      .orderBy('u.name')
      .execute();
  },
};
