import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { EvaluationOwnerType } from '../evaluation/index.ts';

type Db = Kysely<Database>;

export type OwnerType =
  'progress_report' | 'notice_reply' | 'joint_meeting' | 'leader_instruction' | EvaluationOwnerType;
export type AttachmentRow = Selectable<Database['attachment']>;

/** Ids written as UUID text, comma-separated: nothing in them an array literal would have to quote. */
const UUID_LIST = /^[0-9a-fA-F-]+(?:,[0-9a-fA-F-]+)*$/;

/**
 * Ids as the text of one PostgreSQL array literal (`{a,b,…}`), cast to uuid[] by the statement:
 * node-postgres writes a JavaScript array element by element with escaping, which took up to twice as
 * long for a national round's 268,525 ids (decision 0203). Anything else goes as an ordinary array, for
 * PostgreSQL to refuse as before.
 */
function uuidArray(ids: string[]): string | string[] {
  const list = ids.join(',');
  return UUID_LIST.test(list) ? `{${list}}` : ids;
}

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
   * File summaries of many owners, in upload order, in one statement: the ids go as one uuid[]
   * parameter (a whole evaluation round names 268,525 findings, more than one statement may bind
   * as separate parameters).
   */
  listFilesOf(db: Db, ownerTypes: OwnerType[], ownerIds: string[]) {
    if (ownerIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('attachment')
      .select(['id', 'owner_type', 'owner_id', 'file_name', 'content_type', 'size_bytes', 'uploaded_at'])
      .where('owner_type', 'in', ownerTypes)
      .where(sql<boolean>`owner_id = any(${uuidArray([...new Set(ownerIds)])}::uuid[])`)
      .orderBy('uploaded_at')
      .execute();
  },
};
