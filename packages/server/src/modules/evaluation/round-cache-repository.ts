import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import zlib from 'node:zlib';
import type { RegionScore } from '@chuangcheng/core';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { parseStored } from '../../db/stored-json.ts';

type Db = Kysely<Database>;

/**
 * The shape of a kept computation's summary (`computed`). `format` changes whenever the computed
 * shape does, so rows written by an older server are recomputed rather than read as a wrong shape;
 * the regions are checked shallowly, and they were written by this code from the same types. `at`
 * is the region's slice of `scores`: its offset and length in bytes.
 */
const ROUND_CACHE_FORMAT = 2;
const KeptSummary = z.object({
  format: z.number(),
  regions: z.array(
    z.looseObject({
      region: z.looseObject({ code: z.string() }),
      score: z.looseObject({}),
      rank: z.number().nullable(),
      at: z.tuple([z.number(), z.number()]),
    }),
  ),
});

/** A region's rank and headline figures: what a ranking shows, without the scorecard's detail. */
export type ScoreSummary = Pick<
  RegionScore,
  'mainScore' | 'mainMax' | 'minorsScore' | 'minorsGatePassed' | 'deducted' | 'total' | 'rate' | 'unscored'
>;
export const summaryOf = (s: RegionScore): ScoreSummary => ({
  mainScore: s.mainScore,
  mainMax: s.mainMax,
  minorsScore: s.minorsScore,
  minorsGatePassed: s.minorsGatePassed,
  deducted: s.deducted,
  total: s.total,
  rate: s.rate,
  unscored: s.unscored,
});

/** A kept region: its row, rank and headline figures, and where its whole score is in `scores`. */
export type KeptRegion<R> = { region: R; rank: number | null; score: ScoreSummary; at: [number, number] };

/** The kept summary of a round and the generation it is valid for. */
type KeptRoundRow = { generation: number; regions: KeptRegion<unknown>[] | null };

/**
 * Each region's score is compressed on its own with brotli at quality 1 (decision 0212): on the
 * national round's scores it was the fastest of those tried (208 MB/s in one thread, beside 122 MB/s
 * for gzip at its fastest level) and the smallest but one. Synchronously, a few regions at a time
 * with the event loop let go in between: 3,000 calls to zlib's asynchronous API took about twice as
 * long as the same work done synchronously, from the callbacks of its chunked output.
 */
const BROTLI = {
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 1,
    [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
  },
};
const REGIONS_BETWEEN_YIELDS = 16;
/** Up to this many regions' scores are read as slices of `scores`; more, as the whole column. */
const SLICES_READ_ONE_BY_ONE = 16;

/** `f` of each item, in order, synchronously a few at a time, letting other requests run in between. */
async function eachInTurn<T, R>(items: readonly T[], f: (item: T) => R): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % REGIONS_BETWEEN_YIELDS === 0) await yieldToEventLoop();
    out.push(f(items[i]!));
  }
  return out;
}

const scoreOf = (slice: Uint8Array): RegionScore =>
  JSON.parse(zlib.brotliDecompressSync(slice).toString('utf8')) as RegionScore;

/**
 * SQL of the computed-round cache (`evaluation_round_cache`, decisions 0174 and 0212). A round's
 * computation is kept as a summary (`computed`: every region's rank and headline figures, what a
 * ranking reads) and the regions' whole scores (`scores`: one brotli-compressed JSON slice per region, read
 * one slice at a time for a scorecard). A national round's whole computation is about 253 MB of
 * JSON, more than a jsonb value may hold and more than a ranking needs.
 */
export const roundCacheRepository = {
  /** The round's generation and its kept summary when that is current and of this format. */
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
    const kept = parseStored(KeptSummary, row.computed, 'evaluation_round_cache.computed');
    return { generation, regions: kept.format === ROUND_CACHE_FORMAT ? (kept.regions as KeptRegion<unknown>[]) : null };
  },

  /**
   * The whole scores of the given kept regions, in their order, read from the computation kept at
   * `generation`; undefined when that is no longer kept (a change was delivered since the summary
   * was read). A few regions are read as their slices; many as the whole column at once.
   */
  async scores(
    db: Db,
    roundId: string,
    generation: number,
    regions: readonly KeptRegion<unknown>[],
  ): Promise<RegionScore[] | undefined> {
    const kept = db
      .selectFrom('evaluation_round_cache')
      .where('round_id', '=', roundId)
      .where('generation', '=', generation)
      .where('computed_generation', '=', generation);
    if (regions.length === 0) return [];
    if (regions.length > SLICES_READ_ONE_BY_ONE) {
      const bytes = (await kept.select('scores').executeTakeFirst())?.scores;
      if (!bytes) return undefined;
      return eachInTurn(regions, ({ at: [offset, length] }) => scoreOf(bytes.subarray(offset, offset + length)));
    }
    const row = await kept
      .select(
        regions.map(({ at: [offset, length] }, i) =>
          sql<Uint8Array | null>`substring(scores from ${offset + 1} for ${length})`.as(`s${i}`),
        ),
      )
      .executeTakeFirst();
    const slices = regions.map((_, i) => (row as Record<string, Uint8Array | null> | undefined)?.[`s${i}`]);
    if (slices.some((slice) => !slice)) return undefined;
    return eachInTurn(slices, (slice) => scoreOf(slice!));
  },

  /**
   * Keeps a computation made from the inputs as they were at `generation`; nothing is kept when the
   * generation has moved since (a change was delivered while computing). Returns whether it was kept.
   */
  async keep(
    db: Db,
    roundId: string,
    generation: number,
    regions: readonly { region: unknown; rank: number | null; score: RegionScore }[],
  ): Promise<boolean> {
    const slices = await eachInTurn(regions, (r) => zlib.brotliCompressSync(JSON.stringify(r.score), BROTLI));
    let offset = 0;
    const summary = regions.map((r, i) => {
      const at: [number, number] = [offset, slices[i]!.length];
      offset += slices[i]!.length;
      return { region: r.region, rank: r.rank, score: summaryOf(r.score), at };
    });
    const computed = JSON.stringify({ format: ROUND_CACHE_FORMAT, regions: summary });
    const scores = Buffer.concat(slices);
    const result = await db
      .insertInto('evaluation_round_cache')
      .values({
        round_id: roundId,
        generation,
        computed_generation: generation,
        computed,
        scores,
        computed_at: new Date(),
      })
      .onConflict((oc) =>
        oc
          .column('round_id')
          .doUpdateSet({ computed_generation: generation, computed, scores, computed_at: new Date() })
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
          scores: null,
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
