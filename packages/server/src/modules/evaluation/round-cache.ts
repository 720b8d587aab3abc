import type { FrameworkDocument, RegionScore } from '@chuangcheng/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { computeRound, pinnedFramework, type ComputedRound, type RoundRegionRow } from './compute.ts';
import type { RoundRow } from './round-repository.ts';
import { roundCacheRepository, summaryOf, type KeptRegion, type ScoreSummary } from './round-cache-repository.ts';

type Db = Kysely<Database>;

/** A region of a kept round: its row, rank and headline figures (what a ranking shows). */
type RoundRegionSummary = { region: RoundRegionRow; rank: number | null; score: ScoreSummary };

/**
 * An unpublished round's computation as its readers use it: every region's rank and headline
 * figures at once, and the whole scores (every standard, loss and deduction) of the regions asked
 * for, in the order asked.
 */
export type KeptRound = {
  doc: FrameworkDocument;
  regions: RoundRegionSummary[];
  scores(codes: readonly string[]): Promise<RegionScore[]>;
};

/** A computation just made: everything is in memory. */
function inMemory(computed: ComputedRound): KeptRound {
  const byCode = new Map(computed.regions.map((r) => [r.region.code, r.score]));
  return {
    doc: computed.doc,
    regions: computed.regions.map((r) => ({ region: r.region, rank: r.rank, score: summaryOf(r.score) })),
    scores: async (codes) => codes.map((code) => byCode.get(code)!),
  };
}

/**
 * An unpublished round's computation (every region's scorecard and rank), read from
 * `evaluation_round_cache` when it is current and computed (and kept) when it is not. The
 * generation is read before the inputs, and the result is kept only if it has not moved since, so a
 * change delivered while computing is never hidden by a result computed before it (decision 0174).
 * Everything is in the database: every server sees the same generation. A published round is
 * never cached here (its results are frozen in its publication), nor is a computation as of a date.
 * The summary is read at once; the whole scores are read when asked for, from the same generation
 * (decision 0212): when a change is delivered in between, the round is computed again and the
 * scores come from that computation.
 */
export async function cachedComputeRound(db: Db, round: RoundRow, doc?: FrameworkDocument): Promise<KeptRound> {
  const framework = doc ?? (await pinnedFramework(db, round));
  if (round.status === 'published') return inMemory(await computeRound(db, round, framework));
  const kept = await roundCacheRepository.read(db, round.id);
  if (kept.regions) {
    const regions = kept.regions as KeptRegion<RoundRegionRow>[];
    const byCode = new Map(regions.map((r) => [r.region.code, r]));
    return {
      doc: framework,
      regions,
      scores: async (codes) => {
        const wanted = codes.map((code) => byCode.get(code)!);
        const scores = await roundCacheRepository.scores(db, round.id, kept.generation, wanted);
        return scores ?? (await cachedComputeRound(db, round, framework)).scores(codes);
      },
    };
  }
  const computed = await computeRound(db, round, framework);
  await roundCacheRepository.keep(db, round.id, kept.generation, computed.regions);
  return inMemory(computed);
}
