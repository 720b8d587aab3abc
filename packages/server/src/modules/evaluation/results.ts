import {
  message,
  annualScore,
  canonicalJson,
  CityGroup,
  cycleDisqualifications,
  cycleStanding,
  cycleTotal,
  incidentEffects,
  rankWithinGroups,
  standardsOf,
  titleStatesAt,
  type FrameworkDocument,
  type Ranking,
  type SanctionEffect,
  type Scorecard,
} from '@chuangcheng/core';
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { invalid, notFound } from '../../http/problem.ts';
import { isWithinScope } from '@chuangcheng/core';
import type { Actor } from '../auth/index.ts';
import { computeRegion, computeRound, findingPhotos, pinnedFramework, type RoundRegionRow } from './compute.ts';
import { cachedComputeRound } from './round-cache.ts';
import { frameworkRepository } from './framework-repository.ts';
import { incidentRepository } from './incident-repository.ts';
import { evaluationPolicy } from './policy.ts';
import { publicationRepository } from './publication-repository.ts';
import { roundRepository } from './round-repository.ts';
import { loadRound, type LoadedRound } from './rounds.ts';
import { presentPublication, regionView, scorecardOf, withFiles } from './scorecard.ts';
import { writeXlsx, type XlsxSheet } from './results-xlsx.ts';
import { eventsByRegion } from './titles-repository.ts';

type Db = Kysely<Database>;

const roundPaths = async (db: Db, roundId: string) =>
  (await roundRepository.regionPathsOf(db, [roundId])).map((r) => r.path);

/** The publication asked for (default: the one in force), or 404 when the round has no such version. */
async function publicationOf(db: Db, roundId: string, version?: number) {
  const publication = await publicationRepository.find(db, roundId, version);
  if (!publication && version !== undefined)
    throw notFound(message('notFound.publicationOfRound', { round: roundId, version }));
  return publication;
}

/**
 * A region's explained scorecard: the tree of points, every point lost traced to its standard,
 * finding, evidence and scorer, the negative-list deductions, the rank in its city group and
 * comparisons with the previous round and the group. A published round answers the scorecard
 * frozen in its publication (`version`, default the one in force), exactly as published; an
 * unpublished one is computed from the raw entries, ranking all its regions on the fly.
 */
export async function readScorecard(
  db: Db,
  actor: Actor,
  roundId: string,
  regionCode: string,
  version?: number,
): Promise<Scorecard> {
  const round = await loadRound(db, roundId);
  const region = await roundRepository.findRegion(db, roundId, regionCode);
  if (!region) throw notFound(message('notFound.regionInRound', { region: regionCode, round: roundId }));
  evaluationPolicy.canSeeScores(actor, round.access, region);
  if (round.row.status === 'published') {
    const publication = await publicationOf(db, roundId, version);
    const frozen = publication && (await publicationRepository.scorecard(db, roundId, publication.version, regionCode));
    if (frozen) return frozen;
    return legacyScorecard(db, round, region, publication ? presentPublication(publication) : null);
  }
  const doc = await pinnedFramework(db, round.row);
  const computed = await cachedComputeRound(db, round.row, doc);
  const mine = computed.regions.find((r) => r.region.code === regionCode)!;
  const [score] = await computed.scores([regionCode]);
  // Photos are attached to a finding after it is recorded, through the attachments module: read
  // them now rather than from the kept computation.
  const photos = await findingPhotos(db, roundId, regionCode);
  const prev = await roundRepository.previousResult(db, round.row, regionCode);
  return scorecardOf({
    roundId,
    isModel: round.row.framework_is_model,
    region,
    score: score!,
    rank: mine.rank,
    groupTotals: computed.regions.filter((r) => r.region.city_group === region.city_group).map((r) => r.score.total),
    previous: prev ? { roundId: prev.id, name: prev.name, total: prev.total, rank: prev.rank } : null,
    losses: await withFiles(
      db,
      score!.losses.map((l) => ({ ...l, attachmentIds: l.findingId ? (photos.get(l.findingId) ?? []) : [] })),
    ),
    publication: null,
  });
}

/**
 * A round published before scorecards were frozen: recomputed from its frozen raw entries and
 * the incidents known at publication, with rank and group figures from its frozen results.
 */
async function legacyScorecard(
  db: Db,
  round: LoadedRound,
  region: RoundRegionRow,
  publication: Scorecard['publication'],
): Promise<Scorecard> {
  const score = await computeRegion(db, round.row, region, await pinnedFramework(db, round.row));
  const frozen = (await publicationRepository.resultsInForce(db, round.row.id)).filter(
    (f) => f.city_group === region.city_group,
  );
  const prev = await roundRepository.previousResult(db, round.row, region.code);
  return scorecardOf({
    roundId: round.row.id,
    isModel: round.row.framework_is_model,
    region,
    score,
    rank: frozen.find((f) => f.region_code === region.code)?.rank ?? null,
    groupTotals: frozen.map((f) => f.total),
    previous: prev ? { roundId: prev.id, name: prev.name, total: prev.total, rank: prev.rank } : null,
    losses: await withFiles(db, score.losses),
    publication,
  });
}

/**
 * Rankings within city groups, with points, score rate and the previous total: from the
 * publication asked for (default the one in force) once published, computed from the raw
 * entries before.
 */
export async function readRanking(
  db: Db,
  actor: Actor,
  roundId: string,
  query: { cityGroup?: CityGroup; version?: number } = {},
): Promise<Ranking> {
  const round = await loadRound(db, roundId);
  evaluationPolicy.canSeeRanking(actor, round.access, await roundPaths(db, roundId));
  let ranking: Ranking;
  if (round.row.status === 'published') {
    const publication = await publicationOf(db, roundId, query.version);
    let rows = publication ? await publicationRepository.rows(db, roundId, publication.version) : [];
    if (rows.length === 0) {
      // published before publications were frozen: the results in force
      const previous = await roundRepository.previousResults(db, round.row);
      rows = (await publicationRepository.resultsInForce(db, roundId)).map((r) => ({
        ...r,
        previous_total: previous.get(r.region_code)?.total ?? null,
      }));
    }
    ranking = {
      roundId,
      published: true,
      publication: publication ? presentPublication(publication) : null,
      groups: CityGroup.options
        .map((g) => ({
          cityGroup: g,
          rows: rows
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
              previousTotal: r.previous_total,
            })),
        }))
        .filter((g) => g.rows.length > 0),
    };
  } else {
    const previous = await roundRepository.previousResults(db, round.row);
    const computed = await cachedComputeRound(db, round.row);
    ranking = {
      roundId,
      published: false,
      publication: null,
      groups: CityGroup.options
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
              previousTotal: previous.get(r.region.code)?.total ?? null,
            })),
        }))
        .filter((g) => g.rows.length > 0),
    };
  }
  return query.cityGroup
    ? { ...ranking, groups: ranking.groups.filter((g) => g.cityGroup === query.cityGroup) }
    : ranking;
}

/** Every region's per-standard scores: from the publication's frozen scorecards, or computed before. */
async function standardScores(
  db: Db,
  round: LoadedRound,
  ranking: Ranking,
): Promise<{ name: string; scores: Map<string, number> }[]> {
  const perRegion = (projects: Scorecard['projects']) => {
    const map = new Map<string, number>();
    for (const p of projects) for (const c of p.contents) for (const s of c.standards) map.set(s.code, s.score);
    return map;
  };
  if (ranking.publication) {
    const frozen = await publicationRepository.standardScores(db, round.row.id, ranking.publication.version);
    if (frozen.length > 0) {
      return frozen.map((f) => ({ name: f.name, scores: new Map(f.codes.map((code, i) => [code, f.scores[i]!])) }));
    }
  }
  if (round.row.published_at) {
    const computed = await computeRound(db, round.row, undefined, round.row.published_at);
    return computed.regions.map((r) => ({ name: r.region.name, scores: perRegion(r.score.projects) }));
  }
  const kept = await cachedComputeRound(db, round.row);
  const scores = await kept.scores(kept.regions.map((r) => r.region.code));
  return kept.regions.map((r, i) => ({ name: r.region.name, scores: perRegion(scores[i]!.projects) }));
}

const GROUP_LABELS: Record<CityGroup, string> = {
  capital: '省会和副省级城市',
  prefecture: '地级城市',
  county: '县级市和县',
  district: '市辖区',
};

/**
 * The publication as Excel: one ranking sheet per city group and every standard's score per region.
 * Written as sheet XML by `writeXlsx` (decision 0190): a national round's standards sheet holds about
 * 900,000 cells, which exceljs built and rendered as objects one by one (decision 0180). A published
 * version's file is written once and kept in the database (decision 0211): every later download, from
 * any server, sends the kept bytes while the inputs it was written from are unchanged.
 */
export async function resultsWorkbook(
  db: Db,
  actor: Actor,
  roundId: string,
  version?: number,
): Promise<{ name: string; buffer: Buffer }> {
  const ranking = await readRanking(db, actor, roundId, { version });
  const round = await loadRound(db, roundId);
  const name = `${round.row.name}-测评结果.xlsx`;
  const publication = ranking.publication;
  if (!publication) return { name, buffer: await writeResultsWorkbook(db, round, ranking) };
  // A publication's scores are frozen; what else the file shows is hashed, so a rename is a new file
  const inputs = createHash('sha256')
    .update(canonicalJson([RESULTS_WORKBOOK_FORMAT, round.row.name, round.row.framework_is_model, ranking]))
    .digest('hex');
  const kept = await publicationRepository.keptWorkbook(db, roundId, publication.version, inputs);
  if (kept) return { name, buffer: kept };
  const buffer = await writeResultsWorkbook(db, round, ranking);
  await publicationRepository.keepWorkbook(db, roundId, publication.version, inputs, buffer);
  return { name, buffer };
}

/**
 * Changes whenever `writeResultsWorkbook` writes a different file from the same inputs, so a kept
 * workbook written by an older server is written again rather than sent.
 */
const RESULTS_WORKBOOK_FORMAT = 1;

/** The workbook itself: one ranking sheet per city group and the standards sheet. */
async function writeResultsWorkbook(db: Db, round: LoadedRound, ranking: Ranking): Promise<Buffer> {
  const doc = await pinnedFramework(db, round.row);
  const regions = await standardScores(db, round, ranking);
  const notice = round.row.framework_is_model ? '（模型框架试算结果，非正式测评体系）' : '';
  const edition = ranking.publication
    ? `（第${ranking.publication.version}版发布，${ranking.publication.decidedOn ?? ranking.publication.publishedAt.slice(0, 10)}）`
    : '（未发布）';
  const sheets: XlsxSheet[] = ranking.groups.map((group) => ({
    name: GROUP_LABELS[group.cityGroup],
    widths: [8, 18, 12, 12, 12, 12, 12, 12, 12],
    frozen: { rows: 2, columns: 0 },
    merge: 'A1:I1',
    rows: [
      { cells: [`${round.row.name} ${GROUP_LABELS[group.cityGroup]}排名${notice}${edition}`], style: 2 },
      {
        cells: ['排名', '地区', '总分', '得分率', '基本分', '未成年人', '未成年人门槛', '负面清单扣分', '上次得分'],
        style: 1,
      },
      ...group.rows.map((r) => ({
        cells: [
          r.rank ?? '未评分',
          r.region.name,
          r.total,
          `${(r.rate * 100).toFixed(2)}%`,
          r.mainScore,
          r.minorsScore ?? '',
          r.minorsGatePassed === null ? '' : r.minorsGatePassed ? '达标' : '未达标',
          r.deducted || '',
          r.previousTotal ?? '',
        ],
        style: 0 as const,
      })),
    ],
  }));
  sheets.push({
    name: '测评标准得分',
    widths: [14, 40, 8],
    repeatWidth: { width: 10, count: regions.length },
    frozen: { rows: 1, columns: 3 },
    rows: [
      { cells: ['标准编码', '测评标准', '分值', ...regions.map((r) => r.name)], style: 1 },
      ...standardsOf(doc).map(({ standard: s }) => ({
        cells: [s.code, s.text, s.points, ...regions.map((r) => r.scores.get(s.code) ?? 0)],
        style: 0 as const,
      })),
    ],
  });
  return writeXlsx(sheets, 'Chuangcheng');
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
  if (!f) throw invalid([{ field: 'querystring.frameworkId', message: message('field.noFramework') }]);
  const doc = (await frameworkRepository.findVersion(db, f.id, f.current_version))!.document;
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
  const disqualified = await cycleIncidents(db, doc, f.id, [...byRegion.keys()], query.startYear, endYear);
  const standing = new Map(
    out.map((r) => {
      const reasons = disqualified.get(r.regionCode) ?? [];
      return [r.regionCode, { reasons, standing: cycleStanding({ ...r, disqualified: reasons.length > 0 }) }];
    }),
  );
  // Only regions in good standing take a place: a disqualified region or one failing the
  // minors' gate is shown with its reason, never ranked as if it had passed.
  const ranked = rankWithinGroups(
    out
      .filter((r) => standing.get(r.regionCode)!.standing === 'ranked')
      .map((r) => ({ code: r.regionCode, group: r.cityGroup, total: r.cycleTotal! })),
  );
  const rankOf = new Map(ranked.map((r) => [r.code, r.rank]));
  return {
    rows: out
      .map((r) => ({
        ...r,
        standing: standing.get(r.regionCode)!.standing,
        disqualifications: standing.get(r.regionCode)!.reasons,
        rank: rankOf.get(r.regionCode) ?? null,
      }))
      .sort((a, b) => a.cityGroup.localeCompare(b.cityGroup) || (a.rank ?? 1e9) - (b.rank ?? 1e9)),
  };
}

/**
 * The disqualifications of a cycle per region: incidents recorded under the edition that
 * happened in one of the cycle's years and whose negative-list category disqualifies.
 */
async function cycleIncidents(
  db: Db,
  doc: FrameworkDocument,
  frameworkId: string,
  regionCodes: string[],
  startYear: number,
  endYear: number,
) {
  const incidents = (await incidentRepository.forRegions(db, regionCodes, `${endYear}-12-31`)).filter(
    (i) => i.framework_id === frameworkId && i.occurred_on >= `${startYear}-01-01`,
  );
  const out = new Map<string, ReturnType<typeof cycleDisqualifications>>();
  if (incidents.length === 0) return out;
  const events = await eventsByRegion(db, [...new Set(incidents.map((i) => i.region_code))]);
  for (const i of incidents) {
    const entry = doc.negativeList.find((e) => e.code === i.category);
    if (!entry) continue;
    const effects = incidentEffects(
      entry,
      i.occurred_on,
      titleStatesAt(events.get(i.region_code) ?? [], i.occurred_on),
    );
    const found = cycleDisqualifications(
      [{ id: i.id, category: i.category, occurredOn: i.occurred_on, effects }],
      startYear,
      endYear - startYear + 1,
    );
    if (found.length > 0) out.set(i.region_code, [...(out.get(i.region_code) ?? []), ...found]);
  }
  return out;
}

/** What publishing the round did (criticism, suspensions with their title events), once published. */
export async function readRoundEffects(db: Db, actor: Actor, roundId: string) {
  const round = await loadRound(db, roundId);
  evaluationPolicy.canSeeRanking(actor, round.access, await roundPaths(db, roundId));
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
