import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

const userColumns = [
  'app_user.id',
  'app_user.username',
  'app_user.display_name',
  'app_user.role',
  'app_user.region_code',
  'region.name as region_name',
  'region.path as region_path',
  'app_user.org_unit_id',
  'org_unit.name as org_unit_name',
  'app_user.disabled',
  'app_user.created_at',
] as const;

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('app_user')
    .innerJoin('region', 'region.code', 'app_user.region_code')
    .leftJoin('org_unit', 'org_unit.id', 'app_user.org_unit_id')
    .select(userColumns);
}

type UserFilter = { scopePath: string; q?: string };

function filtered<Q extends ReturnType<typeof baseQuery>>(query: Q, filter: UserFilter): Q {
  let q = query.where((eb) =>
    eb.or([eb('region.path', '=', filter.scopePath), eb('region.path', 'like', `${filter.scopePath}/%`)]),
  );
  if (filter.q) {
    const pattern = `%${filter.q}%`;
    q = q.where((eb) =>
      eb.or([eb('app_user.username', 'ilike', pattern), eb('app_user.display_name', 'ilike', pattern)]),
    );
  }
  return q as Q;
}

export type UserRow = NonNullable<Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirst']>>>;

export const userRepository = {
  findById(db: Kysely<Database>, id: string) {
    return baseQuery(db).where('app_user.id', '=', id).executeTakeFirst();
  },

  findByUsername(db: Kysely<Database>, username: string) {
    return baseQuery(db).where('app_user.username', '=', username).executeTakeFirst();
  },

  /** Accounts whose scope lies inside `scopePath`, by user name, after the cursor or from `offset`. */
  list(db: Kysely<Database>, filter: UserFilter & { after?: string; offset?: number; limit: number }) {
    let query = filtered(baseQuery(db), filter);
    if (filter.after) query = query.where('app_user.username', '>', filter.after);
    if (filter.offset) query = query.offset(filter.offset);
    return query.orderBy('app_user.username').limit(filter.limit).execute();
  },

  /** How many accounts `list` would page through. */
  async count(db: Kysely<Database>, filter: UserFilter): Promise<number> {
    const row = await filtered(baseQuery(db), filter)
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async insert(
    db: Kysely<Database>,
    user: {
      id: string;
      username: string;
      displayName: string;
      passwordHash: string;
      role: string;
      regionCode: string;
      orgUnitId: string | null;
    },
  ): Promise<void> {
    await db
      .insertInto('app_user')
      .values({
        id: user.id,
        username: user.username,
        display_name: user.displayName,
        password_hash: user.passwordHash,
        role: user.role,
        region_code: user.regionCode,
        org_unit_id: user.orgUnitId,
      })
      .execute();
  },

  async update(
    db: Kysely<Database>,
    id: string,
    changes: Partial<{
      display_name: string;
      role: string;
      region_code: string;
      org_unit_id: string | null;
      disabled: boolean;
      password_hash: string;
    }>,
  ): Promise<void> {
    await db
      .updateTable('app_user')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  },

  async countByRole(db: Kysely<Database>, role: string): Promise<number> {
    const row = await db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', role)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
