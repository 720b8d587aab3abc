import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

/** SQL of observations (the indicator store's figures) as read for figures and written by other modules. */
export const observationRepository = {
  /** Upserts rows on (element, region, period, source kind), overwriting value, comment and source. */
  async upsert(trx: Db, rows: Insertable<Database['observation']>[]) {
    await trx
      .insertInto('observation')
      .values(rows)
      .onConflict((oc) =>
        oc
          .columns(['prefecture_code', 'data_element_code', 'region_code', 'period', 'source_kind'])
          .doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            comment: eb.ref('excluded.comment'),
            source: eb.ref('excluded.source'),
            updated_at: new Date(),
          })),
      )
      .execute();
  },

  /**
   * A data set's observations of these elements (in these regions, when given; known before `before`,
   * when given), each with its entry's status.
   */
  figures(
    db: Db,
    dataSetCode: string,
    elements: readonly string[],
    regionCodes: readonly string[] | null,
    before: Date | null,
  ) {
    return (
      db
        .selectFrom('observation as o')
        .leftJoin('data_entry as e', (join) =>
          join
            .onRef('e.data_set_code', '=', 'o.data_set_code')
            .onRef('e.region_code', '=', 'o.region_code')
            .onRef('e.period', '=', 'o.period'),
        )
        .select([
          'o.data_element_code',
          'o.region_code',
          'o.period',
          'o.value',
          'o.source_kind',
          'o.created_at',
          'o.updated_at',
          'e.status',
        ])
        .where('o.data_set_code', '=', dataSetCode)
        .where('o.data_element_code', 'in', [...elements])
        // By region code, so that PostgreSQL reads a province's rows through the (region, data set) index
        // instead of the whole national table.
        .$if(regionCodes !== null, (q) => q.where('o.region_code', 'in', [...regionCodes!]))
        .$if(before !== null, (q) => q.where('o.created_at', '<', before!))
        .execute()
    );
  },

  /** A data set's entry events (in these regions, when given; before `before`, when given), oldest first. */
  entryEvents(db: Db, dataSetCode: string, regionCodes: readonly string[] | null, before: Date | null) {
    return db
      .selectFrom('data_entry_event')
      .select(['region_code', 'period', 'action', 'to_status', 'at'])
      .where('data_set_code', '=', dataSetCode)
      .$if(regionCodes !== null, (q) => q.where('region_code', 'in', [...regionCodes!]))
      .$if(before !== null, (q) => q.where('at', '<', before!))
      .orderBy('at')
      .execute();
  },

  /** The entered values of a data set and period in these regions (for the Excel template). */
  enteredValues(db: Db, dataSetCode: string, period: string, regionCodes: string[]) {
    return db
      .selectFrom('observation')
      .select(['region_code', 'data_element_code', 'value'])
      .where('data_set_code', '=', dataSetCode)
      .where('period', '=', period)
      .where('source_kind', '=', 'entry')
      .where('region_code', 'in', regionCodes.length ? regionCodes : [''])
      .execute();
  },

  /** One region's entered values of a data set and period. */
  enteredValuesOf(db: Db, dataSetCode: string, regionCode: string, period: string) {
    return db
      .selectFrom('observation')
      .select(['data_element_code', 'value'])
      .where('data_set_code', '=', dataSetCode)
      .where('region_code', '=', regionCode)
      .where('period', '=', period)
      .where('source_kind', '=', 'entry')
      .execute();
  },

  /** The status of one entry, if it has one. */
  entryStatus(db: Db, dataSetCode: string, regionCode: string, period: string) {
    return db
      .selectFrom('data_entry')
      .select('status')
      .where('data_set_code', '=', dataSetCode)
      .where('region_code', '=', regionCode)
      .where('period', '=', period)
      .executeTakeFirst();
  },
};
