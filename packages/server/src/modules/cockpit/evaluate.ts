import type { Kysely } from 'kysely';
import {
  evaluateTarget,
  indicatorPeriodBounds,
  isTimely,
  laggingSince,
  NO_COMPLETENESS_RULE,
  statusWithCoverage,
  type CompletenessRule,
  composeTargetValues,
  fixedPanelSeries,
  periodTime,
  decimalYear,
  titleStateAt,
  type PanelPeriod,
  type TargetComposition,
  type IndicatorAggregation,
  type IndicatorPeriodType,
  type LeafFigure,
  type SeriesPoint,
  type TargetCombination,
  type TargetEvaluation,
  type TargetSpec,
  type TitleKind,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import {
  completenessOf,
  dataSetOfIndicator,
  expectedReporter,
  type Catalogue,
  type DataSetRow,
  type IndicatorRow,
  type TargetLink,
} from '../indicators/index.ts';
import { evaluationLookup } from '../evaluation/index.ts';
import { readFigures, type Figure } from '../indicators/index.ts';
import { DataSetRollup } from './rollup.ts';
import { brief, scopeMaxLevel, scopeUnitRoots, type RegionNode, type RegionTree } from '../indicators/index.ts';

/*
 * Evaluates plan targets for many regions at once: loads each data set's figures for the root's
 * subtree once, forms each wanted region's value per period as the target defines it (core
 * composeTargetValues: which units count, how they combine), and runs the core
 * forecast on each region's series. Title targets count title holders at each year's end.
 */

export type EvaluateOptions = {
  root: RegionNode;
  /** Regions to evaluate (inside root's subtree). */
  regions: readonly RegionNode[];
  asOf: string;
  links?: readonly TargetLink[];
  /** Also compute `laggingSince` for lagging targets (costs one evaluation per period). */
  withLaggingSince?: boolean;
  /**
   * Where indicator figures are aggregated: `sql` sums them in the database (`DataSetRollup`),
   * `memory` reads them one by one and aggregates with core `composeTargetValues`; `auto` (the
   * default) sums in SQL from `SQL_ROLLUP_MIN_UNITS` reporting units up. Reading as of a data stamp
   * always reads one by one.
   */
  rollUp?: 'auto' | 'sql' | 'memory';
};

/**
 * From this many reporting units of a data set under the root the roll-up runs in SQL: a province
 * (about 130 counties) reads its figures into Node as before, the nation (3,000) sums them in SQL.
 */
const SQL_ROLLUP_MIN_UNITS = 1000;

/** Per-request caches: figures per data set, title events. */
export class EvaluationSource {
  private figures = new Map<string, Promise<Map<string, Figure[]>>>();
  private titleEvents: Promise<Map<string, TitleEventRow[]>> | null = null;

  constructor(
    readonly db: Kysely<Database>,
    readonly catalogue: Catalogue,
    readonly tree: RegionTree,
    /** Read the figures as known at this data stamp (reproducing a status), or as they are now. */
    readonly dataAsOf: string | null = null,
  ) {}

  /** A data set's counted figures in a subtree, by element. */
  figuresOf(dataSetCode: string, root: RegionNode): Promise<Map<string, Figure[]>> {
    const key = `${dataSetCode}|${root.path}`;
    let found = this.figures.get(key);
    if (!found) {
      // Keep one data set's figures at a time: a national subtree holds millions.
      this.figures.clear();
      const set = this.catalogue.dataSetByCode.get(dataSetCode)!;
      const reporting =
        root.path === ''
          ? null
          : this.tree.nodes.filter((n) => n.level === set.region_level && isUnder(root, n)).map((n) => n.code);
      found = readFigures(
        this.db,
        dataSetCode,
        // Retired elements too: an indicator's history stays readable after its element is retired.
        [...set.elements, ...set.retiredElements].map((e) => e.code),
        reporting,
        this.dataAsOf,
      ).then((figures) => {
        const byElement = new Map<string, Figure[]>();
        for (const f of figures) {
          let list = byElement.get(f.element);
          if (!list) byElement.set(f.element, (list = []));
          list.push(f);
        }
        return byElement;
      });
      this.figures.set(key, found);
    }
    return found;
  }

  titleEventsOf(): Promise<Map<string, TitleEventRow[]>> {
    this.titleEvents ??= loadTitleEvents(this.db);
    return this.titleEvents;
  }
}

type TitleEventRow = {
  id: string;
  title: TitleKind;
  change: 'awarded' | 'suspended' | 'reinstated' | 'revoked' | 'expired' | 'barred';
  effectiveOn: string;
  endsOn: string | null;
  reason: string;
  recordedAt: string;
};

async function loadTitleEvents(db: Kysely<Database>): Promise<Map<string, TitleEventRow[]>> {
  const rows = await evaluationLookup.listTitleEvents(db);
  const byRegion = new Map<string, TitleEventRow[]>();
  for (const r of rows) {
    let list = byRegion.get(r.region_code);
    if (!list) byRegion.set(r.region_code, (list = []));
    list.push({
      id: r.id,
      title: r.title as TitleKind,
      change: r.change as TitleEventRow['change'],
      effectiveOn: String(r.effective_on),
      endsOn: r.ends_on === null ? null : String(r.ends_on),
      reason: r.reason,
      recordedAt: new Date(r.recorded_at).toISOString(),
    });
  }
  return byRegion;
}

/**
 * Shares in percent lie in 0-100 and every other measure of the plan (counts, hours, concentrations)
 * is at least 0; forecasts are clamped to that.
 */
function targetSpec(link: TargetLink, unit: string): TargetSpec {
  return {
    comparator: link.ref.comparator,
    value: link.ref.value,
    valueMax: link.ref.valueMax,
    direction: link.ref.direction,
    deadline: link.ref.deadline,
    range: { min: 0, max: unit === '%' ? 100 : null },
  };
}

/** The baseline to evaluate with: the link's (period and value) or else the plan's year and value. */
function baselineOf(link: TargetLink): { period: string; value: number | null; source: 'plan' | 'link' } | null {
  if (link.baselineYear !== null && link.baselineValue !== null) {
    return { period: String(link.baselineYear), value: link.baselineValue, source: 'plan' };
  }
  if (link.linkBaseline) return { ...link.linkBaseline, source: 'link' };
  if (link.baselineYear !== null) return { period: String(link.baselineYear), value: null, source: 'plan' };
  return null;
}

type RegionSeries = Map<string, SeriesPoint[]>;

/** A root with the path '' stands above every region (the nation, for the benchmark). */
export const NATION: RegionNode = { code: '', name: '全国', level: 0, path: '', parentCode: null };

const isUnder = (root: RegionNode, n: RegionNode) =>
  root.path === '' || n.path === root.path || n.path.startsWith(`${root.path}/`);

/** Which units a target counts (null: all) and how it combines them; the indicator page uses the default. */
type TargetDefinition = { unitRoots: readonly string[] | null; combine: TargetCombination };
const INDICATOR_OWN_RULE: TargetDefinition = { unitRoots: null, combine: 'data_set' };

/** A reporting unit's figure with its data stamp (the latest change behind it). */
type StampedLeaf = LeafFigure & { stamp: string; revised: boolean };

type IndicatorData = {
  series: RegionSeries;
  expected: Map<string, number>;
  /** Every period's stamped figures of the reporting units, in time order (for the fixed panel). */
  periods: { period: string; leaves: StampedLeaf[] }[];
  composition: TargetComposition;
};

/** Aggregated series of an indicator for every wanted region (by path), formed as the target defines. */
export async function indicatorSeries(
  source: EvaluationSource,
  indicator: IndicatorRow,
  root: RegionNode,
  regions: readonly RegionNode[],
  definition: TargetDefinition = INDICATOR_OWN_RULE,
): Promise<IndicatorData> {
  const set = dataSetOfIndicator(source.catalogue, indicator);
  const figures = await source.figuresOf(set.code, root);
  // Units reporting through a parent are neither expected nor counted unless the data set includes them.
  const leaves = source.tree.nodes.filter(
    (n) => n.level === set.region_level && isUnder(root, n) && expectedReporter(source.catalogue, set, n.code),
  );
  const leafByCode = new Map(leaves.map((n) => [n.code, n]));
  const byPeriod = new Map<string, Map<string, { num: Figure | null; den: Figure | null }>>();
  const add = (f: Figure, isNum: boolean) => {
    if (!leafByCode.has(f.regionCode)) return;
    let period = byPeriod.get(f.period);
    if (!period) byPeriod.set(f.period, (period = new Map()));
    let pair = period.get(f.regionCode);
    if (!pair) period.set(f.regionCode, (pair = { num: null, den: null }));
    if (isNum) pair.num = f;
    else pair.den = f;
  };
  for (const f of figures.get(indicator.numerator_code) ?? []) add(f, true);
  if (indicator.denominator_code) for (const f of figures.get(indicator.denominator_code) ?? []) add(f, false);
  const paths = regions.map((r) => r.path);
  const expectedPaths = leaves.map((n) => n.path);
  const series: RegionSeries = new Map(paths.map((p) => [p, []]));
  const expected = new Map<string, number>();
  const periods = [...byPeriod.keys()].sort((a, b) =>
    indicatorPeriodBounds(a).end.localeCompare(indicatorPeriodBounds(b).end),
  );
  const aggregation = indicator.aggregation as IndicatorAggregation;
  const composition: TargetComposition = {
    aggregation,
    factor: indicator.factor,
    ...definition,
    population: new Map(
      leaves
        .filter((n) => n.population !== null && n.population !== undefined)
        .map((n) => [n.path, n.population!] as [string, number]),
    ),
  };
  const ancestors = new Map<string, string[]>();
  const timelyDays = completenessOf(set).timelyDays;
  const stamped: IndicatorData['periods'] = [];
  const later = (a: Figure | null, b: Figure | null) => {
    const sa = a?.stamp ?? '';
    const sb = b?.stamp ?? '';
    return sa > sb ? sa : sb;
  };
  for (const period of periods) {
    const figs: StampedLeaf[] = [];
    const end = indicatorPeriodBounds(period).end;
    const onTime = (f: Figure | null) => !f?.knownAt || isTimely(end, f.knownAt, timelyDays);
    for (const [code, pair] of byPeriod.get(period)!) {
      figs.push({
        path: leafByCode.get(code)!.path,
        numerator: pair.num?.value ?? null,
        denominator: pair.den?.value ?? null,
        approved: (pair.num?.approved ?? true) && (pair.den?.approved ?? true),
        timely: onTime(pair.num) && onTime(pair.den),
        stamp: later(pair.num, pair.den),
        revised: (pair.num?.revised ?? false) || (pair.den?.revised ?? false),
      });
    }
    stamped.push({ period, leaves: figs });
    const out = composeTargetValues(figs, expectedPaths, paths, composition, ancestors);
    for (const [path, agg] of out) {
      expected.set(path, agg.expected);
      if (agg.reported === 0) continue;
      series.get(path)!.push({
        period,
        value: agg.value,
        numerator: aggregation === 'ratio' ? agg.numerator : null,
        denominator: agg.denominator,
        coverage: { reported: agg.reported, expected: agg.expected, timely: agg.timely },
        unapproved: agg.unapproved,
      });
    }
  }
  if (periods.length === 0) {
    for (const [path, agg] of composeTargetValues([], expectedPaths, paths, composition)) {
      expected.set(path, agg.expected);
    }
  }
  return { series, expected, periods: stamped, composition };
}

/** Each wanted region's periods holding only the figures of the reporting units inside it. */
function periodsByRegion(
  periods: IndicatorData['periods'],
  paths: readonly string[],
): Map<string, { period: string; leaves: StampedLeaf[] }[]> {
  const wanted = new Set(paths);
  const out = new Map<string, { period: string; leaves: StampedLeaf[] }[]>(paths.map((p) => [p, []]));
  const ancestors = new Map<string, string[]>();
  const ancestorsOf = (path: string) => {
    let list = ancestors.get(path);
    if (!list) {
      const parts = path.split('/');
      list = wanted.has('') ? [''] : [];
      for (let i = 1; i <= parts.length; i++) {
        const p = parts.slice(0, i).join('/');
        if (wanted.has(p)) list.push(p);
      }
      ancestors.set(path, list);
    }
    return list;
  };
  for (const { period, leaves } of periods) {
    const byRegion = new Map<string, StampedLeaf[]>();
    for (const leaf of leaves) {
      for (const p of ancestorsOf(leaf.path)) {
        let list = byRegion.get(p);
        if (!list) byRegion.set(p, (list = []));
        list.push(leaf);
      }
    }
    for (const [p, list] of byRegion) out.get(p)!.push({ period, leaves: list });
  }
  return out;
}

/**
 * The fixed panel's series of a region and its description (issue 16): from the period of the
 * evaluation's baseline (or the first point at or after it) to its latest point.
 */
function panelOf(
  periods: readonly PanelPeriod[],
  region: RegionNode,
  composition: TargetComposition,
  evaluation: { baseline: { period: string } | null; latest: { period: string } | null },
  known: readonly { period: string }[],
) {
  if (!evaluation.baseline || !evaluation.latest) return null;
  const tBase = periodTime(evaluation.baseline.period);
  const from = known.find((p) => periodTime(p.period) >= tBase - 1e-9)?.period ?? evaluation.latest.period;
  return fixedPanelSeries(periods, region.path, from, evaluation.latest.period, composition);
}

/** Year-end title counts (or shares) for every wanted region. */
async function titleSeries(
  source: EvaluationSource,
  link: TargetLink,
  root: RegionNode,
  regions: readonly RegionNode[],
  asOf: string,
): Promise<{ series: RegionSeries; expected: Map<string, number> }> {
  const titles = link.titles!;
  const events = await source.titleEventsOf();
  const leaves = source.tree.nodes.filter((n) => titles.levels.includes(n.level) && isUnder(root, n));
  const firstYear = Number((baselineOf(link)?.period ?? '2016').slice(0, 4));
  const lastYear = Number(asOf.slice(0, 4));
  const paths = regions.map((r) => r.path);
  const expectedPaths = leaves.map((n) => n.path);
  const series: RegionSeries = new Map(paths.map((p) => [p, []]));
  const expected = new Map<string, number>();
  const composition = {
    aggregation: (titles.as === 'share' ? 'ratio' : 'sum') as IndicatorAggregation,
    factor: titles.as === 'share' ? 100 : 1,
    unitRoots: scopeUnitRoots(source.tree, link.ref.scope),
    combine: 'data_set' as const,
  };
  for (let year = firstYear; year <= lastYear; year++) {
    const at = `${year}-12-31`;
    const figs: LeafFigure[] = leaves.map((n) => ({
      path: n.path,
      numerator: titleStateAt(events.get(n.code) ?? [], titles.title, at).status === 'held' ? 1 : 0,
      denominator: 1,
      approved: true,
    }));
    for (const [path, agg] of composeTargetValues(figs, expectedPaths, paths, composition)) {
      expected.set(path, agg.expected);
      if (agg.expected === 0) continue;
      series.get(path)!.push({
        period: String(year),
        value: agg.value,
        numerator: agg.numerator,
        denominator: titles.as === 'share' ? agg.denominator : null,
        coverage: { reported: agg.reported, expected: agg.expected, timely: agg.timely },
        unapproved: 0,
      });
    }
  }
  return { series, expected };
}

/** Whether a target applies to a region: by the scope's level, the data's level, and leaves in scope. */
function applies(link: TargetLink, catalogue: Catalogue, region: RegionNode, expected: number): boolean {
  if (expected === 0) return false;
  if (link.titles) {
    // A count of cities is a provincial goal; a share of counties applies to the province and to each city.
    return link.titles.as === 'count' ? region.level === 1 : region.level <= 2;
  }
  const indicator = catalogue.indicatorByCode.get(link.indicatorCode!)!;
  const set = dataSetOfIndicator(catalogue, indicator);
  return region.level <= Math.min(set.region_level, scopeMaxLevel(link.ref.scope));
}

type LinkContext = {
  link: TargetLink;
  measure: TargetEvaluation['measure'];
  spec: TargetSpec;
  baseline: ReturnType<typeof baselineOf>;
  completeness: CompletenessRule;
  asOf: string;
  withLaggingSince: boolean;
};

type PanelResult = NonNullable<ReturnType<typeof fixedPanelSeries>>;

/** One (target, region) evaluation from the region's series, its fixed panel and data stamp. */
function evaluateRegion(
  ctx: LinkContext,
  region: RegionNode,
  points: SeriesPoint[],
  /** The fixed panel given the full evaluation; undefined when it cannot be formed here. */
  panelOfRegion: (
    full: TargetEvaluationCore,
    published: { period: string; value: number }[],
  ) => PanelResult | null | undefined,
  stampOf: () => { dataAsOf: string | null; revised: boolean },
): TargetEvaluation | undefined {
  const { spec, asOf, baseline, completeness } = ctx;
  const published = points.filter((p) => p.value !== null).map((p) => ({ period: p.period, value: p.value! }));
  const full = evaluateTarget(spec, published, asOf, baseline);
  // Progress, forecast and status on the fixed panel: the units that reported at the start of
  // the trend and in its latest period, gaps interpolated (core fixedPanelSeries).
  const panel = panelOfRegion(full, published);
  if (panel === undefined) return undefined;
  const values = panel ? panel.points : published;
  const e = panel ? evaluateTarget(spec, values, asOf, baseline) : full;
  const { dataAsOf, revised } = stampOf();
  // The latest figure must cover enough reporters (and enough on time) for a status to be shown.
  const latestPoint = e.latest ? points.find((p) => p.period === e.latest!.period) : undefined;
  const coverage = latestPoint?.coverage ?? null;
  const status = statusWithCoverage(e.status, coverage, completeness);
  return {
    target: ctx.link.ref,
    measure: ctx.measure,
    region: brief(region),
    targetValue: e.goal,
    targetValueMax: e.goalMax,
    baseline: e.baseline,
    latest: e.latest,
    progress: e.progress,
    expectedToday: e.expectedToday,
    forecast: e.forecast,
    status,
    laggingSince: ctx.withLaggingSince ? laggingSince(spec, values, asOf, baseline, status) : null,
    coverage,
    completeness,
    provisional: (latestPoint?.unapproved ?? 0) > 0,
    panel: panel
      ? {
          from: panel.from,
          to: panel.to,
          units: panel.units.length,
          lateStarters: panel.lateStarters,
          stopped: panel.stopped,
          imputed: panel.imputed,
        }
      : null,
    dataAsOf: dataAsOf === null ? null : new Date(dataAsOf).toISOString(),
    revised,
    series: points,
  };
}

type TargetEvaluationCore = ReturnType<typeof evaluateTarget>;

/**
 * A link's evaluations from the SQL roll-up, or null when the sums cannot decide them exactly
 * (a ratio's units holding one figure without the other, a fixed panel with gaps or changing
 * units): the caller then reads the figures one by one.
 */
async function rolledEvaluations(
  ctx: LinkContext,
  rollup: DataSetRollup,
  indicator: IndicatorRow,
  definition: TargetDefinition,
  source: EvaluationSource,
  regions: readonly RegionNode[],
): Promise<TargetEvaluation[] | null> {
  const rolled = await rollup.series({
    numerator: indicator.numerator_code,
    denominator: indicator.denominator_code,
    aggregation: indicator.aggregation as IndicatorAggregation,
    factor: indicator.factor,
    unitRoots: definition.unitRoots,
    combine: definition.combine,
  });
  if (!rolled) return null;
  const now = decimalYear(ctx.asOf);
  const out: TargetEvaluation[] = [];
  for (const region of regions) {
    if (!applies(ctx.link, source.catalogue, region, rolled.expected.get(region.path) ?? 0)) continue;
    const points = rolled.series.get(region.path) ?? [];
    const byPeriod = new Map(points.map((p) => [p.period, p]));
    const countable = rolled.countable.get(region.path) ?? 0;
    const stamps = rolled.stamps.get(region.path) ?? new Map<string, string>();
    const known = [...stamps.keys()].filter((p) => periodTime(p) <= now + 1e-9);
    const evaluation = evaluateRegion(
      ctx,
      region,
      points,
      (full, published) => {
        if (!full.baseline || !full.latest) return null;
        const tBase = periodTime(full.baseline.period);
        const from =
          published.find((p) => periodTime(p.period) <= now + 1e-9 && periodTime(p.period) >= tBase - 1e-9)?.period ??
          full.latest.period;
        const to = full.latest.period;
        const window = known.filter((p) => periodTime(p) >= periodTime(from) && periodTime(p) <= periodTime(to));
        if (!window.includes(from) || !window.includes(to)) return null;
        // The panel is every countable unit when each of them is counted in every period of the
        // window (no gap to interpolate, no late starter, none stopped); otherwise it is formed
        // from the figures one by one.
        if (countable === 0 || window.some((p) => byPeriod.get(p)?.coverage?.reported !== countable)) return undefined;
        return {
          from,
          to,
          units: new Array<string>(countable),
          lateStarters: 0,
          stopped: 0,
          imputed: 0,
          points: window.flatMap((p) => {
            const value = byPeriod.get(p)!.value;
            return value === null ? [] : [{ period: p, value }];
          }),
        };
      },
      () => {
        let dataAsOf: string | null = null;
        for (const p of known) {
          const stamp = stamps.get(p)!;
          if (dataAsOf === null || stamp > dataAsOf) dataAsOf = stamp;
        }
        return { dataAsOf, revised: false };
      },
    );
    if (evaluation === undefined) return null;
    out.push(evaluation);
  }
  return out;
}

/** Every applicable (target, region) evaluation, in plan order then in the order of `regions`. */
export async function evaluateTargets(source: EvaluationSource, options: EvaluateOptions): Promise<TargetEvaluation[]> {
  const { root, regions, asOf } = options;
  const links = options.links ?? source.catalogue.links;
  // Evaluate data set by data set (each one's figures are read once), then return in plan order.
  const setOf = (link: TargetLink) =>
    link.titles
      ? ''
      : dataSetOfIndicator(source.catalogue, source.catalogue.indicatorByCode.get(link.indicatorCode!)!).code;
  const order = new Map(links.map((l, i) => [l, i]));
  const byLink = new Map<TargetLink, TargetEvaluation[]>();
  const rollups = new Map<string, Promise<DataSetRollup>>();
  const rollupOf = (set: DataSetRow): Promise<DataSetRollup> | null => {
    if (source.dataAsOf !== null || options.rollUp === 'memory') return null;
    const found = rollups.get(set.code);
    if (found) return found;
    if (options.rollUp !== 'sql') {
      const units = source.tree.nodes.filter(
        (n) => n.level === set.region_level && isUnder(root, n) && expectedReporter(source.catalogue, set, n.code),
      ).length;
      if (units < SQL_ROLLUP_MIN_UNITS) return null;
    }
    // One read for every indicator link of the data set: their elements and scopes.
    const setLinks = links.filter((l) => !l.titles && setOf(l) === set.code);
    const indicators = setLinks.map((l) => source.catalogue.indicatorByCode.get(l.indicatorCode!)!);
    const elements = [
      ...new Set(
        indicators.flatMap((i) => (i.denominator_code ? [i.numerator_code, i.denominator_code] : [i.numerator_code])),
      ),
    ];
    const scopes = setLinks.map((l) => scopeUnitRoots(source.tree, l.ref.scope));
    const loaded = DataSetRollup.load(source, set, elements, scopes, root, regions);
    rollups.set(set.code, loaded);
    return loaded;
  };
  for (const link of [...links].sort((a, b) => setOf(a).localeCompare(setOf(b)) || order.get(a)! - order.get(b)!)) {
    const out: TargetEvaluation[] = [];
    byLink.set(link, out);
    let data: { series: RegionSeries; expected: Map<string, number> };
    let figures: IndicatorData | null = null;
    let measure: TargetEvaluation['measure'];
    let completeness: CompletenessRule = NO_COMPLETENESS_RULE;
    let indicator: IndicatorRow | null = null;
    let set: DataSetRow | null = null;
    if (link.titles) {
      measure = { kind: 'titles', ...link.titles };
    } else {
      indicator = source.catalogue.indicatorByCode.get(link.indicatorCode!)!;
      set = dataSetOfIndicator(source.catalogue, indicator);
      completeness = completenessOf(set);
      measure = {
        kind: 'indicator',
        indicator: {
          code: indicator.code,
          name: indicator.name,
          unit: indicator.unit,
          periodType: set.period_type as IndicatorPeriodType,
        },
        combine: link.combine,
      };
    }
    const spec = targetSpec(
      link,
      measure.kind === 'indicator' ? measure.indicator.unit : measure.as === 'share' ? '%' : '',
    );
    const ctx: LinkContext = {
      link,
      measure,
      spec,
      baseline: baselineOf(link),
      completeness,
      asOf,
      withLaggingSince: options.withLaggingSince ?? false,
    };
    const definition: TargetDefinition = {
      unitRoots: scopeUnitRoots(source.tree, link.ref.scope),
      combine: link.combine,
    };
    if (indicator && set) {
      const rollup = rollupOf(set);
      const rolled = rollup ? await rolledEvaluations(ctx, await rollup, indicator, definition, source, regions) : null;
      if (rolled) {
        out.push(...rolled);
        continue;
      }
      figures = await indicatorSeries(source, indicator, root, regions, definition);
      data = figures;
    } else {
      data = await titleSeries(source, link, root, regions, asOf);
    }
    const byRegion = figures
      ? periodsByRegion(
          figures.periods,
          regions.map((r) => r.path),
        )
      : null;
    const now = decimalYear(asOf);
    for (const region of regions) {
      if (!applies(link, source.catalogue, region, data.expected.get(region.path) ?? 0)) continue;
      const points = data.series.get(region.path) ?? [];
      const regionPeriods = byRegion?.get(region.path) ?? [];
      const knownPeriods = regionPeriods.filter((p) => periodTime(p.period) <= now + 1e-9);
      const evaluation = evaluateRegion(
        ctx,
        region,
        points,
        (full, published) =>
          figures === null
            ? null
            : panelOf(
                knownPeriods,
                region,
                figures.composition,
                full,
                published.filter((p) => periodTime(p.period) <= now + 1e-9),
              ),
        () => {
          // The data stamp: the latest change among the figures known at asOf inside the region.
          let dataAsOf: string | null = null;
          let revised = false;
          for (const p of knownPeriods) {
            for (const leaf of p.leaves) {
              if (dataAsOf === null || leaf.stamp > dataAsOf) dataAsOf = leaf.stamp;
              revised ||= leaf.revised;
            }
          }
          return { dataAsOf, revised };
        },
      );
      out.push(evaluation!);
    }
  }
  return links.flatMap((l) => byLink.get(l) ?? []);
}
