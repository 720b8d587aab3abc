import { sql, type Insertable, type Kysely } from 'kysely';
import { distributionCode } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import type { DataSetRow } from './catalogue.ts';

/*
 * SQL of data entry: entries (data_entry), their history (data_entry_event) and the entry-sourced
 * observations they hold. The workflow is entry.ts; who may do what is policy.ts.
 */

type Db = Kysely<Database>;

export type EntryRegion = { code: string; name: string; level: number; path: string; prefecture_code: string | null };

export type EntryKey = { set: DataSetRow; region: EntryRegion; period: string };

/** The entry's distribution column (`docs/SCALE-OUT.md`): its prefecture, or its province's code. */
const prefectureOf = (key: EntryKey): string => distributionCode(key.region.code, key.region.prefecture_code);

/** What the entry's event and its upsert record about a move to a status. */
type EntryWrite = {
  action: string;
  from: string;
  to: string;
  reason: string | null;
  actorId: string | null;
  actorName: string;
};

export const entryRepository = {
  /** The entry's status and return reason; locked for the transaction when `forUpdate`. */
  entry(db: Db, key: EntryKey, forUpdate = false) {
    let q = db
      .selectFrom('data_entry')
      .select(['status', 'return_reason'])
      .where('prefecture_code', '=', prefectureOf(key))
      .where('data_set_code', '=', key.set.code)
      .where('region_code', '=', key.region.code)
      .where('period', '=', key.period);
    if (forUpdate) q = q.forUpdate();
    return q.executeTakeFirst();
  },

  /** The entry's values (its entry-sourced observations). */
  values(db: Db, key: EntryKey) {
    return db
      .selectFrom('observation')
      .select(['data_element_code', 'value', 'comment', 'source', 'updated_at'])
      .where('data_set_code', '=', key.set.code)
      .where('region_code', '=', key.region.code)
      .where('period', '=', key.period)
      .where('source_kind', '=', 'entry')
      .execute();
  },

  /** The entry's history, oldest first. */
  history(db: Db, key: EntryKey) {
    return db
      .selectFrom('data_entry_event')
      .select(['action', 'from_status', 'to_status', 'reason', 'actor_id', 'actor_name', 'at'])
      .where('data_set_code', '=', key.set.code)
      .where('region_code', '=', key.region.code)
      .where('period', '=', key.period)
      .orderBy('at')
      .orderBy('id')
      .execute();
  },

  /** Records a move of the entry (its event) and sets its status (in the caller's transaction). */
  async recordMove(trx: Db, id: string, key: EntryKey, move: EntryWrite) {
    await trx
      .insertInto('data_entry_event')
      .values({
        id,
        data_set_code: key.set.code,
        region_code: key.region.code,
        prefecture_code: prefectureOf(key),
        period: key.period,
        action: move.action,
        from_status: move.from,
        to_status: move.to,
        reason: move.reason,
        actor_id: move.actorId,
        actor_name: move.actorName,
      })
      .execute();
    const returnReason = move.to === 'returned' ? move.reason : null;
    await trx
      .insertInto('data_entry')
      .values({
        data_set_code: key.set.code,
        region_code: key.region.code,
        prefecture_code: prefectureOf(key),
        period: key.period,
        status: move.to,
        return_reason: returnReason,
        updated_by: move.actorId,
        updated_at: new Date(),
      })
      .onConflict((oc) =>
        oc.columns(['prefecture_code', 'data_set_code', 'region_code', 'period']).doUpdateSet({
          status: move.to,
          return_reason: returnReason,
          updated_by: move.actorId,
          updated_at: new Date(),
        }),
      )
      .execute();
  },

  /** Deletes the entry's value of an element. */
  async clearValue(trx: Db, key: EntryKey, elementCode: string) {
    await trx
      .deleteFrom('observation')
      .where('prefecture_code', '=', prefectureOf(key))
      .where('data_element_code', '=', elementCode)
      .where('region_code', '=', key.region.code)
      .where('period', '=', key.period)
      .where('source_kind', '=', 'entry')
      .execute();
  },

  /** Writes the entry's value of an element; the comment is overwritten only when `setComment`. */
  async writeValue(
    trx: Db,
    key: EntryKey,
    value: { code: string; value: number; source: string; comment: string | null; enteredBy: string | null },
    setComment: boolean,
  ) {
    const row: Insertable<Database['observation']> = {
      data_set_code: key.set.code,
      data_element_code: value.code,
      region_code: key.region.code,
      prefecture_code: prefectureOf(key),
      period: key.period,
      value: value.value,
      source: value.source,
      comment: value.comment,
      entered_by: value.enteredBy,
    };
    await trx
      .insertInto('observation')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['prefecture_code', 'data_element_code', 'region_code', 'period', 'source_kind']).doUpdateSet({
          value: value.value,
          source: value.source,
          ...(setComment ? { comment: value.comment } : {}),
          entered_by: value.enteredBy,
          updated_at: new Date(),
        }),
      )
      .execute();
  },

  /** Changes the comment on the entry's value of an element. */
  async writeComment(trx: Db, key: EntryKey, elementCode: string, comment: string | null) {
    await trx
      .updateTable('observation')
      .set({ comment, updated_at: new Date() })
      .where('data_element_code', '=', elementCode)
      .where('region_code', '=', key.region.code)
      .where('period', '=', key.period)
      .where('source_kind', '=', 'entry')
      .execute();
  },

  /** The entries of a data set and period for these regions. */
  entriesOf(db: Db, dataSetCode: string, period: string, regionCodes: string[]) {
    return db
      .selectFrom('data_entry')
      .select(['region_code', 'status', 'return_reason', 'updated_at'])
      .where('data_set_code', '=', dataSetCode)
      .where('period', '=', period)
      .where('region_code', 'in', regionCodes.length ? regionCodes : [''])
      .execute();
  },

  /** How many values each of these regions has entered for a data set and period. */
  valueCounts(db: Db, dataSetCode: string, period: string, regionCodes: string[]) {
    return db
      .selectFrom('observation')
      .select(['region_code', (eb) => eb.fn.countAll<string>().as('n')])
      .where('data_set_code', '=', dataSetCode)
      .where('period', '=', period)
      .where('source_kind', '=', 'entry')
      .where('region_code', 'in', regionCodes.length ? regionCodes : [''])
      .groupBy('region_code')
      .execute();
  },

  /**
   * One page of entries awaiting approval at a level (2 city, 1 province) under a path, oldest first,
   * after a keyset cursor (updated_at, data set, region, period); `limit + 1` rows to tell a next page.
   */
  approvalQueue(
    db: Db,
    rootPath: string,
    level: number,
    after: [string, string, string, string] | null,
    limit: number,
  ) {
    return db
      .selectFrom('data_entry as e')
      .innerJoin('region as r', 'r.code', 'e.region_code')
      .innerJoin('indicator_data_set as s', 's.code', 'e.data_set_code')
      .select([
        'e.data_set_code',
        'e.region_code',
        'e.period',
        'e.status',
        'e.updated_at',
        'r.name as region_name',
        'r.level as region_level',
        's.name as set_name',
        's.period_type',
        // Full microseconds for the cursor: a millisecond ISO string would repeat or skip rows.
        sql<string>`to_char(e.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('updated_key'),
      ])
      .where((eb) => eb.or([eb('r.path', '=', rootPath), eb('r.path', 'like', `${rootPath}/%`)]))
      .where((eb) =>
        level === 2
          ? eb.and([eb('e.status', '=', 'submitted'), eb('s.region_level', '=', 3)])
          : eb.or([
              eb('e.status', '=', 'approved_city'),
              eb.and([eb('e.status', '=', 'submitted'), eb('s.region_level', '=', 2)]),
            ]),
      )
      .$if(after !== null, (q) =>
        q.where(
          sql<boolean>`(e.updated_at, e.data_set_code, e.region_code, e.period) > (${after![0]}::timestamptz, ${after![1]}, ${after![2]}, ${after![3]})`,
        ),
      )
      .orderBy('e.updated_at')
      .orderBy('e.data_set_code')
      .orderBy('e.region_code')
      .orderBy('e.period')
      .limit(limit + 1)
      .execute();
  },
};
