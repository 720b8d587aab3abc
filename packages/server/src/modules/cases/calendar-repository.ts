import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

/** SQL of the case catalogue import and the working calendar: categories, calendar years and days. */
export const calendarRepository = {
  /** The calendar's years (unordered when `ordered` is false, as the kept calendar needs no order). */
  years(db: Db, ordered = false) {
    const q = db.selectFrom('case_calendar_year').select(['year', 'source']);
    return (ordered ? q.orderBy('year') : q).execute();
  },

  /** The calendar's holidays and working weekend days. */
  days(db: Db, ordered = false) {
    const q = db.selectFrom('case_calendar_day').select(['day', 'year', 'kind']);
    return (ordered ? q.orderBy('day') : q).execute();
  },

  /** Inserts a category or overwrites the one with its code (in the import's transaction). */
  async upsertCategory(trx: Db, row: Insertable<Database['case_category']>) {
    await trx
      .insertInto('case_category')
      .values(row)
      .onConflict((oc) => oc.column('code').doUpdateSet({ ...row, updated_at: new Date() }))
      .execute();
  },

  /** Marks every active category whose code is not in `codes` as no longer in use; returns how many. */
  async deactivateCategoriesExcept(trx: Db, codes: string[]): Promise<number> {
    const result = await trx
      .updateTable('case_category')
      .set({ active: false, updated_at: new Date() })
      .where('code', 'not in', codes)
      .where('active', '=', true)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  /** Replaces one calendar year with its days. */
  async replaceYear(
    trx: Db,
    year: { year: number; source: string },
    days: { day: string; year: number; kind: string }[],
  ) {
    await trx.deleteFrom('case_calendar_year').where('year', '=', year.year).execute();
    await trx.insertInto('case_calendar_year').values(year).execute();
    if (days.length > 0) await trx.insertInto('case_calendar_day').values(days).execute();
  },
};
