// The audit module's public face: recording entries, the sequencer, verification and proofs.
import type { Config } from '../../config.ts';
import { loadSigner } from './signing.ts';

export { sequenceAuditLog } from './sequencer.ts';
export { scheduleAuditSequencer } from './schedule.ts';
export { verifyAuditLog, type AuditVerdict } from './verify.ts';
export { exportCheckpoints, getConsistencyProof, getInclusionProof } from './proofs.ts';
export { CheckpointFile } from './schema.ts';
export type { AuditSigner } from './signing.ts';

/** The configured checkpoint signing key (CHUANGCHENG_AUDIT_KEY, or the key file in the data directory). */
export const auditSignerOf = (config: Config, options: { create: boolean }) =>
  loadSigner({ dataDir: config.dataDir, envKey: config.auditKey, create: options.create });
