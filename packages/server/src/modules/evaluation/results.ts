import {
  annualScore,
  CityGroup,
  cycleTotal,
  groupStats,
  rankWithinGroups,
  type FrameworkDocument,
  type Ranking,
  type RegionScore,
  type SanctionEffect,
  type Scorecard,
} from '@chuangcheng/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { invalid, notFound } from '../../http/problem.ts';
import { isWithinScope } from '@chuangcheng/core';
import type { Actor } from '../auth/actor.ts';
import { computeRegion, computeRound, type ComputedRound, type RoundRegionRow } from './compute.ts';
import { frameworkRepository } from './framework-repository.ts';
import { evaluationPolicy } from './policy.ts';
import { roundRepository } from './round-repository.ts';
import { loadRound } from './rounds.ts';

type Db = Kysely<Database>;

const regionView = (r: RoundRegionRow) => ({
  code: r.code,
  name: r.name,
  path: r.path,
  cityGroup: r.city_group as CityGroup,
});

type AttachmentRef = { id: string; fileName: string; contentType: string; sizeBytes: number };

/** Names the files and material behind each loss (two queries for the whole scorecard). */
async function withFiles(db: Db, losses: RegionScore['losses']) {
  const evidenceIds = [...new Set(losses.flatMap((l) => l.evidenceIds))];
  const evidence =
    evidenceIds.length === 0
      ? []
      : await db.selectFrom('evaluation_evidence').select(['id', 'note']).where('id', 'in', evidenceIds).execute();
  const ownerIds = [...new Set(losses.flatMap((l) => (l.findingId ? [l.findingId] : [])).concat(evidenceIds))];
  const files =
    ownerIds.length === 0
      ? []
      : await db
          .selectFrom('attachment')
          .select(['id', 'owner_id', 'file_name', 'content_type', 'size_bytes'])
          .where('owner_type', 'in', ['evaluation_finding', 'evaluation_evidence'])
          .where('owner_id', 'in', ownerIds)
          .orderBy('uploaded_at')
          .execute();
  const ref = (f: (typeof files)[number]): AttachmentRef => ({
    id: f.id,
    fileName: f.file_name,
    contentType: f.content_type,
    sizeBytes: f.size_bytes,
  });
  return losses.map((l) => ({
    ...l,
    attachments: files.filter((f) => l.attachmentIds.includes(f.id)).map(ref),
    evidence: l.evidenceIds.map((id) => ({
      id,
      note: evidence.find((e) => e.id === id)?.note ?? '',
      attachments: files.filter((f) => f.owner_id === id).map(ref),
    })),
  }));
}

function scorecardOf(
  roundId: string,
  published: boolean,
  isModel: boolean,
  region: RoundRegionRow,
  score: RegionScore,
  rank: number | null,
  groupTotals: number[],
  previous: Scorecard['previous'],
  losses: Scorecard['losses'],
): Scorecard {
  return {
    roundId,
    region: regionView(region),
    published,
    isModelFramework: isModel,
    mainScore: score.mainScore,
    minorsScore: score.minorsScore,
    minorsGatePassed: score.minorsGatePassed,
    deductions: score.deductions,
    total: score.total,
    rate: score.rate,
    rank,
    groupSize: groupTotals.length,
    methods: score.methods,
    projects: score.projects,
    losses,
    previous,
    group: groupStats(groupTotals),
    unscored: score.unscored,
  };
}

/**
 * A region's explained scorecard: the tree of points, every point lost traced to its standard,
 * finding, evidence and scorer, the negative-list deductions, the rank in its city group and
 * comparisons with the previous round and the group. A published round reads rank and group
 * figures from its frozen results; an open one ranks all its regions on the fly.
 */
export async function readScorecard(db: Db, actor: Actor, roundId: string, regionCode: string): Promise<Scorecard> {
  const round = await loadRound(db, roundId);
  const region = await roundRepository.findRegion(db, roundId, regionCode);
  if (!region) throw notFound(`region ${regionCode} in round ${roundId}`);
  evaluationPolicy.canSeeScores(actor, round.access, region);
  const doc = (await frameworkRepository.findVersionById(db, round.row.framework_version_id))
    .document as FrameworkDocument;
  const prev = await roundRepository.previousResult(db, round.row, regionCode);
  const previous = prev ? { roundId: prev.id, name: prev.name, total: prev.total, rank: prev.rank } : null;
  const published = round.row.status === 'published';
  if (published) {
    const score = await computeRegion(db, round.row, region, doc);
    const frozen = await db
      .selectFrom('evaluation_round_result')
      .select(['region_code', 'total', 'rank'])
      .where('round_id', '=', roundId)
      .where('city_group', '=', region.city_group)
      .execute();
    const mine = frozen.find((f) => f.region_code === regionCode);
    return scorecardOf(
      roundId,
      true,
      round.row.framework_is_model,
      region,
      score,
      mine?.rank ?? null,
      frozen.map((f) => f.total),
      previous,
      await withFiles(db, score.losses),
    );
  }
  const computed = await computeRound(db, round.row, doc);
  const mine = computed.regions.find((r) => r.region.code === regionCode)!;
  const group = computed.regions.filter((r) => r.region.city_group === region.city_group).map((r) => r.score.total);
  return scorecardOf(
    roundId,
    false,
    round.row.framework_is_model,
    region,
    mine.score,
    mine.rank,
    group,
    previous,
    await withFiles(db, mine.score.losses),
  );
}

function rankingOf(
  roundId: string,
  published: boolean,
  computed: ComputedRound,
  previous: Map<string, number>,
): Ranking {
  const groups = CityGroup.options
    .map((cityGroup) => ({
      cityGroup,
      rows: computed.regions
        .filter((r) => r.region.city_group === cityGroup)
        .map((r) => ({
          rank: r.rank,
          region: regionView(r.region),
          total: r.score.total,
          rate: r.score.rate,
          mainScore: r.score.mainScore,
          minorsScore: r.score.minorsScore,
          minorsGatePassed: r.score.minorsGatePassed,
          deducted: r.score.deducted,
          previousTotal: previous.get(r.region.code) ?? null,
        })),
    }))
    .filter((g) => g.rows.length > 0);
  return { roundId, published, groups };
}

/**
 * Rankings within city groups, with points, score rate and the previous total: from the
 * frozen results once published, computed from the raw entries before.
 */
export async function readRanking(db: Db, actor: Actor, roundId: string, cityGroup?: CityGroup): Promise<Ranking> {
  const round = await loadRound(db, roundId);
  evaluationPolicy.canSeeRanking(actor, round.access);
  const previous = await roundRepository.previousTotals(db, round.row);
  let ranking: Ranking;
  if (round.row.status === 'published') {
    const frozen = await roundRepository.frozenResults(db, roundId);
    ranking = {
      roundId,
      published: true,
      groups: CityGroup.options
        .map((g) => ({
          cityGroup: g,
          rows: frozen
            .filter((r) => r.city_group === g)
            .map((r) => ({
              rank: r.rank,
              region: { code: r.region_code, name: r.name, path: r.path, cityGroup: g },
              total: r.total,
              rate: r.rate,
              mainScore: r.main_score,
              minorsScore: r.minors_score,
              minorsGatePassed: r.minors_gate_passed,
              deducted: r.deducted,
              previousTotal: previous.get(r.region_code) ?? null,
            })),
        }))
        .filter((g) => g.rows.length > 0),
    };
  } else {
    ranking = rankingOf(roundId, false, await computeRound(db, round.row), previous);
  }
  return cityGroup ? { ...ranking, groups: ranking.groups.filter((g) => g.cityGroup === cityGroup) } : ranking;
}

const GROUP_LABELS: Record<CityGroup, string> = {
  capital: '省会和副省级城市',
  prefecture: '地级城市',
  county: '县级市和县',
  district: '市辖区',
};

/** The publication as Excel: one ranking sheet per city group and every standard's score per region. */
export async function resultsWorkbook(
  db: Db,
  actor: Actor,
  roundId: string,
): Promise<{ name: string; buffer: Buffer }> {
  const ranking = await readRanking(db, actor, roundId);
  const round = await loadRound(db, roundId);
  const computed = await computeRound(db, round.row);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chuangcheng';
  const notice = round.row.framework_is_model ? '（模型框架试算结果，非正式测评体系）' : '';
  for (const group of ranking.groups) {
    const sheet = workbook.addWorksheet(GROUP_LABELS[group.cityGroup], { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.columns = [8, 18, 12, 12, 12, 12, 12, 12, 12].map((width) => ({ width }));
    sheet.mergeCells(1, 1, 1, 9);
    sheet.getCell(1, 1).value =
      `${round.row.name} ${GROUP_LABELS[group.cityGroup]}排名${notice}${ranking.published ? '' : '（未发布）'}`;
    sheet.getCell(1, 1).font = { bold: true, size: 14 };
    const header = sheet.getRow(2);
    header.values = [
      '排名',
      '地区',
      '总分',
      '得分率',
      '基本分',
      '未成年人',
      '未成年人门槛',
      '负面清单扣分',
      '上次得分',
    ];
    header.font = { bold: true };
    for (const r of group.rows) {
      sheet.addRow([
        r.rank,
        r.region.name,
        r.total,
        `${(r.rate * 100).toFixed(2)}%`,
        r.mainScore,
        r.minorsScore ?? '',
        r.minorsGatePassed === null ? '' : r.minorsGatePassed ? '达标' : '未达标',
        r.deducted || '',
        r.previousTotal ?? '',
      ]);
    }
  }
  const detail = workbook.addWorksheet('测评标准得分', { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] });
  const regions = computed.regions;
  detail.columns = [{ width: 14 }, { width: 40 }, { width: 8 }, ...regions.map(() => ({ width: 10 }))];
  detail.getRow(1).values = ['标准编码', '测评标准', '分值', ...regions.map((r) => r.region.name)];
  detail.getRow(1).font = { bold: true };
  const scores = regions.map((r) => {
    const map = new Map<string, number>();
    for (const p of r.score.projects) for (const c of p.contents) for (const s of c.standards) map.set(s.code, s.score);
    return map;
  });
  for (const p of computed.doc.projects) {
    for (const c of p.contents) {
      for (const s of c.standards) detail.addRow([s.code, s.text, s.points, ...scores.map((m) => m.get(s.code) ?? 0)]);
    }
  }
  return { name: `${round.row.name}-测评结果.xlsx`, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/**
 * Annual and cycle totals from published rounds of a framework edition: per year,
 * routine × mean(routine) + year-end × year-end; over the cycle, Σ yearWeights × annual.
 * Regions outside the actor's scope are left out; ranks are within city groups among
 * regions with a complete cycle.
 */
export async function readCycle(
  db: Db,
  actor: Actor,
  query: { frameworkId: string; startYear: number; cityGroup?: CityGroup },
) {
  evaluationPolicy.canRead(actor);
  const f = await frameworkRepository.findById(db, query.frameworkId);
  if (!f) throw invalid([{ field: 'querystring.frameworkId', message: 'no such framework' }]);
  const doc = (await frameworkRepository.findVersion(db, f.id, f.current_version))!.document as FrameworkDocument;
  const endYear = query.startYear + doc.cycle.years - 1;
  const rows = (await roundRepository.publishedResults(db, f.id, query.startYear, endYear)).filter(
    (r) => isWithinScope(actor.regionPath, r.region_path) && (!query.cityGroup || r.city_group === query.cityGroup),
  );
  const byRegion = new Map<string, typeof rows>();
  for (const r of rows) byRegion.set(r.region_code, [...(byRegion.get(r.region_code) ?? []), r]);
  const out = [...byRegion.entries()].map(([code, list]) => {
    const years = Array.from({ length: doc.cycle.years }, (_, i) => {
      const year = query.startYear + i;
      const inYear = list.filter((r) => r.year === year);
      const routine = inYear.filter((r) => r.kind === 'routine').map((r) => r.total);
      const yearEnd = inYear.filter((r) => r.kind === 'year_end').at(-1)?.total ?? null;
      return {
        year,
        routine:
          routine.length > 0 ? Math.round((routine.reduce((a, b) => a + b, 0) / routine.length) * 100) / 100 : null,
        yearEnd,
        annual: annualScore(doc.annual, routine, yearEnd),
      };
    });
    const cycle = cycleTotal(
      doc.cycle,
      years.map((y) => y.annual),
    );
    const last = list.filter((r) => r.kind === 'year_end').at(-1);
    return {
      regionCode: code,
      regionName: list[0]!.region_name,
      cityGroup: list.at(-1)!.city_group as CityGroup,
      years,
      cycleTotal: cycle.total,
      complete: cycle.complete,
      minorsGatePassed: last?.minors_gate_passed ?? null,
    };
  });
  const ranked = rankWithinGroups(
    out.filter((r) => r.complete).map((r) => ({ code: r.regionCode, group: r.cityGroup, total: r.cycleTotal! })),
  );
  const rankOf = new Map(ranked.map((r) => [r.code, r.rank]));
  return {
    rows: out
      .map((r) => ({ ...r, rank: rankOf.get(r.regionCode) ?? null }))
      .sort((a, b) => a.cityGroup.localeCompare(b.cityGroup) || (a.rank ?? 1e9) - (b.rank ?? 1e9)),
  };
}

/** What publishing the round did (criticism, suspensions with their title events), once published. */
export async function readRoundEffects(db: Db, actor: Actor, roundId: string) {
  const round = await loadRound(db, roundId);
  evaluationPolicy.canSeeRanking(actor, round.access);
  const rows = await roundRepository.effects(db, roundId);
  return {
    items: rows.map((r) => ({
      regionCode: r.region_code,
      regionName: r.name,
      effect: r.effect as SanctionEffect,
      label: r.label,
      titleEventId: r.title_event_id,
    })),
  };
}
