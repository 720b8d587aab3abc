import type { Kysely } from 'kysely';
import { message, maskPhone, type CaseContact } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { notFound } from '../../http/problem.ts';
import { authorize, type Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { PersonalData } from '../personal-data/index.ts';
import { caseRepository } from './repository.ts';
import { reporterPhoneRepository } from './reporter-phone-repository.ts';
import { casePolicy } from './policy.ts';

/**
 * Reporter phone numbers (convention 19, issue 11): the full number is sealed in
 * `phone_sealed` (with a blind index for lookups); `contact.phone` keeps only the masked form,
 * which is all that case details, lists and exports ever show. The full number comes out only
 * through `revealReporterPhone`, audited.
 */
const COLUMN = 'case_reporter.phone';

/** The columns a reporter row stores for a contact given at intake. */
export function sealContact(personalData: PersonalData, contact: CaseContact | undefined) {
  const phone = contact?.phone;
  const visible = { ...contact, ...(phone ? { phone: maskPhone(phone) } : {}) };
  return {
    contact: Object.keys(visible).length > 0 ? JSON.stringify(visible) : null,
    phone_sealed: phone ? personalData.seal(phone, COLUMN) : null,
    phone_index: phone ? personalData.blindIndex(phone, COLUMN) : null,
  };
}

/** The reporter's full phone number for a staff member who may see it; every call writes an audit row. */
export async function revealReporterPhone(
  db: Kysely<Database>,
  personalData: PersonalData,
  ctx: { actor: Actor; requestId?: string },
  caseId: string,
): Promise<{ phone: string | null }> {
  const row = await caseRepository.findCase(db, caseId);
  if (!row) throw notFound('case', caseId);
  casePolicy.canRead(ctx.actor, row, caseId);
  authorize(ctx.actor, 'personal_data.reveal');
  // The same people who see the (masked) contact on the case: not every unit officer in scope.
  if (!casePolicy.seesContact(ctx.actor, row)) throw notFound(message('notFound.caseContact', { id: caseId }));
  const sealed = (await reporterPhoneRepository.firstSealedPhone(db, caseId))?.phone_sealed ?? null;
  const phone = sealed ? personalData.open(sealed, COLUMN) : null;
  await db.transaction().execute((trx) =>
    recordAudit(
      trx,
      { actor: ctx.actor, requestId: ctx.requestId },
      {
        action: 'personal_data.reveal',
        entityType: 'problem_case',
        entityId: caseId,
        regionCode: row.region_code,
        prefectureCode: row.prefecture_code,
        after: { field: 'reporter.phone', present: phone !== null },
      },
    ),
  );
  return { phone };
}

/**
 * The data step of migration 20261206T1110: seals phones stored in the clear before it and
 * leaves only their masked form in `contact`. Run at every start; a no-op once done. Each
 * batch commits on its own, so an interrupted run resumes where it stopped.
 */
export async function sealPlaintextReporterPhones(db: Kysely<Database>, personalData: PersonalData): Promise<number> {
  let sealed = 0;
  for (;;) {
    const rows = await reporterPhoneRepository.plaintextPhones(db, 500);
    if (rows.length === 0) return sealed;
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const contact = row.contact as CaseContact;
        const columns = sealContact(personalData, contact);
        await reporterPhoneRepository.setSealedPhone(trx, row.id, {
          contact: columns.contact!,
          phone_sealed: columns.phone_sealed!,
          phone_index: columns.phone_index!,
        });
      }
    });
    sealed += rows.length;
  }
}
