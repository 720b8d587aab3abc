import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { EvaluationOwnerType } from '../evaluation/index.ts';

type Db = Kysely<Database>;

export type OwnerType =
  'progress_report' | 'notice_reply' | 'joint_meeting' | 'leader_instruction' | EvaluationOwnerType;
export type AttachmentRow = Selectable<Database['attachment']>;

/** Attachment rows and the owners they hang off. SQL only. */
export const attachmentRepository = {
  async insert(db: Db, row: Insertable<Database['attachment']>): Promise<void> {
    await db.insertInto('attachment').values(row).execute();
  },

  /** Deletes an owner's attachments and returns their storage keys. */
  async deleteByOwner(db: Db, ownerType: OwnerType, ownerId: string): Promise<string[]> {
    const rows = await db
      .deleteFrom('attachment')
      .where('owner_type', '=', ownerType)
      .where('owner_id', '=', ownerId)
      .returning('storage_key')
      .execute();
    return rows.map((r) => r.storage_key);
  },

  findById(db: Db, id: string) {
    return db.selectFrom('attachment').selectAll().where('id', '=', id).executeTakeFirst();
  },

  listByOwners(db: Db, ownerType: OwnerType, ownerIds: string[]) {
    if (ownerIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('attachment')
      .selectAll()
      .where('owner_type', '=', ownerType)
      .where('owner_id', 'in', ownerIds)
      .orderBy('uploaded_at')
      .execute();
  },

  /**
   * File summaries of many owners, in upload order. The ids are bound in chunks: a whole evaluation
   * round can name more owners than one statement may bind.
   */
  async listFilesOf(db: Db, ownerTypes: OwnerType[], ownerIds: string[]) {
    const ids = [...new Set(ownerIds)];
    const rows: Pick<
      AttachmentRow,
      'id' | 'owner_type' | 'owner_id' | 'file_name' | 'content_type' | 'size_bytes' | 'uploaded_at'
    >[] = [];
    for (let i = 0; i < ids.length; i += 5000) {
      rows.push(
        ...(await db
          .selectFrom('attachment')
          .select(['id', 'owner_type', 'owner_id', 'file_name', 'content_type', 'size_bytes', 'uploaded_at'])
          .where('owner_type', 'in', ownerTypes)
          .where('owner_id', 'in', ids.slice(i, i + 5000))
          .orderBy('uploaded_at')
          .execute()),
      );
    }
    // one order across chunks (the sort is stable, so one chunk keeps the database's order)
    return rows.sort((a, b) => new Date(a.uploaded_at).getTime() - new Date(b.uploaded_at).getTime());
  },
};
