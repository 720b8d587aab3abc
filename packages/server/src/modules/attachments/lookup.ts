import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { attachmentRepository, type OwnerType } from './repository.ts';

/** What other modules may read of attached files: the files of their records. */
export const attachmentLookup = {
  listByOwners: attachmentRepository.listByOwners,
  listFilesOf: attachmentRepository.listFilesOf,
};

/**
 * Removes the attachment rows of a record that its module deletes (a withdrawn draft report), in the
 * caller's transaction; returns the storage keys, which the caller removes after commit.
 */
export function removeAttachmentsOf(trx: Kysely<Database>, ownerType: OwnerType, ownerId: string) {
  return attachmentRepository.deleteByOwner(trx, ownerType, ownerId);
}
