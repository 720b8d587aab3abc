import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;
export type ResultRow = Selectable<Database['evaluation_result']> & { scorer_name: string };
export type FindingRow = Selectable<Database['evaluation_finding']> & { scorer_name: string };
/** A result as the computation reads it: standard, checked, passed, satisfaction, value, reviewed, not applicable, note, scorer id. */
type PackedResult = [
  string,
  number | null,
  number | null,
  number | null,
  number | null,
  boolean,
  boolean,
  string,
  string,
];
/** An active finding as the computation reads it: id, standard, deduction, description, evidence id, scorer id. */
type PackedFinding = [string, string, number, string, string | null, string];
export type EvidenceRow = Selectable<Database['evaluation_evidence']> & { submitted_by_name: string };

/** A round's material with the name of who submitted it. */
const evidenceWithName = (db: Db) =>
  db
    .selectFrom('evaluation_evidence as e')
    .innerJoin('app_user as u', 'u.id', 'e.submitted_by')
    .selectAll('e')
    .select('u.display_name as submitted_by_name');

/** Results, and findings, with the name of their scorer. */
const resultsWithScorer = (db: Db) =>
  db
    .selectFrom('evaluation_result as r')
    .innerJoin('app_user as u', 'u.id', 'r.scorer_id')
    .selectAll('r')
    .select('u.display_name as scorer_name');
const findingsWithScorer = (db: Db) =>
  db
    .selectFrom('evaluation_finding as f')
    .innerJoin('app_user as u', 'u.id', 'f.scorer_id')
    .selectAll('f')
    .select('u.display_name as scorer_name');

/** SQL for the raw entries of a round: the cities' material, results and findings. */
export const scoreRepository = {
  async insertEvidence(db: Db, row: Insertable<Database['evaluation_evidence']>) {
    await db.insertInto('evaluation_evidence').values(row).execute();
  },

  findEvidence(db: Db, id: string) {
    return evidenceWithName(db).where('e.id', '=', id).executeTakeFirst();
  },

  /** Evidence of a round, optionally one region's. */
  evidence(db: Db, roundId: string, regionCode?: string): Promise<EvidenceRow[]> {
    let q = evidenceWithName(db).where('e.round_id', '=', roundId);
    if (regionCode) q = q.where('e.region_code', '=', regionCode);
    return q.orderBy('e.submitted_at').execute();
  },

  async upsertResult(db: Db, row: Insertable<Database['evaluation_result']>) {
    await db
      .insertInto('evaluation_result')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['round_id', 'region_code', 'standard_code']).doUpdateSet({
          checked: row.checked ?? null,
          passed: row.passed ?? null,
          satisfaction: row.satisfaction ?? null,
          value: row.value ?? null,
          reviewed: row.reviewed ?? false,
          not_applicable: row.not_applicable ?? false,
          source: row.source ?? 'manual',
          note: row.note ?? '',
          scorer_id: row.scorer_id,
          updated_at: new Date(),
        }),
      )
      .execute();
  },

  findResult(db: Db, roundId: string, regionCode: string, standardCode: string) {
    return resultsWithScorer(db)
      .where('r.round_id', '=', roundId)
      .where('r.region_code', '=', regionCode)
      .where('r.standard_code', '=', standardCode)
      .executeTakeFirst();
  },

  results(db: Db, roundId: string, regionCode?: string): Promise<ResultRow[]> {
    let q = resultsWithScorer(db).where('r.round_id', '=', roundId);
    if (regionCode) q = q.where('r.region_code', '=', regionCode);
    return q.execute();
  },

  async insertFinding(db: Db, row: Insertable<Database['evaluation_finding']>) {
    await db.insertInto('evaluation_finding').values(row).execute();
  },

  findFinding(db: Db, id: string) {
    return findingsWithScorer(db).where('f.id', '=', id).executeTakeFirst();
  },

  async withdrawFinding(db: Db, id: string, by: string, reason: string) {
    await db
      .updateTable('evaluation_finding')
      .set({ withdrawn_at: new Date(), withdrawn_by: by, withdrawn_reason: reason })
      .where('id', '=', id)
      .execute();
  },

  /** Findings of a round (optionally one region's), withdrawn ones included, oldest first. */
  findings(db: Db, roundId: string, regionCode?: string): Promise<FindingRow[]> {
    let q = findingsWithScorer(db).where('f.round_id', '=', roundId);
    if (regionCode) q = q.where('f.region_code', '=', regionCode);
    return q.orderBy('f.created_at').orderBy('f.id').execute();
  },

  /** Active findings with the columns the computation reads, oldest first. */
  findingsForCompute(db: Db, roundId: string, regionCode?: string) {
    let q = db
      .selectFrom('evaluation_finding')
      .select(['id', 'region_code', 'standard_code', 'deduction', 'description', 'evidence_id', 'scorer_id'])
      .where('round_id', '=', roundId)
      .where('withdrawn_at', 'is', null);
    if (regionCode) q = q.where('region_code', '=', regionCode);
    return q.orderBy('created_at').orderBy('id').execute();
  },

  /**
   * The results of a round (or of some of its regions) with the columns the computation reads, one
   * row per region holding a JSON array of tuples: a national round has about 460,000 results, and
   * 3,000 rows of compact JSON cross into Node far faster than 460,000 rows of ten columns
   * (above all on PGlite, whose protocol is row by row in process).
   */
  resultsPacked(db: Db, roundId: string, regionCodes?: string[]) {
    let q = db
      .selectFrom('evaluation_result')
      .select([
        'region_code',
        sql<PackedResult[]>`json_agg(json_build_array(standard_code, checked, passed, satisfaction, value, reviewed,
          not_applicable, note, scorer_id))`.as('rows'),
      ])
      .where('round_id', '=', roundId);
    if (regionCodes) q = q.where('region_code', 'in', regionCodes);
    return q.groupBy('region_code').execute();
  },

  /**
   * The active findings of a round (or of some of its regions) as JSON tuples per region, oldest
   * first within the region (the order a standard's cap is applied in).
   */
  findingsPacked(db: Db, roundId: string, regionCodes?: string[]) {
    let q = db
      .selectFrom('evaluation_finding')
      .select([
        'region_code',
        sql<
          PackedFinding[]
        >`json_agg(json_build_array(id, standard_code, deduction, description, evidence_id, scorer_id)
          order by created_at, id)`.as('rows'),
      ])
      .where('round_id', '=', roundId)
      .where('withdrawn_at', 'is', null);
    if (regionCodes) q = q.where('region_code', 'in', regionCodes);
    return q.groupBy('region_code').execute();
  },

  /** Display names of scorers. */
  async userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  },

  /** Ids of a round's (or one region's) material per standard. */
  evidenceIds(db: Db, roundId: string, regionCode?: string) {
    let q = db
      .selectFrom('evaluation_evidence')
      .select(['id', 'region_code', 'standard_code'])
      .where('round_id', '=', roundId);
    if (regionCode) q = q.where('region_code', '=', regionCode);
    return q.orderBy('submitted_at').execute();
  },
};
