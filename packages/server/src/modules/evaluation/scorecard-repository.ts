import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

/** SQL of a scorecard's losses: the notes of their evidence and the files behind them. */
export const scorecardRepository = {
  /** The notes of these pieces of evidence. */
  evidenceNotes(db: Db, ids: string[]) {
    return db.selectFrom('evaluation_evidence').select(['id', 'note']).where('id', 'in', ids).execute();
  },

  /** The files attached to these findings and pieces of evidence, in upload order. */
  lossFiles(db: Db, ownerIds: string[]) {
    return db
      .selectFrom('attachment')
      .select(['id', 'owner_id', 'file_name', 'content_type', 'size_bytes', 'uploaded_at'])
      .where('owner_type', 'in', ['evaluation_finding', 'evaluation_evidence'])
      .where('owner_id', 'in', ownerIds)
      .orderBy('uploaded_at')
      .execute();
  },
};
