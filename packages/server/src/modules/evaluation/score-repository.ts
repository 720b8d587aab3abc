import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;
export type ResultRow = Selectable<Database['evaluation_result']> & { scorer_name: string };
export type FindingRow = Selectable<Database['evaluation_finding']> & { scorer_name: string };
/**
 * A part of a round's results as the computation reads them, one row per region (decision 0190):
 * `rows` is text, one result per `;`-separated record of `,`-separated fields: standard code,
 * checked, passed, satisfaction, value (empty when null), flags (1 reviewed + 2 not applicable)
 * and the scorer as an index into `scorers`; `notes` the results with a non-empty note as
 * [standard, note] pairs. The first row (region null) lists the part's scorer ids in index order.
 */
type ResultsText = { region_code: string | null; rows: string; notes: [string, string][] | null };
/** An active finding as the computation reads it: id, standard, deduction, description, evidence id, scorer index. */
type PackedFinding = [string, string, number, string, string | null, number];
/** A part of a round's active findings, one row per region; the first row (region null) lists the scorer ids. */
type FindingsPacked = { region_code: string | null; scorers: string | null; rows: PackedFinding[] | null };
/** A region of a round as the per-region reads name it: its code and its distribution column. */
type RegionKey = { code: string; prefecture_code: string };
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

  /** Evidence of a round, optionally one region's (named with its prefecture: one shard). */
  evidence(db: Db, roundId: string, region?: RegionKey): Promise<EvidenceRow[]> {
    let q = evidenceWithName(db).where('e.round_id', '=', roundId);
    if (region) q = q.where('e.prefecture_code', '=', region.prefecture_code).where('e.region_code', '=', region.code);
    return q.orderBy('e.submitted_at').execute();
  },

  async upsertResult(db: Db, row: Insertable<Database['evaluation_result']>) {
    await db
      .insertInto('evaluation_result')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['round_id', 'region_code', 'standard_code', 'prefecture_code']).doUpdateSet({
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

  findResult(db: Db, roundId: string, region: RegionKey, standardCode: string) {
    return resultsWithScorer(db)
      .where('r.round_id', '=', roundId)
      .where('r.region_code', '=', region.code)
      .where('r.prefecture_code', '=', region.prefecture_code)
      .where('r.standard_code', '=', standardCode)
      .executeTakeFirst();
  },

  /** Results of a round, optionally one region's (named with its prefecture: one shard). */
  results(db: Db, roundId: string, region?: RegionKey): Promise<ResultRow[]> {
    let q = resultsWithScorer(db).where('r.round_id', '=', roundId);
    if (region) q = q.where('r.prefecture_code', '=', region.prefecture_code).where('r.region_code', '=', region.code);
    return q.execute();
  },

  async insertFinding(db: Db, row: Insertable<Database['evaluation_finding']>) {
    await db.insertInto('evaluation_finding').values(row).execute();
  },

  findFinding(db: Db, id: string) {
    return findingsWithScorer(db).where('f.id', '=', id).executeTakeFirst();
  },

  /** Withdraws a finding named by its whole key (read before), so the write goes to one shard. */
  async withdrawFinding(db: Db, key: { prefecture_code: string; id: string }, by: string, reason: string) {
    await db
      .updateTable('evaluation_finding')
      .set({ withdrawn_at: new Date(), withdrawn_by: by, withdrawn_reason: reason })
      .where('prefecture_code', '=', key.prefecture_code)
      .where('id', '=', key.id)
      .execute();
  },

  /** Findings of a round (optionally one region's), withdrawn ones included, oldest first. */
  findings(db: Db, roundId: string, region?: RegionKey): Promise<FindingRow[]> {
    let q = findingsWithScorer(db).where('f.round_id', '=', roundId);
    if (region) q = q.where('f.prefecture_code', '=', region.prefecture_code).where('f.region_code', '=', region.code);
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
   * The results of some regions of a round as one text per region (`ResultsText`): a national round
   * has about 906,000 results, and JSON tuples with the scorer's id on each were 85 MB to carry
   * through the driver; the text with the scorer as an index into the part's few scorers is about a
   * fifth of that. Standard codes are letters, digits, dot, dash and underscore (the framework
   * schema), so they never hold a separator; notes are free text and come as JSON, and only the few
   * that are not empty.
   */
  async resultsText(db: Db, roundId: string, regionCodes: string[]): Promise<ResultsText[]> {
    const { rows } = await sql<ResultsText>`
      with s as (
        select scorer_id, (row_number() over (order by scorer_id))::int - 1 as ix
        from (select distinct scorer_id from evaluation_result
              where round_id = ${roundId} and region_code in (${sql.join(regionCodes)})) d)
      select null as region_code, string_agg(scorer_id::text, ',' order by ix) as rows, null::json as notes from s
      union all
      select r.region_code,
        string_agg(concat(r.standard_code, ',', r.checked, ',', r.passed, ',', r.satisfaction, ',', r.value, ',',
          r.reviewed::int + 2 * r.not_applicable::int, ',', s.ix), ';'),
        json_agg(json_build_array(r.standard_code, r.note)) filter (where r.note <> '')
      from evaluation_result r join s on s.scorer_id = r.scorer_id
      where r.round_id = ${roundId} and r.region_code in (${sql.join(regionCodes)})
      group by r.region_code`.execute(db);
    return rows;
  },

  /**
   * The active findings of some regions of a round as JSON tuples per region, oldest first within
   * the region (the order a standard's cap is applied in), the scorer as an index into the part's
   * scorers (`FindingsPacked`).
   */
  async findingsPacked(db: Db, roundId: string, regionCodes: string[]): Promise<FindingsPacked[]> {
    const { rows } = await sql<FindingsPacked>`
      with f as (
        select id, region_code, standard_code, deduction, description, evidence_id, scorer_id, created_at
        from evaluation_finding
        where round_id = ${roundId} and region_code in (${sql.join(regionCodes)}) and withdrawn_at is null),
      s as (
        select scorer_id, (row_number() over (order by scorer_id))::int - 1 as ix
        from (select distinct scorer_id from f) d)
      select null as region_code, string_agg(scorer_id::text, ',' order by ix) as scorers, null::json as rows from s
      union all
      select f.region_code, null,
        json_agg(json_build_array(f.id, f.standard_code, f.deduction, f.description, f.evidence_id, s.ix)
          order by f.created_at, f.id)
      from f join s on s.scorer_id = f.scorer_id
      group by f.region_code`.execute(db);
    return rows;
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
