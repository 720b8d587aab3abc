import { Scorecard } from '@chuangcheng/core';
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { checkStored, parseStored } from '../../db/stored-json.ts';

type Db = Kysely<Database>;
export type PublicationRow = Selectable<Database['evaluation_publication']>;

/** SQL for the versioned publications of a round and the scorecards frozen in each. */
export const publicationRepository = {
  /** Every publication of a round, oldest first. */
  list(db: Db, roundId: string) {
    return db
      .selectFrom('evaluation_publication')
      .selectAll()
      .where('round_id', '=', roundId)
      .orderBy('version')
      .execute();
  },

  /** One publication; the latest (the one in force) when no version is given. */
  find(db: Db, roundId: string, version?: number) {
    let q = db.selectFrom('evaluation_publication').selectAll().where('round_id', '=', roundId);
    q = version === undefined ? q.orderBy('version', 'desc').limit(1) : q.where('version', '=', version);
    return q.executeTakeFirst();
  },

  async insert(db: Db, row: Insertable<Database['evaluation_publication']>) {
    await db.insertInto('evaluation_publication').values(row).execute();
  },

  async insertRegions(db: Db, rows: Insertable<Database['evaluation_publication_region']>[]) {
    for (let i = 0; i < rows.length; i += 200) {
      await db
        .insertInto('evaluation_publication_region')
        .values(rows.slice(i, i + 200))
        .execute();
    }
  },

  /** The scorecard of one region as a publication froze it. */
  async scorecard(db: Db, roundId: string, version: number, regionCode: string): Promise<Scorecard | undefined> {
    const row = await db
      .selectFrom('evaluation_publication_region')
      .select('scorecard')
      .where('round_id', '=', roundId)
      .where('version', '=', version)
      .where('region_code', '=', regionCode)
      .executeTakeFirst();
    return row && frozenScorecard(row.scorecard);
  },

  /**
   * Every region's name and per-standard scores as a publication froze them, in the order of
   * `scorecards`, taken out of the frozen scorecards in SQL: the Excel export needs these few
   * numbers, not 3,000 whole scorecards read into Node and checked.
   */
  async standardScores(db: Db, roundId: string, version: number) {
    const rows = await db
      .selectFrom('evaluation_publication_region')
      .select([
        'region_code',
        sql<unknown>`scorecard #> '{region,name}'`.as('name'),
        sql<unknown>`jsonb_path_query_array(scorecard, '$.projects[*].contents[*].standards[*].code')`.as('codes'),
        sql<unknown>`jsonb_path_query_array(scorecard, '$.projects[*].contents[*].standards[*].score')`.as('scores'),
      ])
      .where('round_id', '=', roundId)
      .where('version', '=', version)
      .orderBy('city_group')
      .orderBy('rank')
      .orderBy('region_code')
      .execute();
    return rows.map((r) => parseStored(FrozenStandardScores, r, 'evaluation_publication_region.scorecard'));
  },

  /**
   * The results workbook kept for a publication version, when it was written from the inputs that
   * hash to `inputsHash` (decision 0211); undefined when none is kept or the inputs have moved.
   */
  async keptWorkbook(db: Db, roundId: string, version: number, inputsHash: string): Promise<Buffer | undefined> {
    const row = await db
      .selectFrom('evaluation_results_workbook')
      .select('file')
      .where('round_id', '=', roundId)
      .where('version', '=', version)
      .where('inputs_hash', '=', inputsHash)
      .executeTakeFirst();
    // PGlite answers a bytea as a Uint8Array, node-postgres as a Buffer: one view of the same bytes
    return row && Buffer.from(row.file.buffer, row.file.byteOffset, row.file.byteLength);
  },

  /** Keeps the workbook of a publication version written from these inputs, replacing an older one. */
  async keepWorkbook(db: Db, roundId: string, version: number, inputsHash: string, file: Buffer): Promise<void> {
    await db
      .insertInto('evaluation_results_workbook')
      .values({ round_id: roundId, version, inputs_hash: inputsHash, file })
      .onConflict((oc) =>
        oc.columns(['round_id', 'version']).doUpdateSet({ inputs_hash: inputsHash, file, written_at: new Date() }),
      )
      .execute();
  },

  /** A publication's ranking rows, best first within each group. */
  rows(db: Db, roundId: string, version: number) {
    return db
      .selectFrom('evaluation_publication_region as x')
      .innerJoin('region as g', 'g.code', 'x.region_code')
      .select([
        'x.region_code',
        'x.city_group',
        'x.main_score',
        'x.minors_score',
        'x.minors_gate_passed',
        'x.deducted',
        'x.total',
        'x.rate',
        'x.rank',
        'x.previous_total',
        'g.name',
        'g.path',
      ])
      .where('x.round_id', '=', roundId)
      .where('x.version', '=', version)
      .orderBy('x.city_group')
      .orderBy('x.rank')
      .orderBy('x.region_code')
      .execute();
  },

  /** The results in force (those of the latest publication), best first within each group. */
  resultsInForce(db: Db, roundId: string) {
    return db
      .selectFrom('evaluation_round_result as x')
      .innerJoin('region as g', 'g.code', 'x.region_code')
      .selectAll('x')
      .select(['g.name', 'g.path'])
      .where('x.round_id', '=', roundId)
      .orderBy('x.city_group')
      .orderBy('x.rank')
      .orderBy('x.region_code')
      .execute();
  },

  /** The results in force are those of the latest publication: replace them. */
  async replaceResults(db: Db, roundId: string, rows: Insertable<Database['evaluation_round_result']>[]) {
    await db.deleteFrom('evaluation_round_result').where('round_id', '=', roundId).execute();
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto('evaluation_round_result')
        .values(rows.slice(i, i + 500))
        .execute();
    }
  },
};

/** A frozen scorecard, checked against the schema and returned as stored: its digest is attested. */
/** What the Excel export reads of a frozen scorecard: the region's name and every standard's code and score. */
const FrozenStandardScores = z
  .object({
    region_code: z.string(),
    name: z.string(),
    codes: z.array(z.string()),
    scores: z.array(z.number()),
  })
  .refine((r) => r.codes.length === r.scores.length, 'every standard has its code and score');

function frozenScorecard(value: unknown): Scorecard {
  return checkStored(Scorecard, value, 'evaluation_publication_region.scorecard');
}
