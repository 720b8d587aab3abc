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

  /** A notice with the region path of the unit it was issued to. */
  findNotice(db: Db, id: string) {
    return db
      .selectFrom('supervision_notice')
      .innerJoin('org_unit', 'org_unit.id', 'supervision_notice.org_unit_id')
      .innerJoin('region', 'region.code', 'org_unit.region_code')
      .select([
        'supervision_notice.id',
        'supervision_notice.status',
        'supervision_notice.org_unit_id',
        'supervision_notice.region_code',
        'supervision_notice.prefecture_code',
        'region.path as region_path',
      ])
      .where('supervision_notice.id', '=', id)
      .executeTakeFirst();
  },

  findMeeting(db: Db, id: string) {
    return db
      .selectFrom('joint_meeting')
      .innerJoin('region', 'region.code', 'joint_meeting.region_code')
      .select(['joint_meeting.id', 'joint_meeting.region_code', 'region.prefecture_code', 'region.path as region_path'])
      .where('joint_meeting.id', '=', id)
      .executeTakeFirst();
  },
};
