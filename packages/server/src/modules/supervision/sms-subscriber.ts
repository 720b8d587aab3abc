import { defineSubscriber } from '../../outbox/subscriber.ts';
import { smsChannel, smsContacts } from './sms.ts';

/**
 * Reminders by SMS (decision 0143): each new reminder is texted to the numbers the unit registered.
 * Idempotent: a number is texted only if its delivery row (notification, number) is new; the row
 * is written in the delivery's transaction before sending, so a failed send rolls it back and the
 * outbox retries, and a redelivered event finds the row and sends nothing.
 */
export const smsReminderSubscriber = defineSubscriber('supervision.sms-reminders', {
  'notification.reminder-created': async (trx, e) => {
    const registered = await trx
      .selectFrom('org_unit_sms_contact')
      .select('phone_index')
      .where('org_unit_id', '=', e.recipientOrgUnitId)
      .executeTakeFirst();
    if (!registered) return;
    const { sender, personalData } = smsChannel();
    for (const contact of await smsContacts(trx, personalData, e.recipientOrgUnitId)) {
      const fresh = await trx
        .insertInto('sms_delivery')
        .values({ notification_id: e.notificationId, phone_index: contact.index })
        .onConflict((oc) => oc.columns(['notification_id', 'phone_index']).doNothing())
        .executeTakeFirst();
      if (Number(fresh.numInsertedOrUpdatedRows ?? 0) === 0) continue;
      await sender.send({ to: contact.phone, text: `【创城】${e.text}`, key: `${e.notificationId}:${contact.index}` });
    }
  },
});
