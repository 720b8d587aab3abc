import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { parseStored } from '../../db/stored-json.ts';

type Db = Kysely<Database>;

/**
 * The shape of a kept computation. `format` changes whenever the computed shape does, so rows
 * written by an older server are recomputed rather than read as a wrong shape; the regions are
 * checked shallowly (a national round holds 3,000 scorecards: a deep parse would cost what the
 * cache saves), and they were written by this code from the same types.
 */
const ROUND_CACHE_FORMAT = 1;
const KeptRound = z.object({
  format: z.number(),
  regions: z.array(
    z.looseObject({
      region: z.looseObject({ code: z.string() }),
      score: z.looseObject({}),
      rank: z.number().nullable(),
    }),
  ),
});

/** The kept computation of a round and the generation it is valid for. */
type KeptRoundRow = { generation: number; regions: unknown[] | null };

/** SQL of the computed-round cache (`evaluation_round_cache`, decision 0174). */
export const roundCacheRepository = {
  /** The round's generation and its kept computation when that is current and of this format. */
  async read(db: Db, roundId: string): Promise<KeptRoundRow> {
    const row = await db
      .selectFrom('evaluation_round_cache')
      .select(['generation', 'computed_generation', 'computed'])
      .where('round_id', '=', roundId)
      .executeTakeFirst();
    if (!row) return { generation: 0, regions: null };
    const generation = Number(row.generation);
    if (row.computed === null || row.computed_generation === null || Number(row.computed_generation) !== generation)
      return { generation, regions: null };
    const kept = parseStored(KeptRound, row.computed, 'evaluation_round_cache.computed');
    return { generation, regions: kept.format === ROUND_CACHE_FORMAT ? kept.regions : null };
  },

  /**
   * Keeps a computation made from the inputs as they were at `generation`; nothing is kept when the
   * generation has moved since (a change was delivered while computing). Returns whether it was kept.
   */
  async keep(db: Db, roundId: string, generation: number, regions: unknown[]): Promise<boolean> {
    const computed = JSON.stringify({ format: ROUND_CACHE_FORMAT, regions });
    const result = await db
      .insertInto('evaluation_round_cache')
      .values({ round_id: roundId, generation, computed_generation: generation, computed, computed_at: new Date() })
      .onConflict((oc) =>
        oc
          .column('round_id')
          .doUpdateSet({ computed_generation: generation, computed, computed_at: new Date() })
          .where('evaluation_round_cache.generation', '=', generation),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  /**
   * Moves the generation of the given rounds and drops what they kept, in the caller's transaction.
   * Upserts: a round nobody has read yet gets its row too, so a computation started before the
   * change cannot be kept after it.
   */
  async invalidate(trx: Db, roundIds: readonly string[]): Promise<void> {
    if (roundIds.length === 0) return;
    await trx
      .insertInto('evaluation_round_cache')
      .values(roundIds.map((round_id) => ({ round_id, generation: 1, invalidated_at: new Date() })))
      .onConflict((oc) =>
        oc.column('round_id').doUpdateSet({
          generation: sql`evaluation_round_cache.generation + 1`,
          computed: null,
          computed_generation: null,
          computed_at: null,
          invalidated_at: new Date(),
        }),
      )
      .execute();
  },

  /** The unpublished rounds that contain a region (what an incident or a title event of it can move). */
  async unpublishedRoundsWithRegion(db: Db, regionCode: string): Promise<string[]> {
    const rows = await db
      .selectFrom('evaluation_round_region as rr')
      .innerJoin('evaluation_round as r', 'r.id', 'rr.round_id')
      .select('r.id')
      .where('rr.region_code', '=', regionCode)
      .where('r.status', '<>', 'published')
      .orderBy('r.id')
      .execute();
    return rows.map((r) => r.id);
  },
};
