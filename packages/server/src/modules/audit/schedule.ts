import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { sequenceAuditLog } from './sequencer.ts';
import type { AuditSigner } from './signing.ts';

type Log = { error: (data: object, message: string) => void };

/** How often `serve` sequences, and the least time between two checkpoints of a growing shard. */
const SEQUENCE_EVERY_MS = 1000;
const CHECKPOINT_EVERY_MS = 5000;

/**
 * The sequencer's trigger in `serve`: a short loop, never two runs at once in this process; across
 * servers the database lock inside `sequenceAuditLog` lets one run and the others skip. Kept to this
 * one function so that a database-backed scheduler can take it over. Returns a stop function.
 */
export function scheduleAuditSequencer(db: Kysely<Database>, signer: AuditSigner, log: Log): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sequenceAuditLog(db, { signer, checkpointIntervalMs: CHECKPOINT_EVERY_MS })
      .catch((error: unknown) => log.error({ job: 'audit-sequencer', err: error }, 'audit sequencer failed'))
      .finally(() => {
        running = false;
      });
  }, SEQUENCE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
