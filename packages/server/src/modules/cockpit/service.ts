import type { Kysely } from 'kysely';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  message,
  indicatorPeriodBounds,
  TargetStatus,
  CockpitMap,
  CockpitRanking,
  CockpitView,
  type LaggingItem,
  LaggingList,
  type StatusCounts,
  type TargetEvaluation,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { cursor } from '../../http/types.ts';
import { keptJsonOf, type KeptJson } from '../../http/serialized-json.ts';
import { invalid, notFound } from '../../http/problem.ts';
import type { Actor } from '../auth/index.ts';
import { indicatorLookup, loadCatalogue } from '../indicators/index.ts';
import { readableRegion, regionReadsFrom, type RegionReads } from '../indicators/index.ts';
import { ancestorsOf, brief, childrenOf, type RegionNode, type RegionTree } from '../indicators/index.ts';
import { sharedGeneration } from '../../cache/generation.ts';
import { cachedEvaluations, cachedView, invalidateEvaluations, keptRead } from './cache.ts';
import { EvaluationSource, evaluateTargets, indicatorSeries } from './evaluate.ts';

export const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * The date statuses are computed for when the request names none: today, except in a demo
 * database (one holding demo observations), where it is the end of the latest demo period, so that
 * the demo campaign is seen in its course rather than years after its deadline.
 */
export async function defaultAsOf(db: Kysely<Database>): Promise<string> {
  return asOfFromDemo(await indicatorLookup.demoPeriods(db));
}

function asOfFromDemo(periods: readonly string[]): string {
  if (periods.length === 0) return todayIso();
  return periods.map((p) => indicatorPeriodBounds(p).end).reduce((a, b) => (a > b ? a : b));
}

type Setup = { region: RegionNode; tree: RegionTree; source: EvaluationSource; asOf: string };
type Query = { region?: string; asOf?: string; dataAsOf?: string };

// A write on any server moves the cockpit's generation (subscribers.ts); each request first drops
// this process's kept evaluations and reads when the generation moved since it last looked.
const cockpitGeneration = sharedGeneration('cockpit', invalidateEvaluations);

/** Region rows and trees, read once per generation (cache.ts); the permission is decided per request. */
const keptRegionReads = (db: Kysely<Database>): RegionReads => {
  const reads = regionReadsFrom(db);
  return {
    region: (code) => keptRead(`region|${code}`, () => reads.region(code)),
    tree: (path) => keptRead(`tree|${path}`, () => reads.tree(path)),
  };
};

/**
 * One cockpit request: its readable region, date and (on first use) its evaluation source, and the
 * subtree's kept evaluations. A warm request reads the generation (besides its authentication) and
 * nothing else from the database.
 */
type Request = {
  region: RegionNode;
  setUp: () => Promise<Setup>;
  evaluations: () => Promise<TargetEvaluation[]>;
};

async function request(db: Kysely<Database>, actor: Actor, query: Query): Promise<Request> {
  await cockpitGeneration.sync(db);
  const { region, tree } = await readableRegion(db, actor, query.region, keptRegionReads(db));
  const asOf = query.asOf ?? asOfFromDemo(await keptRead('demo-periods', () => indicatorLookup.demoPeriods(db)));
  // With a data stamp the figures are read as they were known then (reproducing a status).
  const dataAsOf = query.dataAsOf === undefined ? null : new Date(query.dataAsOf).toISOString();
  let setup: Promise<Setup> | undefined;
  const setUp = () =>
    (setup ??= loadCatalogue(db).then((catalogue) => ({
      region,
      tree,
      asOf,
      source: new EvaluationSource(db, catalogue, tree, dataAsOf),
    })));
  // Every target for the region and its subtree (cards, ranking, lagging list and target map are
  // views of it), with `laggingSince`; kept per (region, asOf) until the next write.
  const key = `${region.path}|${asOf}|${dataAsOf ?? ''}`;
  return {
    region,
    setUp,
    evaluations: () => cachedEvaluations(key, async () => computeSubtree(await setUp())),
  };
}

/** A route's own serialiser of its response (checked against the schema, as the route did). */
const serializerOf = <T>(schema: z.ZodType<T>, url: string): ((value: T) => string) =>
  serializerCompiler({ schema, method: 'GET', url, httpStatus: '200' });

/**
 * A view as the JSON its route sends (issue 13, decisions 0185 and 0191): formed, checked and
 * serialised once per kept evaluation of the subtree and `view` (the query that shapes it), so
 * that a warm request reads no figures and no catalogue and serialises nothing.
 */
async function keptJson<T>(
  db: Kysely<Database>,
  actor: Actor,
  query: Query,
  view: string,
  serialize: (value: T) => string,
  form: (setup: Setup, evaluations: TargetEvaluation[]) => Promise<T> | T,
): Promise<KeptJson> {
  const { region, setUp, evaluations } = await request(db, actor, query);
  const kept = await evaluations();
  return cachedView(kept, `${view}|${region.code}`, async () => keptJsonOf(serialize(await form(await setUp(), kept))));
}

function countStatuses(evaluations: readonly TargetEvaluation[]): StatusCounts {
  const counts = Object.fromEntries(TargetStatus.options.map((s) => [s, 0])) as StatusCounts;
  for (const e of evaluations) counts[e.status]++;
  return counts;
}

/** The region and every region below it down to county level. */
const subtreeOf = (tree: RegionTree, region: RegionNode) =>
  tree.nodes.filter((n) => n.path === region.path || n.path.startsWith(`${region.path}/`));

const computeSubtree = ({ region, tree, source, asOf }: Setup) =>
  evaluateTargets(source, { root: region, regions: subtreeOf(tree, region), asOf, withLaggingSince: true });

/** Child regions one can drill into (prefectures and counties). */
const drillable = (tree: RegionTree, region: RegionNode) => childrenOf(tree, region).filter((c) => c.level <= 3);

type MapChoice = CockpitView['mapDefault'];

/**
 * What the cockpit's map opens on, so that it does not open on a map where every child shares one
 * colour: the first target of the panel whose children have at least two different statuses as of
 * the date; else the first of the panel's indicators whose children's latest values differ; else
 * the first target measured by an indicator (title counts leave most children blank), else the
 * first target. Null when the region has no children to colour.
 */
async function chooseMapDefault(
  setup: Setup,
  evaluations: readonly TargetEvaluation[],
  targets: readonly TargetEvaluation[],
): Promise<MapChoice> {
  const { region, tree, source, asOf } = setup;
  const children = drillable(tree, region);
  if (children.length === 0 || targets.length === 0) return null;
  const key = (e: TargetEvaluation, regionCode: string) => `${e.target.planCode}/${e.target.code}|${regionCode}`;
  const byKey = new Map(evaluations.map((e) => [key(e, e.region.code), e]));
  for (const target of targets) {
    const statuses = new Set(
      children
        .map((child) => byKey.get(key(target, child.code))?.status ?? 'no_data')
        .filter((status) => status !== 'no_data'),
    );
    if (statuses.size > 1) return { kind: 'target', code: target.target.code };
  }
  const indicatorCodes = [
    ...new Set(targets.flatMap((e) => (e.measure.kind === 'indicator' ? [e.measure.indicator.code] : []))),
  ];
  for (const code of indicatorCodes) {
    const indicator = source.catalogue.indicatorByCode.get(code);
    if (!indicator) continue;
    const { points } = await indicatorValues(source, indicator, region, children, asOf);
    const values = new Set(points.flatMap((p) => (p && Number.isFinite(p.value) ? [p.value] : [])));
    if (values.size > 1) return { kind: 'indicator', code };
  }
  const first = targets.find((e) => e.measure.kind === 'indicator') ?? targets[0]!;
  return { kind: 'target', code: first.target.code };
}

/** Each child's value of an indicator in `period`, or in the latest period with data by `asOf`. */
async function indicatorValues(
  source: EvaluationSource,
  indicator: Parameters<typeof indicatorSeries>[1],
  region: RegionNode,
  children: readonly RegionNode[],
  asOf: string,
  requested?: string,
) {
  const { series } = await indicatorSeries(source, indicator, region, children);
  const known = [...series.values()].flat().filter((p) => indicatorPeriodBounds(p.period).end <= asOf);
  const period =
    requested ??
    known
      .map((p) => p.period)
      .reduce<string | null>(
        (a, b) => (a === null || indicatorPeriodBounds(b).end > indicatorPeriodBounds(a).end ? b : a),
        null,
      );
  const points = children.map((child) => (series.get(child.path) ?? []).find((p) => p.period === period) ?? null);
  return { period, points };
}

/** The cockpit view of a region from its subtree's evaluations. */
async function cockpitView(setup: Setup, evaluations: TargetEvaluation[]): Promise<CockpitView> {
  const { region, tree, asOf } = setup;
  const targets = evaluations.filter((e) => e.region.code === region.code);
  return {
    region: brief(region),
    ancestors: ancestorsOf(tree, region).map(brief),
    children: drillable(tree, region).map(brief),
    asOf,
    dataAsOf: targets.reduce<string | null>(
      (a, e) => (e.dataAsOf !== null && (a === null || e.dataAsOf > a) ? e.dataAsOf : a),
      null,
    ),
    counts: countStatuses(targets),
    targets,
    mapDefault: await chooseMapDefault(setup, evaluations, targets),
  };
}

const serializeCockpitView = serializerOf(CockpitView, '/cockpit');

/** The cockpit view as the JSON the route sends, kept with the evaluation (decision 0185). */
export const getCockpitJson = (db: Kysely<Database>, actor: Actor, query: Query): Promise<KeptJson> =>
  keptJson(db, actor, query, 'cockpit', serializeCockpitView, cockpitView);

type MapQuery = Query & { target?: string; indicator?: string; period?: string };

const serializeCockpitMap = serializerOf(CockpitMap, '/cockpit/map');

/** The map of one target or indicator as the JSON the route sends, kept with the evaluation. */
export function getCockpitMapJson(db: Kysely<Database>, actor: Actor, query: MapQuery): Promise<KeptJson> {
  if ((query.target === undefined) === (query.indicator === undefined)) {
    throw invalid([{ field: 'querystring.target', message: message('indicator.targetOrIndicator') }]);
  }
  const view = `map|${query.target ?? ''}|${query.indicator ?? ''}|${query.period ?? ''}`;
  return keptJson(db, actor, query, view, serializeCockpitMap, (setup, evaluations) =>
    cockpitMap(setup, evaluations, query),
  );
}

async function cockpitMap(setup: Setup, subtree: readonly TargetEvaluation[], query: MapQuery): Promise<CockpitMap> {
  const { region, tree, source, asOf } = setup;
  const children = drillable(tree, region);
  if (query.target) {
    const link = source.catalogue.links.find((l) => l.ref.code === query.target);
    if (!link) throw notFound('target', query.target);
    const evaluations = subtree.filter(
      (e) => e.target.planCode === link.ref.planCode && e.target.code === link.ref.code,
    );
    const byRegion = new Map(evaluations.map((e) => [e.region.code, e]));
    return {
      region: brief(region),
      asOf,
      target: link.ref,
      indicator: null,
      items: children.map((child) => {
        const e = byRegion.get(child.code);
        const last = e?.series.find((p) => p.period === e.latest?.period);
        return {
          region: brief(child),
          value: e?.latest?.value ?? null,
          period: e?.latest?.period ?? null,
          coverage: last?.coverage ?? null,
          status: e?.status ?? null,
          progress: e?.progress ?? null,
          targetValue: e?.targetValue ?? null,
        };
      }),
    };
  }
  const indicator = source.catalogue.indicatorByCode.get(query.indicator!);
  if (!indicator) throw notFound('indicator', query.indicator);
  const { points } = await indicatorValues(source, indicator, region, children, asOf, query.period);
  return {
    region: brief(region),
    asOf,
    target: null,
    indicator: { code: indicator.code, name: indicator.name, unit: indicator.unit },
    items: children.map((child, index) => {
      const point = points[index];
      return {
        region: brief(child),
        value: point?.value ?? null,
        period: point ? point.period : null,
        coverage: point?.coverage ?? null,
        status: null,
        progress: null,
        targetValue: null,
      };
    }),
  };
}

const serializeCockpitRanking = serializerOf(CockpitRanking, '/cockpit/ranking');

/** The ranking of the child regions as the JSON the route sends, kept with the evaluation. */
export const getCockpitRankingJson = (db: Kysely<Database>, actor: Actor, query: Query): Promise<KeptJson> =>
  keptJson(db, actor, query, 'ranking', serializeCockpitRanking, cockpitRanking);

function cockpitRanking({ region, tree, asOf }: Setup, evaluations: readonly TargetEvaluation[]): CockpitRanking {
  const children = drillable(tree, region);
  const rows = children.map((child) => {
    const mine = evaluations.filter((e) => e.region.code === child.code);
    // A target with insufficient coverage has no status, so its progress does not enter the score.
    const scored = mine.filter((e) => e.progress !== null && e.status !== 'insufficient_data');
    const score = scored.length === 0 ? null : scored.reduce((s, e) => s + e.progress!, 0) / scored.length;
    return {
      region: brief(child),
      score,
      scored: scored.length,
      applicable: mine.length,
      counts: countStatuses(mine),
    };
  });
  rows.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.region.code.localeCompare(b.region.code));
  let rank = 0;
  let previous: number | null | undefined;
  const items = rows.map((row, i) => {
    if (row.score !== previous) rank = i + 1;
    previous = row.score;
    return { rank, ...row };
  });
  return { region: brief(region), asOf, items };
}

type LaggingQuery = Query & {
  cursor?: string;
  limit: number;
  page?: number;
  sort?: 'since' | 'progress' | 'region';
  order?: 'ascend' | 'descend';
};

/** Every lagging (target, region) in the region's subtree down to county level, oldest first (the export's pages). */
export async function getLagging(db: Kysely<Database>, actor: Actor, query: LaggingQuery): Promise<LaggingList> {
  const { setUp, evaluations } = await request(db, actor, query);
  const kept = await evaluations();
  return lagging(await setUp(), kept, query);
}

const serializeLagging = serializerOf(LaggingList, '/cockpit/lagging');

/** A page of the lagging list as the JSON the route sends, kept with the evaluation per page query. */
export function getLaggingJson(db: Kysely<Database>, actor: Actor, query: LaggingQuery): Promise<KeptJson> {
  const { cursor: at, limit, page, sort, order } = query;
  const view = `lagging|${JSON.stringify([at ?? null, limit, page ?? null, sort ?? null, order ?? null])}`;
  return keptJson(db, actor, query, view, serializeLagging, (setup, evaluations) => lagging(setup, evaluations, query));
}

function lagging(
  { region, tree, source }: Setup,
  evaluations: readonly TargetEvaluation[],
  query: LaggingQuery,
): LaggingList {
  const regions = subtreeOf(tree, region);
  const position = new Map(source.catalogue.links.map((l, i) => [`${l.ref.planCode}/${l.ref.code}`, i]));
  const regionOrder = new Map(regions.map((r, i) => [r.code, i]));
  const since = (e: TargetEvaluation) => (e.laggingSince ? indicatorPeriodBounds(e.laggingSince).end : '9999');
  const byTarget = (a: TargetEvaluation, b: TargetEvaluation) =>
    position.get(`${a.target.planCode}/${a.target.code}`)! - position.get(`${b.target.planCode}/${b.target.code}`)!;
  const byRegion = (a: TargetEvaluation, b: TargetEvaluation) =>
    regionOrder.get(a.region.code)! - regionOrder.get(b.region.code)!;
  const bySince = (a: TargetEvaluation, b: TargetEvaluation) =>
    since(a).localeCompare(since(b)) ||
    (a.status === b.status ? 0 : a.status === 'off_track' ? -1 : 1) ||
    byTarget(a, b) ||
    byRegion(a, b);
  const order = {
    since: bySince,
    progress: (a: TargetEvaluation, b: TargetEvaluation) => (a.progress ?? 0) - (b.progress ?? 0) || bySince(a, b),
    region: (a: TargetEvaluation, b: TargetEvaluation) => byRegion(a, b) || byTarget(a, b),
  }[query.sort ?? 'since'];
  const direction = query.order === 'descend' ? -1 : 1;
  // By progress, a row without one comes after every row with one, in either direction.
  const withoutProgressLast = (a: TargetEvaluation, b: TargetEvaluation) =>
    query.sort !== 'progress' || (a.progress === null) === (b.progress === null) ? 0 : a.progress === null ? 1 : -1;
  const lagging = evaluations
    .filter((e) => e.status === 'off_track' || e.status === 'at_risk')
    .sort((a, b) => withoutProgressLast(a, b) || direction * order(a, b));
  const offset = query.page !== undefined ? (query.page - 1) * query.limit : Number(cursor.decode(query.cursor) ?? '0');
  if (!Number.isInteger(offset) || offset < 0) {
    throw invalid([{ field: 'querystring.cursor', message: message('field.badCursor') }]);
  }
  const page = lagging.slice(offset, offset + query.limit);
  const items: LaggingItem[] = page.map((e) => ({
    target: e.target,
    region: e.region,
    status: e.status as LaggingItem['status'],
    laggingSince: e.laggingSince,
    latest: e.latest,
    targetValue: e.targetValue,
    forecast: e.forecast,
    progress: e.progress,
    coverage: e.coverage,
    provisional: e.provisional,
    dataAsOf: e.dataAsOf,
  }));
  const next = offset + query.limit;
  return {
    items,
    nextCursor: next < lagging.length ? cursor.encode(String(next)) : null,
    ...(query.page !== undefined ? { total: lagging.length } : {}),
  };
}
