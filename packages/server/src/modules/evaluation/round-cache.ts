import type { FrameworkDocument } from '@chuangcheng/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { computeRound, pinnedFramework, type ComputedRound } from './compute.ts';
import type { RoundRow } from './round-repository.ts';
import { roundCacheRepository } from './round-cache-repository.ts';

type Db = Kysely<Database>;

/**
 * An unpublished round's computation (every region's scorecard and rank), read from
 * `evaluation_round_cache` when it is current and computed (and kept) when it is not. The
 * generation is read before the inputs, and the result is kept only if it has not moved since, so a
 * change delivered while computing is never hidden by a result computed before it (decision 0174).
 * Everything is in the database: every server sees the same generation. A published round is
 * never cached here (its results are frozen in its publication), nor is a computation as of a date.
 */
export async function cachedComputeRound(db: Db, round: RoundRow, doc?: FrameworkDocument): Promise<ComputedRound> {
  const framework = doc ?? (await pinnedFramework(db, round));
  if (round.status === 'published') return computeRound(db, round, framework);
  const kept = await roundCacheRepository.read(db, round.id);
  if (kept.regions) return { doc: framework, regions: kept.regions as ComputedRound['regions'] };
  const computed = await computeRound(db, round, framework);
  await roundCacheRepository.keep(db, round.id, kept.generation, computed.regions);
  return computed;
}
