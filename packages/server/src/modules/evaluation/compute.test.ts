import crypto from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { FrameworkDocument, standardsOf, type StandardEntries } from '@chuangcheng/core';
import { fileTestContext } from '../../test/harness.ts';
import { attachmentLookup } from '../attachments/index.ts';
import { computeRegion, computeRound, gatherRound, scoreGathered } from './compute.ts';
import { roundRepository, type RoundRow } from './round-repository.ts';
import { scoreRepository } from './score-repository.ts';

// Issue 13: the round's entries are read as JSON tuples per region, in parts of the round's regions
// at once. The reference here reads them the plain way (one row per result and finding, with the
// scorer's name joined) and builds the core scoring's inputs directly; both must give the same
// entries, and so the same scorecards, totals, ranks and losses.

const REGIONS = 260; // more than one part: the parts are read at once and joined

const ctx = fileTestContext();
let round: RoundRow;

beforeAll(async () => {
  const db = ctx.db;
  const framework = await db
    .selectFrom('evaluation_framework as f')
    .innerJoin('evaluation_framework_version as v', (j) =>
      j.onRef('v.framework_id', '=', 'f.id').onRef('v.version', '=', 'f.current_version'),
    )
    .select(['f.id', 'v.id as version_id', 'v.document'])
    .where('f.edition', '=', 'model-2018-2020-prefecture')
    .executeTakeFirstOrThrow();
  const doc = FrameworkDocument.parse(framework.document);
  const users = await db.selectFrom('app_user').select('id').orderBy('username').limit(3).execute();
  const [u1, u2] = [users[0]!.id, users.at(-1)!.id];
  const id = crypto.randomUUID();
  await db
    .insertInto('evaluation_round')
    .values({
      id,
      name: '2019 年度测评（读法对照）',
      kind: 'year_end',
      status: 'scoring',
      year: 2019,
      period_start: '2019-01-01',
      period_end: '2019-12-31',
      test_date: '2019-08-01',
      owner_region_code: '23',
      framework_id: framework.id,
      framework_version_id: framework.version_id,
      created_by: u1,
    })
    .execute();
  await sql`
    insert into evaluation_round_region (round_id, region_code, prefecture_code, city_group)
    select ${id}::uuid, r.code, r.prefecture_code,
      case when r.level = 2 then 'prefecture' when r.name like '%区' then 'district' else 'county' end
    from (select code, name, level, prefecture_code from region where level between 2 and 5
          order by level, code limit ${REGIONS}) r`.execute(db);
  const values = sql.join(
    standardsOf(doc).map(({ standard: s }) => sql`(${s.code}, ${s.rule.kind}, ${s.points}::numeric)`),
  );
  const h = (expr: ReturnType<typeof sql>, mod: number) => sql`(abs(hashtext(${expr})) % ${mod})`;
  // some material, which findings point to and losses explain with
  await sql`
    with s(code, kind, pts) as (values ${values})
    insert into evaluation_evidence (id, round_id, region_code, prefecture_code, standard_code, note, submitted_by)
    select gen_random_uuid(), rr.round_id, rr.region_code, rr.prefecture_code, s.code, '材料', ${u2}::uuid
    from evaluation_round_region rr cross join s
    where rr.round_id = ${id}::uuid and ${h(sql`rr.region_code || s.code || 'e'`, 4)} = 0`.execute(db);
  // results of every kind, some regions left without any (unscored, not ranked), some not applicable
  await sql`
    with s(code, kind, pts) as (values ${values})
    insert into evaluation_result (round_id, region_code, standard_code, prefecture_code, checked, passed,
      satisfaction, value, reviewed, not_applicable, source, note, scorer_id)
    select rr.round_id, rr.region_code, s.code, rr.prefecture_code,
      case when s.kind = 'proportion' then 12 end,
      case when s.kind = 'proportion' then ${h(sql`rr.region_code || s.code`, 13)} end,
      case when s.kind = 'survey' then 60 + ${h(sql`rr.region_code || s.code`, 4000)} / 100.0 end,
      case when s.kind = 'threshold' then ${h(sql`rr.region_code || s.code`, 100000)} / 1000.0 + 0.1 end,
      ${h(sql`rr.region_code || s.code || 'r'`, 3)} > 0,
      ${h(sql`rr.region_code || s.code || 'n'`, 17)} = 0,
      'manual',
      case when ${h(sql`rr.region_code || s.code || 'm'`, 5)} = 0 then '抽查' || s.code else '' end,
      case when ${h(sql`rr.region_code || s.code || 'u'`, 2)} = 0 then ${u1}::uuid else ${u2}::uuid end
    from evaluation_round_region rr cross join s
    where rr.round_id = ${id}::uuid and ${h(sql`rr.region_code`, 9)} > 0
      and ${h(sql`rr.region_code || s.code || 'x'`, 6)} > 0`.execute(db);
  // findings on deduction standards: up to four, costly enough to reach the cap, some recorded in the
  // same instant (ordered by id), some withdrawn, some pointing to material
  await sql`
    with s(code, kind, pts) as (values ${values})
    insert into evaluation_finding (id, round_id, region_code, prefecture_code, standard_code, description, deduction,
      site_type, location, evidence_id, scorer_id, created_at, withdrawn_at, withdrawn_by, withdrawn_reason)
    select gen_random_uuid(), rr.round_id, rr.region_code, rr.prefecture_code, s.code, '问题 ' || k || ' ' || s.code,
      0.5 * (1 + ${h(sql`rr.region_code || s.code || k::text`, 5)}), null, null,
      case when k = 2 then (select e.id from evaluation_evidence e where e.round_id = rr.round_id
        and e.region_code = rr.region_code and e.standard_code = s.code limit 1) end,
      case when k % 2 = 0 then ${u1}::uuid else ${u2}::uuid end,
      timestamptz '2019-07-01 08:00:00+08' + (${h(sql`rr.region_code || s.code || k::text || 't'`, 3)}) * interval '1 hour',
      case when ${h(sql`rr.region_code || s.code || k::text || 'w'`, 7)} = 0 then now() end,
      case when ${h(sql`rr.region_code || s.code || k::text || 'w'`, 7)} = 0 then ${u1}::uuid end,
      case when ${h(sql`rr.region_code || s.code || k::text || 'w'`, 7)} = 0 then '复核撤销' end
    from evaluation_round_region rr cross join s cross join generate_series(1, 4) k
    where rr.round_id = ${id}::uuid and s.kind = 'deduction' and ${h(sql`rr.region_code`, 9)} > 0
      and ${h(sql`rr.region_code || s.code || k::text`, 3)} = 0`.execute(db);
  // photos on some findings, two on a few
  await sql`
    insert into attachment (id, owner_type, owner_id, file_name, content_type, size_bytes, sha256, storage_key,
      region_code, prefecture_code, uploaded_by, uploaded_at)
    select gen_random_uuid(), 'evaluation_finding', f.id, '照片' || n || '.jpg', 'image/jpeg', 1000, 'x',
      'compute-test/' || f.id || '/' || n, f.region_code, f.prefecture_code, f.scorer_id,
      timestamptz '2019-07-02 08:00:00+08' + n * interval '1 minute'
    from evaluation_finding f cross join generate_series(1, 2) n
    where f.round_id = ${id}::uuid and ${h(sql`f.id::text`, 4)} < n`.execute(db);
  round = (await db.selectFrom('evaluation_round').selectAll().where('id', '=', id).executeTakeFirstOrThrow())!;
});

/** The round's entries read the plain way: one row per result and finding, names joined. */
async function referenceEntries(roundId: string) {
  const [results, findings, evidence] = await Promise.all([
    scoreRepository.results(ctx.db, roundId),
    scoreRepository.findings(ctx.db, roundId),
    scoreRepository.evidence(ctx.db, roundId),
  ]);
  const active = findings.filter((f) => f.withdrawn_at === null);
  const photos = await attachmentLookup.listFilesOf(
    ctx.db,
    ['evaluation_finding'],
    active.map((f) => f.id),
  );
  const byRegion = new Map<string, Map<string, StandardEntries>>();
  const slot = (region: string, standard: string) => {
    const m = byRegion.get(region) ?? new Map<string, StandardEntries>();
    byRegion.set(region, m);
    const e = m.get(standard) ?? { result: null, findings: [], evidenceIds: [] };
    m.set(standard, e);
    return e;
  };
  for (const r of results) {
    slot(r.region_code, r.standard_code).result = {
      checked: r.checked,
      passed: r.passed,
      satisfaction: r.satisfaction === null ? null : Number(r.satisfaction),
      value: r.value,
      reviewed: r.reviewed,
      notApplicable: r.not_applicable,
      note: r.note,
      scorer: r.scorer_name,
    };
  }
  for (const f of active) {
    slot(f.region_code, f.standard_code).findings.push({
      id: f.id,
      deduction: Number(f.deduction),
      description: f.description,
      scorer: f.scorer_name,
      evidenceId: f.evidence_id,
      attachmentIds: photos.filter((p) => p.owner_id === f.id).map((p) => p.id),
    });
  }
  for (const e of evidence) slot(e.region_code, e.standard_code).evidenceIds.push(e.id);
  return byRegion;
}

describe('gathering a round in parts of JSON tuples', () => {
  it('reads the same entries as the plain reading, and so scores, ranks and explains the same', async () => {
    const gathered = await gatherRound(ctx.db, round);
    const reference = await referenceEntries(round.id);
    expect(gathered.regions).toHaveLength(REGIONS);
    expect(gathered.entries).toEqual(reference);

    const computed = await computeRound(ctx.db, round);
    const expected = scoreGathered({ ...gathered, entries: reference });
    expect(computed).toEqual(expected);
    // the data exercise what they should: losses traced to findings with photos and material,
    // capped standards, unscored regions left unranked, regions in several groups
    const losses = computed.regions.flatMap((r) => r.score.losses);
    expect(losses.filter((l) => l.findingId !== null && l.attachmentIds.length > 0).length).toBeGreaterThan(0);
    expect(losses.filter((l) => l.findingId !== null && l.evidenceIds.length > 0).length).toBeGreaterThan(0);
    expect(losses.filter((l) => l.findingId === null).length).toBeGreaterThan(0);
    expect(computed.regions.filter((r) => r.rank === null).length).toBeGreaterThan(0);
    expect(new Set(computed.regions.map((r) => r.region.city_group)).size).toBeGreaterThan(1);
  });

  it('reads one region alone as it reads it within the round', async () => {
    const regions = await roundRepository.regions(ctx.db, round.id);
    const computed = await computeRound(ctx.db, round);
    const gathered = await gatherRound(ctx.db, round);
    for (const region of [regions[0]!, regions[137]!, regions.at(-1)!]) {
      const alone = await computeRegion(ctx.db, round, region, gathered.framework);
      expect(alone).toEqual(computed.regions.find((r) => r.region.code === region.code)!.score);
    }
  });
});
