import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { FileStore } from '../../storage/file-store.ts';
import { caseRepository } from './repository.ts';

const DAY_MS = 86_400_000;
/** A photo uploaded for a report that was never sent is removed after this long. */
const UNATTACHED_PHOTO_KEEP_MS = DAY_MS;
/**
 * An idempotency key answers a retried report for this long; a client that retries later makes a
 * new case. Kept short so that the table stays small on the coordinator (docs/SCALE-OUT.md).
 */
export const INTAKE_KEY_KEEP_DAYS = 30;
const BATCH = 1000;

/**
 * What intake leaves behind, removed by the scheduled `case-sweep` job (and `cases sweep-photos`):
 * photos uploaded and never used in a report or an action, with their files, and idempotency keys
 * past their keeping time. Batch by batch until none is left; safe to repeat and to run on any
 * server (the scheduler runs it once across all of them).
 */
export async function sweepCaseLeftovers(db: Kysely<Database>, files: FileStore, now = new Date()) {
  let photos = 0;
  for (;;) {
    const stale = await caseRepository.staleUploads(db, new Date(now.getTime() - UNATTACHED_PHOTO_KEEP_MS), BATCH);
    const deleted = await caseRepository.deleteUploads(
      db,
      stale.map((p) => p.id),
    );
    await files.remove(deleted.flatMap((p) => [p.storage_key, p.display_key]));
    photos += deleted.length;
    if (stale.length < BATCH) break;
  }
  let intakeKeys = 0;
  const keysBefore = new Date(now.getTime() - INTAKE_KEY_KEEP_DAYS * DAY_MS);
  for (;;) {
    const removed = await caseRepository.deleteIntakeKeysBefore(db, keysBefore, BATCH);
    intakeKeys += removed;
    if (removed < BATCH) break;
  }
  return { photos, intakeKeys };
}
