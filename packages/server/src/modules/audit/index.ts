// The audit module's public face: recording entries, the sequencer, verification and proofs.
import type { Config } from '../../config.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/problem.ts';
import { getInclusionProof } from './proofs.ts';
import { auditRepository } from './repository.ts';
import { loadSigner } from './signing.ts';

export { sequenceAuditLog } from './sequencer.ts';
export { scheduleAuditSequencer } from './schedule.ts';
export { verifyAuditLog, type AuditVerdict } from './verify.ts';
export { exportCheckpoints, getConsistencyProof, getInclusionProof } from './proofs.ts';

export { auditEntryCtes, recordAudit } from './service.ts';
export type { AuditSigner } from './signing.ts';

/** The configured checkpoint signing key (CHUANGCHENG_AUDIT_KEY, or the key file in the data directory). */
export const auditSignerOf = (config: Config, options: { create: boolean }) =>
  loadSigner({ dataDir: config.dataDir, envKey: config.auditKey, create: options.create });

/**
 * The sequencer's backlog: entries written but not yet in a tree, and how long the oldest has waited
 * (0 with none). A lag that grows means no server runs the sequencer, or it cannot keep up.
 */
export async function auditBacklog(db: Kysely<Database>, now = new Date()) {
  const { pending, oldest } = await auditRepository.backlog(db);
  return { pending, lagSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0 };
}

/**
 * The newest audit entry about an entity, with its inclusion proof once the sequencer has put it in
 * a signed tree (`proof` null while it is pending): how another module lets a reader check that what
 * it shows was recorded, unchanged, in the log.
 */
export async function attestationOf(db: Kysely<Database>, entityType: string, entityId: string) {
  const entryId = await auditRepository.latestEntryIdFor(db, entityType, entityId);
  if (entryId === undefined) return undefined;
  const proof = await getInclusionProof(db, entryId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'AUDIT_ENTRY_PENDING') return null;
    throw error;
  });
  return { entryId, proof };
}
export { auditRoutes } from './routes.ts';
export type { AuditContext, AuditEvent } from './service.ts';
