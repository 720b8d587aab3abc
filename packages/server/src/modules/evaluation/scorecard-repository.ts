import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

/** SQL of a scorecard's losses: the notes of their evidence (their files come from attachmentLookup). */
export const scorecardRepository = {
  /** The notes of these pieces of evidence. */
  evidenceNotes(db: Db, ids: string[]) {
    return db.selectFrom('evaluation_evidence').select(['id', 'note']).where('id', 'in', ids).execute();
  },
};
