import { isLocalizedMessage, renderMessage, type LocalizedMessage } from '@chuangcheng/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { notFound } from '../../http/problem.ts';
import type { Actor } from '../auth/index.ts';
import { emitEvent } from '../../outbox/emit.ts';
import { notificationRepository, type NewNotification } from './notification-repository.ts';
import { supervisionPolicy } from './policy.ts';

/** A stored text in the reader's language: from its catalogue message, else the stored (Chinese) text. */
function textOf(stored: string, text: LocalizedMessage | undefined, language: 'zh' | 'en'): string {
  return isLocalizedMessage(text) ? renderMessage(text, language) : stored;
}

/**
 * In-app notifications go to an organisation; everyone in it reads the same list, each in their
 * own language.
 */
export async function listNotifications(
  db: Kysely<Database>,
  actor: Actor,
  query: { unread?: string; limit: number },
  language: 'zh' | 'en',
) {
  const unit = supervisionPolicy.ownUnit(actor);
  const rows = await notificationRepository.list(db, unit, { unread: query.unread === 'true', limit: query.limit });
  return {
    items: rows.map((n) => {
      const message = (n.message ?? {}) as { title?: LocalizedMessage; body?: LocalizedMessage };
      return {
        id: n.id,
        kind: n.kind,
        subjectType: n.subject_type,
        subjectId: n.subject_id,
        threshold: n.threshold,
        title: textOf(n.title, message.title, language),
        body: textOf(n.body, message.body, language),
        link: n.link,
        createdAt: n.created_at.toISOString(),
        readAt: n.read_at ? n.read_at.toISOString() : null,
      };
    }),
    unread: await notificationRepository.countUnread(db, unit),
  };
}

export async function markNotificationRead(db: Kysely<Database>, actor: Actor, id: string) {
  const unit = supervisionPolicy.ownUnit(actor);
  const row = await notificationRepository.findById(db, id);
  if (!row || row.recipient_org_unit_id !== unit) throw notFound('notification', id);
  await notificationRepository.markRead(db, unit, row);
  return { updated: 1 };
}

export async function markAllNotificationsRead(db: Kysely<Database>, actor: Actor) {
  const unit = supervisionPolicy.ownUnit(actor);
  return { updated: await notificationRepository.markRead(db, unit) };
}

/**
 * Writes the reminder job's notifications once each (unique key) and, in the same transaction, an
 * outbox event for each new one, which the SMS subscriber relays (decision 0143). Returns how many
 * were new.
 */
export async function insertReminders(db: Kysely<Database>, items: readonly NewNotification[]): Promise<number> {
  if (items.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    const created = await notificationRepository.insertNew(trx, items);
    for (const n of created) {
      await emitEvent(trx, {
        name: 'notification.reminder-created',
        payload: {
          notificationId: n.id,
          prefectureCode: n.prefecture_code,
          recipientOrgUnitId: n.recipient_org_unit_id,
          text: n.title,
        },
      });
    }
    return created.length;
  });
}
