import { defineSubscriber } from '../../outbox/subscriber.ts';
import { smsRepository } from './sms-repository.ts';
import { openSmsContacts, smsChannel } from './sms.ts';

/**
 * Reminders by SMS (decision 0143): each new reminder is texted to the numbers the unit registered.
 * Idempotent: a number is texted only if its delivery row (notification, number) is new; the row
 * is written in the delivery's transaction before sending, so a failed send rolls it back and the
 * outbox retries, and a redelivered event finds the row and sends nothing.
 */
export const smsReminderSubscriber = defineSubscriber('supervision.sms-reminders', {
  'notification.reminder-created': async (trx, e) => {
    const rows = await smsRepository.contacts(trx, e.recipientOrgUnitId);
    if (rows.length === 0) return;
    // Events written before decision 0200 do not name the prefecture: read it (by id, every shard);
    // a notification that is gone is texted to nobody.
    const prefecture = e.prefectureCode ?? (await smsRepository.notificationPrefecture(trx, e.notificationId));
    if (!prefecture) return;
    const notification = { prefecture_code: prefecture, id: e.notificationId };
    const { sender, personalData } = smsChannel();
    for (const contact of openSmsContacts(rows, personalData)) {
      if (!(await smsRepository.claimDelivery(trx, notification, contact.index))) continue;
      await sender.send({ to: contact.phone, text: `【创城】${e.text}`, key: `${e.notificationId}:${contact.index}` });
    }
  },
});
