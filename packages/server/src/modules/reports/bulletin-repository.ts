import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

/** Reads the 督查通报 needs beyond the ledger's: notices over a period and the issuing office. */
export const bulletinRepository = {
  /**
   * Notices of the plan issued, and notices closed (销号), within [from, until), per unit
   * addressed, for units whose region lies in `scopePath`.
   */
  async countNotices(db: Db, planId: string, from: Date, until: Date, scopePath: string) {
    const { rows } = await sql<{ org_unit_id: string; org_unit_name: string; issued: string; closed: string }>`
      select u.id as org_unit_id, u.name as org_unit_name,
        count(*) filter (where n.issued_at >= ${from} and n.issued_at < ${until}) as issued,
        count(*) filter (where n.closed_at >= ${from} and n.closed_at < ${until}) as closed
      from supervision_notice n
      join org_unit u on u.id = n.org_unit_id
      join region r on r.code = u.region_code
      where n.plan_id = ${planId}
        and (r.path = ${scopePath} or r.path like ${`${scopePath}/%`})
        and ((n.issued_at >= ${from} and n.issued_at < ${until}) or (n.closed_at >= ${from} and n.closed_at < ${until}))
      group by u.id, u.name`.execute(db);
    return rows.map((r) => ({ ...r, issued: Number(r.issued), closed: Number(r.closed) }));
  },

  /** An office's name and its 督办单 number prefix, when one is configured. */
  findOffice(db: Db, officeId: string) {
    return db
      .selectFrom('org_unit as u')
      .leftJoin('supervision_office_setting as s', 's.org_unit_id', 'u.id')
      .select(['u.id', 'u.name', 's.notice_prefix'])
      .where('u.id', '=', officeId)
      .executeTakeFirst();
  },
};
