import crypto from 'node:crypto';
import { renderMessage, type LocalizedMessage } from '@chuangcheng/core';
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

export const notificationRepository = {
  /**
   * Inserts notifications; one that already exists for the same recipient, subject and
   * threshold is skipped by the unique key, so concurrent runs never duplicate. Returns
   * how many were new.
   */
  async insertOnce(db: Kysely<Database>, items: readonly NewNotification[]): Promise<number> {
    return (await this.insertNew(db, items)).length;
  },

  /** As `insertOnce`, returning the rows that were new (id, recipient and Chinese title). */
  async insertNew(
    db: Kysely<Database>,
    items: readonly NewNotification[],
  ): Promise<{ id: string; recipient_org_unit_id: string; title: string }[]> {
    const inserted: { id: string; recipient_org_unit_id: string; title: string }[] = [];
    for (let i = 0; i < items.length; i += 500) {
      const chunk = items.slice(i, i + 500);
      const result = await db
        .insertInto('notification')
        .values(
          chunk.map((n) => ({
            id: crypto.randomUUID(),
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
          oc.columns(['recipient_org_unit_id', 'kind', 'subject_type', 'subject_id', 'threshold']).doNothing(),
        )
        .returning(['id', 'recipient_org_unit_id', 'title'])
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

  async markRead(db: Kysely<Database>, recipient: string, id?: string): Promise<number> {
    let query = db
      .updateTable('notification')
      .set({ read_at: new Date() })
      .where('recipient_org_unit_id', '=', recipient)
      .where('read_at', 'is', null);
    if (id) query = query.where('id', '=', id);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  findById(db: Kysely<Database>, id: string) {
    return db.selectFrom('notification').selectAll().where('id', '=', id).executeTakeFirst();
  },
};
