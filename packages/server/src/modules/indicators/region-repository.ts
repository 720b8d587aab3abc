import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { EntryRegion } from './entry-repository.ts';

type Db = Kysely<Database>;

/** SQL of the indicator store's reads of regions and region groups (the reference tables it reports on). */
export const indicatorRegionRepository = {
  /** A region as the indicator store needs it (code, name, level, path, prefecture). */
  region(db: Db, code: string): Promise<EntryRegion | undefined> {
    return db
      .selectFrom('region')
      .select(['code', 'name', 'level', 'path', 'prefecture_code'])
      .where('code', '=', code)
      .executeTakeFirst();
  },

  /** The regions of a level at or under a path, by code. */
  regionsUnder(db: Db, level: number, rootPath: string): Promise<EntryRegion[]> {
    return db
      .selectFrom('region')
      .select(['code', 'name', 'level', 'path', 'prefecture_code'])
      .where('level', '=', level)
      .where((eb) => eb.or([eb('path', '=', rootPath), eb('path', 'like', `${rootPath}/%`)]))
      .orderBy('code')
      .execute();
  },

  /** Regions down to county level (at or under `rootPath` and its ancestors, when given), by level and code. */
  treeRegions(db: Db, rootPath?: string) {
    let query = db
      .selectFrom('region')
      .select(['code', 'name', 'level', 'path', 'parent_code', 'population'])
      .where('level', '<=', 3)
      .orderBy('level')
      .orderBy('code');
    if (rootPath) {
      // The scope's subtree plus its ancestors (for breadcrumbs).
      const ancestors = rootPath.split('/');
      query = query.where((eb) =>
        eb.or([eb('path', '=', rootPath), eb('path', 'like', `${rootPath}/%`), eb('code', 'in', ancestors)]),
      );
    }
    return query.execute();
  },

  /** The level and prefecture of each of these regions (that exists). */
  levels(db: Db, codes: string[]) {
    return db.selectFrom('region').select(['code', 'level', 'prefecture_code']).where('code', 'in', codes).execute();
  },
};
