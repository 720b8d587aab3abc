import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { parse as parseYaml } from 'yaml';
import {
  canonicalJson,
  checkFramework,
  FrameworkDocument,
  type EvaluationMethod,
  type FrameworkStandard,
} from '../../packages/core/src/index.ts';
import type { Database } from '../../packages/server/src/db/schema.ts';
import { REPO_ROOT } from './server.ts';

export type GeneratedRound = {
  id: string;
  label: string;
  regions: number;
  standards: number;
  findings: number;
  results: number;
  regionCodes: string[];
};

const METHODS: EvaluationMethod[] = ['material', 'field', 'field', 'questionnaire', 'indicator', 'simulation', 'field'];

/**
 * A framework of about 300 standards with the shipped model's settings (method groups 40/40/20,
 * minors' gate, thresholds, negative list): 7 main projects × 6 contents × 7 standards and a
 * minors project of 8, every rule kind represented.
 */
function syntheticFramework(): FrameworkDocument {
  const model = FrameworkDocument.parse(
    parseYaml(fs.readFileSync(path.join(REPO_ROOT, 'data/frameworks/model-2018-2020-prefecture.yaml'), 'utf8')),
  );
  const standard = (code: string, i: number): FrameworkStandard => {
    const method = METHODS[i % METHODS.length]!;
    const rule: FrameworkStandard['rule'] =
      method === 'questionnaire'
        ? { kind: 'survey' }
        : method === 'indicator'
          ? { kind: 'threshold', comparator: 'gte', target: 90, partial: 'linear' }
          : method === 'field' && i % 2 === 0
            ? { kind: 'proportion' }
            : { kind: 'deduction', perFinding: 0.5 };
    return { code, text: `测评标准 ${code}`, method, points: 1 + (i % 3) * 0.5, rule, siteTypes: [] };
  };
  const projects: FrameworkDocument['projects'] = [];
  for (let p = 1; p <= 7; p++) {
    projects.push({
      code: `P${p}`,
      name: `测评项目 ${p}`,
      part: 'main',
      contents: Array.from({ length: 6 }, (_, c) => ({
        code: `P${p}.C${c + 1}`,
        name: `测评内容 ${p}.${c + 1}`,
        standards: Array.from({ length: 7 }, (_, s) => standard(`P${p}.C${c + 1}.S${s + 1}`, p * 7 + c * 3 + s)),
      })),
    });
  }
  projects.push({
    code: 'M1',
    name: '未成年人思想道德建设',
    part: 'minors',
    contents: [1, 2].map((c) => ({
      code: `M1.C${c}`,
      name: `未成年人内容 ${c}`,
      standards: Array.from({ length: 4 }, (_, s) => standard(`M1.C${c}.S${s + 1}`, c + s)),
    })),
  });
  const doc = { ...model, edition: 'bench-300', name: '基准测试框架（约300项标准）', projects };
  const problems = checkFramework(doc);
  if (problems.length > 0) throw new Error(`synthetic framework: ${JSON.stringify(problems)}`);
  return doc;
}

/**
 * A round in status `scoring` for the regions `regionSql` selects, with raw entries as scorers
 * leave them: about 0.6 findings per deduction standard and region (0.5 points each), checks
 * passed for proportion standards, satisfaction for surveys and a value for indicator standards.
 * Written straight into the database while no server runs.
 */
async function generateRound(
  db: Kysely<Database>,
  frameworkId: string,
  versionId: string,
  doc: FrameworkDocument,
  label: string,
  regionSql: ReturnType<typeof sql>,
): Promise<GeneratedRound> {
  const id = crypto.randomUUID();
  const admin = await db.selectFrom('app_user').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
  await db
    .insertInto('evaluation_round')
    .values({
      id,
      name: label,
      kind: 'year_end',
      status: 'scoring',
      year: 2019,
      period_start: '2019-01-01',
      period_end: '2019-12-31',
      test_date: '2019-08-01',
      owner_region_code: '23',
      framework_id: frameworkId,
      framework_version_id: versionId,
      created_by: admin.id,
    })
    .execute();
  await sql`
    insert into evaluation_round_region (round_id, region_code, prefecture_code, city_group)
    select ${id}::uuid, r.code, r.prefecture_code,
      case when r.code = '2301' then 'capital' when r.level = 2 then 'prefecture'
           when r.name like '%区' then 'district' else 'county' end
    from (${regionSql}) r`.execute(db);
  const standards = doc.projects.flatMap((p) => p.contents.flatMap((c) => c.standards));
  const values = sql.join(
    standards.map(
      (s) => sql`(${s.code}, ${s.rule.kind}, ${s.rule.kind === 'deduction' ? s.rule.perFinding : 0}::numeric)`,
    ),
  );
  await sql`
    with s(code, kind, per) as (values ${values})
    insert into evaluation_finding (id, round_id, region_code, prefecture_code, standard_code, description, deduction,
      site_type, location, evidence_id, scorer_id)
    select gen_random_uuid(), rr.round_id, rr.region_code, rr.prefecture_code, s.code, '现场发现问题 ' || k, s.per,
      null, '点位 ' || k, null, ${admin.id}::uuid
    from evaluation_round_region rr cross join s cross join generate_series(1, 3) k
    where rr.round_id = ${id}::uuid and s.kind = 'deduction'
      and abs(hashtext(rr.region_code || s.code || k::text)) % 5 = 0`.execute(db);
  await sql`
    with s(code, kind, per) as (values ${values})
    insert into evaluation_result (round_id, region_code, standard_code, prefecture_code, checked, passed,
      satisfaction, value, reviewed, source, note, scorer_id)
    select rr.round_id, rr.region_code, s.code, rr.prefecture_code,
      case when s.kind = 'proportion' then 10 end,
      case when s.kind = 'proportion' then 6 + abs(hashtext(rr.region_code || s.code)) % 5 end,
      case when s.kind = 'survey' then 70 + abs(hashtext(rr.region_code || s.code)) % 30 end,
      case when s.kind = 'threshold' then 80 + abs(hashtext(rr.region_code || s.code)) % 20 end,
      true, 'manual', '', ${admin.id}::uuid
    from evaluation_round_region rr cross join s
    -- every standard is scored (deduction standards marked reviewed), so the round can be published
    where rr.round_id = ${id}::uuid`.execute(db);
  const counts = await sql<{ regions: number; findings: number; results: number }>`
    select (select count(*) from evaluation_round_region where round_id = ${id}::uuid)::int as regions,
           (select count(*) from evaluation_finding where round_id = ${id}::uuid)::int as findings,
           (select count(*) from evaluation_result where round_id = ${id}::uuid)::int as results`.execute(db);
  const codes = await db
    .selectFrom('evaluation_round_region')
    .select('region_code')
    .where('round_id', '=', id)
    .orderBy('region_code')
    .execute();
  return { id, label, standards: standards.length, ...counts.rows[0]!, regionCodes: codes.map((c) => c.region_code) };
}

/**
 * The bench's two year-end rounds under a ~300-standard framework: every Heilongjiang prefecture
 * and county-level unit (about 140), and a national-sized round of 3,000 units (the province's
 * prefectures, counties, townships and villages standing in for the country's county-level units).
 */
export async function generateEvaluationData(db: Kysely<Database>) {
  const started = performance.now();
  const doc = syntheticFramework();
  const frameworkId = crypto.randomUUID();
  const versionId = crypto.randomUUID();
  await db
    .insertInto('evaluation_framework')
    .values({ id: frameworkId, edition: doc.edition, name: doc.name, owner_region_code: '23', current_version: 1 })
    .execute();
  await db
    .insertInto('evaluation_framework_version')
    .values({
      id: versionId,
      framework_id: frameworkId,
      version: 1,
      document: JSON.stringify(doc),
      checksum: crypto.createHash('sha256').update(canonicalJson(doc)).digest('hex'),
      standard_count: doc.projects.flatMap((p) => p.contents.flatMap((c) => c.standards)).length,
      note: 'bench',
      created_by_name: 'bench',
    })
    .execute();
  const province = await generateRound(
    db,
    frameworkId,
    versionId,
    doc,
    'Heilongjiang, ~140 units',
    sql`select code, name, level, prefecture_code from region where level in (2, 3)`,
  );
  const national = await generateRound(
    db,
    frameworkId,
    versionId,
    doc,
    'national-sized, 3,000 units',
    sql`select code, name, level, prefecture_code from region where level between 2 and 5 order by level, code limit 3000`,
  );
  await sql`analyze`.execute(db);
  return { rounds: [province, national], generateMs: performance.now() - started };
}
