import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export type RegionGroupRow = { code: string; name: string; kind: string; description: string | null };
export type GroupMemberRow = { group_code: string; region_code: string; name: string; path: string };

/** SQL for region groups and their members. */
export const groupRepository = {
  list(db: Kysely<Database>): Promise<RegionGroupRow[]> {
    return db.selectFrom('region_group').select(['code', 'name', 'kind', 'description']).orderBy('code').execute();
  },

  find(db: Kysely<Database>, code: string): Promise<RegionGroupRow | undefined> {
    return db
      .selectFrom('region_group')
      .select(['code', 'name', 'kind', 'description'])
      .where('code', '=', code)
      .executeTakeFirst();
  },

  /** Which of the given codes name a region group. */
  existingCodes(db: Kysely<Database>, codes: string[]): Promise<{ code: string }[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return db.selectFrom('region_group').select('code').where('code', 'in', codes).execute();
  },

  /** Every group's members as (group, region) pairs, unordered: the region tree keeps them as sets. */
  memberPairs(db: Kysely<Database>): Promise<{ group_code: string; region_code: string }[]> {
    return db.selectFrom('region_group_member').select(['group_code', 'region_code']).execute();
  },

  /** Members of the given groups (all groups when `groupCodes` is omitted), with names, in code order. */
  members(db: Kysely<Database>, groupCodes?: string[]): Promise<GroupMemberRow[]> {
    if (groupCodes && groupCodes.length === 0) return Promise.resolve([]);
    let query = db
      .selectFrom('region_group_member')
      .innerJoin('region', 'region.code', 'region_group_member.region_code')
      .select(['region_group_member.group_code', 'region_group_member.region_code', 'region.name', 'region.path']);
    if (groupCodes) query = query.where('region_group_member.group_code', 'in', groupCodes);
    return query.orderBy('region_group_member.group_code').orderBy('region_group_member.region_code').execute();
  },

  async insert(db: Kysely<Database>, group: RegionGroupRow): Promise<void> {
    await db.insertInto('region_group').values(group).execute();
  },

  /** Inserts the group or overwrites its fields; used by imports, which are idempotent. */
  async upsert(db: Kysely<Database>, group: RegionGroupRow): Promise<void> {
    await db
      .insertInto('region_group')
      .values(group)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          kind: eb.ref('excluded.kind'),
          description: eb.ref('excluded.description'),
          updated_at: sql`now()`,
        })),
      )
      .execute();
  },

  async update(db: Kysely<Database>, group: RegionGroupRow): Promise<void> {
    const { code, ...fields } = group;
    await db
      .updateTable('region_group')
      .set({ ...fields, updated_at: new Date() })
      .where('code', '=', code)
      .execute();
  },

  /** Replaces the member list of a group with exactly `regionCodes`. */
  async replaceMembers(db: Kysely<Database>, groupCode: string, regionCodes: string[]): Promise<void> {
    await db.deleteFrom('region_group_member').where('group_code', '=', groupCode).execute();
    if (regionCodes.length === 0) return;
    await db
      .insertInto('region_group_member')
      .values(regionCodes.map((region_code) => ({ group_code: groupCode, region_code })))
      .execute();
  },

  /** Deletes the group; its members go with it (on delete cascade). */
  async delete(db: Kysely<Database>, code: string): Promise<void> {
    await db.deleteFrom('region_group').where('code', '=', code).execute();
  },
};
