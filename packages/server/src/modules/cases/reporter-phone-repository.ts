import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** SQL for reporters' sealed phone numbers (issue 11); the rest of case_reporter is in repository.ts. */
export const reporterPhoneRepository = {
  /** The filing reporter's sealed phone, as `firstContact` picks the contact. */
  firstSealedPhone(db: Kysely<Database>, caseId: string) {
    return db
      .selectFrom('case_reporter')
      .select(['phone_sealed'])
      .where('case_id', '=', caseId)
      .whereRef('origin_case_id', '=', 'case_id')
      .orderBy('created_at')
      .executeTakeFirst();
  },

  /** Rows still holding a plaintext phone in `contact` (from before the phones were sealed). */
  plaintextPhones(db: Kysely<Database>, limit: number) {
    return db
      .selectFrom('case_reporter')
      .select(['id', 'contact'])
      .where(sql<boolean>`contact ? 'phone'`)
      .where('phone_sealed', 'is', null)
      .limit(limit)
      .execute();
  },

  async setSealedPhone(
    trx: Kysely<Database>,
    id: string,
    values: { contact: string; phone_sealed: string; phone_index: string },
  ): Promise<void> {
    await trx.updateTable('case_reporter').set(values).where('id', '=', id).execute();
  },
};
