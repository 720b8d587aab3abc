import { sql, type Kysely, type RawBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database>;

/** The record of one (event, subscriber) delivery. */
export type DeliveryRecord = {
  eventId: number;
  subscriber: string;
  status: 'done' | 'failed' | 'dead';
  attempts: number;
  error: string | null;
};

/** Events with the deliveries already recorded for them, as `claimDue` and `claimPending` lock them. */
function withDeliveries(trx: Db) {
  return trx
    .selectFrom('outbox_event as e')
    .select(['e.id', 'e.name', 'e.version', 'e.payload', 'e.attempts', 'e.created_at'])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('outbox_delivery as d')
          .select(['d.subscriber', 'd.status', 'd.attempts'])
          .whereRef('d.event_id', '=', 'e.id'),
      ).as('deliveries'),
    );
}

/** SQL of the outbox: the only code that reads or writes `outbox_event` and `outbox_delivery`. */
export const outboxRepository = {
  async insertEvent(
    trx: Db,
    row: { name: string; version: number; payload: unknown; prefectureCode: string | null },
  ): Promise<number> {
    const { id } = await trx
      .insertInto('outbox_event')
      .values({
        name: row.name,
        version: row.version,
        payload: JSON.stringify(row.payload),
        prefecture_code: row.prefectureCode,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  },

  /** `insertEvent` as a common table expression (`outbox_row`) of a caller's data-modifying statement. */
  insertEventCte(row: {
    name: string;
    version: number;
    payload: unknown;
    prefectureCode: string | null;
  }): RawBuilder<unknown> {
    return sql`outbox_row as (
      insert into outbox_event (name, version, payload, prefecture_code)
      values (${row.name}, ${row.version}, ${JSON.stringify(row.payload)}::jsonb, ${row.prefectureCode})
    )`;
  },

  /** The newest event's id (0 when there is none): a worker's pass delivers up to it. */
  async newestId(db: Db): Promise<number> {
    const row = await db
      .selectFrom('outbox_event')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    return Number(row?.id ?? 0);
  },

  /**
   * Locks up to `limit` due pending events (with `upTo`, of those with an id up to it), oldest first, each with the deliveries already recorded
   * for it. Rows another worker holds are skipped, not waited for; a crashed worker's rows become
   * claimable when its transaction ends.
   * Without `now`, "due" is judged by the database's clock when the statement runs: a new event's
   * `next_attempt_at` is its transaction's start in microseconds, which a JavaScript Date (whole
   * milliseconds) taken within the same millisecond would still read as in the future.
   */
  claimDue(trx: Db, now: Date | null, limit: number, upTo: number | null = null) {
    return withDeliveries(trx)
      .where('e.status', '=', 'pending')
      .where('e.next_attempt_at', '<=', now ?? sql<Date>`clock_timestamp()`)
      .$if(upTo !== null, (q) => q.where('e.id', '<=', upTo!))
      .orderBy('e.next_attempt_at')
      .orderBy('e.id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
  },

  /**
   * Locks the named events that are still pending and due, each with its recorded deliveries (a
   * request's own events, decision 0206). A row a worker's batch holds is waited for, not skipped:
   * when that batch commits the row is delivered and no longer matches, and when it rolls back the
   * row is claimed here. Rows are locked in id order, and a batch never waits for a row (it skips
   * what is locked), so this cannot deadlock with one.
   */
  claimPending(trx: Db, ids: readonly number[], now: Date | null) {
    return withDeliveries(trx)
      .where('e.id', '=', sql<number>`any(${[...ids].sort((a, b) => a - b)}::bigint[])`)
      .where('e.status', '=', 'pending')
      .where('e.next_attempt_at', '<=', now ?? sql<Date>`clock_timestamp()`)
      .orderBy('e.id')
      .forUpdate()
      .execute();
  },

  /** Records deliveries (one statement for a batch's records; a later attempt overwrites). */
  async saveDeliveries(trx: Db, rows: DeliveryRecord[]): Promise<void> {
    if (rows.length === 0) return;
    const updatedAt = new Date();
    await trx
      .insertInto('outbox_delivery')
      .values(
        rows.map((row) => ({
          event_id: row.eventId,
          subscriber: row.subscriber,
          status: row.status,
          attempts: row.attempts,
          last_error: row.error,
          updated_at: updatedAt,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['event_id', 'subscriber']).doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          attempts: eb.ref('excluded.attempts'),
          last_error: eb.ref('excluded.last_error'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  },

  /** Marks events delivered, each with its count of attempts (one statement). */
  async finishEvents(trx: Db, rows: { id: number; attempts: number }[], now: Date): Promise<void> {
    if (rows.length === 0) return;
    await sql`
      update outbox_event e set status = 'done', attempts = f.attempts, done_at = ${now}
      from unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => r.attempts)}::int[]) as f(id, attempts)
      where e.id = f.id`.execute(trx);
  },

  async postponeEvent(trx: Db, id: number, attempts: number, next: Date): Promise<void> {
    await trx.updateTable('outbox_event').set({ attempts, next_attempt_at: next }).where('id', '=', id).execute();
  },

  /** Pending events and dead letters, for /metrics and `chuangcheng outbox status`. */
  async counts(db: Db): Promise<{ pending: number; done: number; deadLetters: number; oldestPendingAt: Date | null }> {
    const events = await db
      .selectFrom('outbox_event')
      .select(['status', sql<number>`count(*)::int`.as('n'), sql<Date | null>`min(created_at)`.as('oldest')])
      .groupBy('status')
      .execute();
    const dead = await db
      .selectFrom('outbox_delivery')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('status', '=', 'dead')
      .executeTakeFirstOrThrow();
    const pending = events.find((e) => e.status === 'pending');
    return {
      pending: pending?.n ?? 0,
      done: events.find((e) => e.status === 'done')?.n ?? 0,
      deadLetters: dead.n,
      oldestPendingAt: pending?.oldest ?? null,
    };
  },

  /** Dead letters, newest first, with the event they belong to. */
  deadLetters(db: Db, limit: number) {
    return db
      .selectFrom('outbox_delivery as d')
      .innerJoin('outbox_event as e', 'e.id', 'd.event_id')
      .select([
        'e.id',
        'e.name',
        'e.payload',
        'e.created_at',
        'd.subscriber',
        'd.attempts',
        'd.last_error',
        'd.updated_at',
      ])
      .where('d.status', '=', 'dead')
      .orderBy('d.updated_at', 'desc')
      .limit(limit)
      .execute();
  },

  /**
   * Gives dead letters (of one event, or all) a new set of attempts: the deliveries are forgotten and
   * their events become due now. Returns how many dead letters were revived.
   */
  async reviveDead(db: Db, eventId?: number): Promise<number> {
    return db.transaction().execute(async (trx) => {
      let query = trx.deleteFrom('outbox_delivery').where('status', '=', 'dead');
      if (eventId !== undefined) query = query.where('event_id', '=', eventId);
      const revived = await query.returning('event_id').execute();
      const ids = [...new Set(revived.map((r) => r.event_id))];
      if (ids.length > 0) {
        await trx
          .updateTable('outbox_event')
          .set({ status: 'pending', attempts: 0, next_attempt_at: new Date(), done_at: null })
          .where('id', 'in', ids)
          .execute();
      }
      return revived.length;
    });
  },

  /** Removes delivered events finished before `before` (their delivery rows go with them). */
  async pruneDone(db: Db, before: Date): Promise<number> {
    const result = await db
      .deleteFrom('outbox_event')
      .where('status', '=', 'done')
      .where('done_at', '<', before)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('outbox_delivery as d')
              .select('d.event_id')
              .whereRef('d.event_id', '=', 'outbox_event.id')
              .where('d.status', '=', 'dead'),
          ),
        ),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
