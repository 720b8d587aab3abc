import crypto from 'node:crypto';
import { distributionCode, renderMessage, type LocalizedMessage } from '@chuangcheng/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * A notification to write. Its title (and body) are catalogue messages: the table keeps them, to
 * render in each reader's language, and their Chinese text in `title`/`body` (500 characters).
 */
export type NewNotification = {
  recipient: string;
  kind: 'task' | 'notice' | 'action_item' | 'case' | 'instruction';
  subjectType: 'plan_task' | 'supervision_notice' | 'action_item' | 'problem_case' | 'leader_instruction';
  subjectId: string;
  threshold: string;
  title: LocalizedMessage;
  body?: LocalizedMessage;
  link?: string | null;
};

/** A notification's whole key: its prefecture (the distribution column) and its id. */
export type NotificationKey = { prefecture_code: string; id: string };

/** What an inserted notification returns: its key, recipient and Chinese title. */
export type InsertedNotification = NotificationKey & { recipient_org_unit_id: string; title: string };

/** The distribution column of each recipient's notifications: its region's prefecture (province: its code). */
async function recipientPrefectures(db: Kysely<Database>, recipients: readonly string[]): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('org_unit as u')
    .innerJoin('region as r', 'r.code', 'u.region_code')
    .select(['u.id', 'u.region_code', 'r.prefecture_code'])
    .where('u.id', 'in', [...new Set(recipients)])
    .execute();
  return new Map(rows.map((r) => [r.id, distributionCode(r.region_code, r.prefecture_code)]));
}

export const notificationRepository = {
  /**
   * Inserts notifications; one that already exists for the same recipient, subject and
   * threshold is skipped by the unique key, so concurrent runs never duplicate. Returns
   * how many were new.
   */
  async insertOnce(db: Kysely<Database>, items: readonly NewNotification[]): Promise<number> {
    return (await this.insertNew(db, items)).length;
  },

  /**
   * As `insertOnce`, returning the rows that were new (key, recipient and Chinese title). Each
   * carries its recipient's prefecture; a recipient that is not an organisation is refused.
   */
  async insertNew(db: Kysely<Database>, items: readonly NewNotification[]): Promise<InsertedNotification[]> {
    const inserted: InsertedNotification[] = [];
    for (let i = 0; i < items.length; i += 500) {
      const chunk = items.slice(i, i + 500);
      const prefectures = await recipientPrefectures(
        db,
        chunk.map((n) => n.recipient),
      );
      const prefectureOf = (recipient: string) => {
        const code = prefectures.get(recipient);
        if (!code) throw new Error(`notification recipient ${recipient} is not an organisation`);
        return code;
      };
      const result = await db
        .insertInto('notification')
        .values(
          chunk.map((n) => ({
            id: crypto.randomUUID(),
            prefecture_code: prefectureOf(n.recipient),
            recipient_org_unit_id: n.recipient,
            kind: n.kind,
            subject_type: n.subjectType,
            subject_id: n.subjectId,
            threshold: n.threshold,
            title: renderMessage(n.title, 'zh').slice(0, 500),
            body: n.body ? renderMessage(n.body, 'zh') : '',
            link: n.link ?? null,
            message: JSON.stringify({ title: n.title, ...(n.body ? { body: n.body } : {}) }),
          })),
        )
        .onConflict((oc) =>
          oc
            .columns(['prefecture_code', 'recipient_org_unit_id', 'kind', 'subject_type', 'subject_id', 'threshold'])
            .doNothing(),
        )
        .returning(['prefecture_code', 'id', 'recipient_org_unit_id', 'title'])
        .execute();
      inserted.push(...result);
    }
    return inserted;
  },

  list(db: Kysely<Database>, recipient: string, options: { unread: boolean; limit: number }) {
    let query = db.selectFrom('notification').selectAll().where('recipient_org_unit_id', '=', recipient);
    if (options.unread) query = query.where('read_at', 'is', null);
    return query.orderBy('created_at', 'desc').orderBy('id').limit(options.limit).execute();
  },

  async countUnread(db: Kysely<Database>, recipient: string): Promise<number> {
    const row = await db
      .selectFrom('notification')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('recipient_org_unit_id', '=', recipient)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Marks the recipient's unread notifications read: one (by its whole key) or all of them. */
  async markRead(db: Kysely<Database>, recipient: string, key?: NotificationKey): Promise<number> {
    let query = db
      .updateTable('notification')
      .set({ read_at: new Date() })
      .where('recipient_org_unit_id', '=', recipient)
      .where('read_at', 'is', null);
    if (key) query = query.where('prefecture_code', '=', key.prefecture_code).where('id', '=', key.id);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  /** A notification by its id alone (the URL carries only the id): under Citus a read of every shard. */
  findById(db: Kysely<Database>, id: string) {
    return db.selectFrom('notification').selectAll().where('id', '=', id).executeTakeFirst();
  },
};
