import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Region names for the GeoReport v2 interface (the region tree is a reference table). */
export const open311Repository = {
  /** Regions (below the province) whose name an address contains, e.g. 道里区 and 兆麟街道 in 道里区兆麟街道中央大街. */
  regionsNamedIn(db: Kysely<Database>, address: string) {
    return db
      .selectFrom('region')
      .select(['code', 'level', 'path'])
      .where('level', '>=', 2)
      .where(sql<boolean>`length(name) >= 2 and position(name in ${address}) > 0`)
      .limit(50)
      .execute();
  },

  /** Names of regions by code (the region path of a case, for a street-level public address). */
  regionNames(db: Kysely<Database>, codes: string[]) {
    if (codes.length === 0) return Promise.resolve([]);
    return db.selectFrom('region').select(['code', 'name', 'level']).where('code', 'in', codes).execute();
  },
};
