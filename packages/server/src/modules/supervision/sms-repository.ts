import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

/** SQL of SMS reminders: a unit's sealed numbers and the record of each number texted per reminder. */
export const smsRepository = {
  /** The unit's numbers, sealed, in the order they were registered. */
  contacts(db: Db, orgUnitId: string) {
    return db
      .selectFrom('org_unit_sms_contact')
      .select(['phone_index', 'phone_sealed'])
      .where('org_unit_id', '=', orgUnitId)
      .orderBy('created_at')
      .execute();
  },

  /** Replaces the unit's numbers (in the caller's transaction). */
  async replaceContacts(trx: Db, orgUnitId: string, rows: { phone_index: string; phone_sealed: string }[]) {
    await trx.deleteFrom('org_unit_sms_contact').where('org_unit_id', '=', orgUnitId).execute();
    if (rows.length === 0) return;
    await trx
      .insertInto('org_unit_sms_contact')
      .values(rows.map((row) => ({ org_unit_id: orgUnitId, ...row })))
      .execute();
  },

  /** A notification's prefecture, by its id alone (an event emitted before the payload carried it). */
  async notificationPrefecture(db: Db, notificationId: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('notification')
      .select('prefecture_code')
      .where('id', '=', notificationId)
      .executeTakeFirst();
    return row?.prefecture_code;
  },

  /**
   * Records that a reminder goes to a number, on the notification's prefecture; false when it was
   * recorded before (a redelivery).
   */
  async claimDelivery(
    trx: Db,
    notification: { prefecture_code: string; id: string },
    phoneIndex: string,
  ): Promise<boolean> {
    const fresh = await trx
      .insertInto('sms_delivery')
      .values({
        prefecture_code: notification.prefecture_code,
        notification_id: notification.id,
        phone_index: phoneIndex,
      })
      .onConflict((oc) => oc.columns(['prefecture_code', 'notification_id', 'phone_index']).doNothing())
      .executeTakeFirst();
    return Number(fresh.numInsertedOrUpdatedRows ?? 0) > 0;
  },
};
