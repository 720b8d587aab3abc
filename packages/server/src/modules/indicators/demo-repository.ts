import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

/** A demo title award (region_title_event) as the generator makes it. */
type DemoTitleRow = { region: string; prefecture: string | null; title: string; on: string };

/**
 * SQL of the demo data generator (demo.ts): what it reads to build the demo figures, and how it
 * stamps, writes and removes them. Demo rows are observations of source kind `demo` and title
 * events with the demo source id.
 */
export const demoRepository = {
  /** How many observations are not demo data. */
  async realObservations(db: Db): Promise<number> {
    const row = await db
      .selectFrom('observation')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('source_kind', '<>', 'demo')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Cities and counties with their population. */
  regions(db: Db) {
    return db.selectFrom('region').select(['code', 'level', 'population']).where('level', 'in', [2, 3]).execute();
  },

  /** Cities' and counties' prefectures, by code. */
  async prefectures(db: Db): Promise<Map<string, string | null>> {
    const rows = await db
      .selectFrom('region')
      .select(['code', 'prefecture_code'])
      .where('level', 'in', [2, 3])
      .execute();
    return new Map(rows.map((r) => [r.code, r.prefecture_code]));
  },

  /** The members of these region groups. */
  groupMembers(db: Db, groupCodes: string[]) {
    return db
      .selectFrom('region_group_member')
      .select(['group_code', 'region_code'])
      .where('group_code', 'in', groupCodes)
      .execute();
  },

  /** Deletes the demo observations and the demo title events; returns how many of each. */
  async remove(trx: Db, titleSource: string): Promise<{ observations: number; titleEvents: number }> {
    const obs = await trx.deleteFrom('observation').where('source_kind', '=', 'demo').executeTakeFirst();
    const titles = await trx.deleteFrom('region_title_event').where('source_id', '=', titleSource).executeTakeFirst();
    return { observations: Number(obs.numDeletedRows), titleEvents: Number(titles.numDeletedRows) };
  },

  /**
   * Dates the demo observations: each period's figures became known at its time in `knownAt`; the
   * late reporter's `lateByDays` later.
   */
  async stampKnownAt(trx: Db, knownAt: { period: string; at: Date }[], lateReporter: string, lateByDays: number) {
    const values = knownAt.map((k) => sql`(${k.period}::text, ${k.at.toISOString()}::timestamptz)`);
    await sql`update observation o set created_at = v.at from (values ${sql.join(values)}) as v(period, at)
      where o.source_kind = 'demo' and o.period = v.period`.execute(trx);
    await sql`update observation set created_at = created_at + make_interval(days => ${lateByDays}::int)
      where source_kind = 'demo' and region_code = ${lateReporter}`.execute(trx);
  },

  /** Writes the demo title awards. */
  async insertTitles(trx: Db, titleSource: string, titles: DemoTitleRow[]) {
    if (titles.length === 0) return;
    await trx
      .insertInto('region_title_event')
      .values(
        titles.map((t) => ({
          id: crypto.randomUUID(),
          region_code: t.region,
          prefecture_code: t.prefecture,
          title: t.title,
          change: 'awarded',
          effective_on: t.on,
          ends_on: null,
          reason: '演示数据：虚构的称号记录，仅供演示',
          source_kind: 'decision',
          source_id: titleSource,
          recorded_by: null,
          recorded_by_name: 'demo',
        })),
      )
      .execute();
  },
};
