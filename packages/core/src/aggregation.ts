import type { IndicatorAggregation, TargetCombination } from './indicators.ts';
import { isWithinScope, PATH_SEPARATOR } from './scope.ts';

/*
 * Aggregation of reported figures up the region hierarchy. Figures are reported by regions of one
 * level (the data set's level); a region above aggregates the reporting regions of its subtree:
 * - sum: Σ numerator × factor;
 * - average: mean of the reporting regions' values × factor (e.g. PM2.5 concentration);
 * - ratio: Σ numerator / Σ denominator × factor, recomputed from the sums, NEVER the mean of the
 *   children's ratios (a county of 1,000 households weighs ten times one of 100).
 * A reporting region counts for a ratio only when it has both figures. Coverage (reported /
 * expected reporting regions, and how many of them reported on time) is returned with every value,
 * so partial coverage shows.
 *
 * A target adds two things to this (issue 16, `composeTargetValues`): which reporting units count
 * (a group's members, listed regions) and how they are combined (the indicator's own rule, an
 * unweighted mean of the units' values, or a population-weighted mean).
 */

export type LeafFigure = {
  /** The reporting region's path (`23/2301/230102`). */
  path: string;
  numerator: number | null;
  /** Only for ratio indicators. */
  denominator: number | null;
  /** True when the province has approved the figure or it needs no approval (other modules, demo). */
  approved: boolean;
  /** Known within the data set's timely days after the period end (core `isTimely`); true when absent. */
  timely?: boolean;
};

export type Aggregate = {
  value: number | null;
  /** Σ numerator (sum, ratio) or mean numerator (average); null when nothing is reported. */
  numerator: number | null;
  /** Σ denominator for ratios, else null. */
  denominator: number | null;
  reported: number;
  expected: number;
  /** Reporting regions counted that the province has not approved yet. */
  unapproved: number;
  /** Reporting regions counted whose figure was on time. */
  timely: number;
};

type Accumulator = { num: number; den: number; reported: number; unapproved: number; timely: number };

/** The weight of a leaf in a population-weighted mean; null when the leaf cannot be weighted. */
type Weigh = (leaf: LeafFigure) => number | null;

/** Whether a leaf contributes to an indicator of this aggregation. */
function contributes(leaf: LeafFigure, aggregation: IndicatorAggregation): boolean {
  if (leaf.numerator === null || !Number.isFinite(leaf.numerator)) return false;
  if (aggregation !== 'ratio') return true;
  return leaf.denominator !== null && Number.isFinite(leaf.denominator);
}

function finish(
  acc: Accumulator | undefined,
  expected: number,
  aggregation: IndicatorAggregation,
  factor: number,
  weighted = false,
): Aggregate {
  if (!acc || acc.reported === 0) {
    return { value: null, numerator: null, denominator: null, reported: 0, expected, unapproved: 0, timely: 0 };
  }
  const base = { reported: acc.reported, expected, unapproved: acc.unapproved, timely: acc.timely };
  if (weighted) {
    // Σ value × weight / Σ weight; `den` holds Σ weight.
    const mean = acc.num / acc.den;
    return { ...base, numerator: mean, denominator: null, value: mean * factor };
  }
  if (aggregation === 'ratio') {
    return {
      ...base,
      numerator: acc.num,
      denominator: acc.den,
      value: acc.den > 0 ? (acc.num / acc.den) * factor : null,
    };
  }
  if (aggregation === 'average') {
    const mean = acc.num / acc.reported;
    return { ...base, numerator: mean, denominator: null, value: mean * factor };
  }
  return { ...base, numerator: acc.num, denominator: null, value: acc.num * factor };
}

/** Aggregates one set of reporting regions' figures (all of them belong to the region aggregated). */
export function aggregateFigures(
  leaves: readonly LeafFigure[],
  expected: number,
  aggregation: IndicatorAggregation,
  factor: number,
): Aggregate {
  const acc: Accumulator = { num: 0, den: 0, reported: 0, unapproved: 0, timely: 0 };
  for (const leaf of leaves) {
    if (!contributes(leaf, aggregation)) continue;
    acc.num += leaf.numerator!;
    acc.den += leaf.denominator ?? 0;
    acc.reported++;
    if (!leaf.approved) acc.unapproved++;
    if (leaf.timely !== false) acc.timely++;
  }
  return finish(acc, expected, aggregation, factor);
}

/**
 * Aggregates reporting regions' figures for many regions at once: each leaf is added to every
 * wanted region on its path (a leaf is its own region's figure when the leaf itself is wanted; the
 * path '' is a root above every region).
 * `expectedLeaves` are the paths of every reporting region that should report (within the
 * target's scope), for coverage. O((leaves + expected) × depth).
 */
function rollUp(
  leaves: readonly LeafFigure[],
  expectedLeaves: readonly string[],
  wantedPaths: readonly string[],
  aggregation: IndicatorAggregation,
  factor: number,
  /** Reuse across calls with the same `wantedPaths` (e.g. one call per period) to skip path splitting. */
  ancestorCache: Map<string, string[]> = new Map(),
  /** Population-weighted mean: each leaf's weight (a leaf without one does not count). */
  weigh?: Weigh,
): Map<string, Aggregate> {
  const wanted = new Set(wantedPaths);
  const acc = new Map<string, Accumulator>();
  const expected = new Map<string, number>();
  const ancestorsOf = (path: string): string[] => {
    const cached = ancestorCache.get(path);
    if (cached) return cached;
    const parts = path.split(PATH_SEPARATOR);
    // '' stands for a root above every region (the nation in the benchmark).
    const out: string[] = wanted.has('') ? [''] : [];
    for (let i = 1; i <= parts.length; i++) {
      const p = parts.slice(0, i).join(PATH_SEPARATOR);
      if (wanted.has(p)) out.push(p);
    }
    ancestorCache.set(path, out);
    return out;
  };
  for (const path of expectedLeaves) {
    for (const p of ancestorsOf(path)) expected.set(p, (expected.get(p) ?? 0) + 1);
  }
  for (const leaf of leaves) {
    if (!contributes(leaf, aggregation)) continue;
    const weight = weigh ? weigh(leaf) : 1;
    if (weight === null) continue;
    for (const p of ancestorsOf(leaf.path)) {
      let a = acc.get(p);
      if (!a) {
        a = { num: 0, den: 0, reported: 0, unapproved: 0, timely: 0 };
        acc.set(p, a);
      }
      a.num += weigh ? leaf.numerator! * weight : leaf.numerator!;
      a.den += weigh ? weight : (leaf.denominator ?? 0);
      a.reported++;
      if (!leaf.approved) a.unapproved++;
      if (leaf.timely !== false) a.timely++;
    }
  }
  const out = new Map<string, Aggregate>();
  for (const p of wantedPaths) {
    out.set(p, finish(acc.get(p), expected.get(p) ?? 0, aggregation, factor, weigh !== undefined));
  }
  return out;
}

/** How a target's value is formed from its reporting units' figures (issue 16). */
export type TargetComposition = {
  /** The indicator's own rule (sum, average, ratio) and factor. */
  aggregation: IndicatorAggregation;
  factor: number;
  /**
   * `data_set`: the indicator's rule; `mean`: the unweighted mean of the units' values;
   * `population_weighted_mean`: Σ value × population / Σ population over the units with a
   * population figure. Rates (`ratio`) are always combined as the ratio of sums.
   */
  combine: TargetCombination;
  /**
   * Paths of the regions whose reporting units count (a group's members, listed regions): a unit
   * counts when it is, or lies inside, one of them. Null: every unit counts.
   */
  unitRoots: readonly string[] | null;
  /** Population of the reporting units, by path (for `population_weighted_mean`). */
  population?: ReadonlyMap<string, number>;
};

/**
 * Whether a reporting unit's figure enters the target's value: the unit counts for the target
 * (inside its roots), has the figures the rule needs, and can be weighted when the mean is
 * population-weighted. The fixed panel (core `fixedPanelSeries`) is built from these units.
 */
export function countsInComposition(leaf: LeafFigure, composition: TargetComposition): boolean {
  const { unitRoots, combine } = composition;
  if (unitRoots !== null && !unitRoots.some((root) => isWithinScope(root, leaf.path))) return false;
  const ratio = composition.aggregation === 'ratio';
  if (!contributes(leaf, ratio ? 'ratio' : 'sum')) return false;
  if (!ratio && combine === 'population_weighted_mean') {
    const w = composition.population?.get(leaf.path);
    return w !== undefined && w > 0;
  }
  return true;
}

/**
 * THE function that forms a target's value for many regions at once (the cockpit, the ranking, the
 * lagging list and the indicator page all go through it): keeps the reporting units the target
 * counts, then combines their figures as the target says. Coverage counts only the units that
 * count: expected = the target's units inside the region; a unit without a population figure
 * cannot enter a weighted mean and counts as not reported.
 */
export function composeTargetValues(
  leaves: readonly LeafFigure[],
  expectedLeaves: readonly string[],
  wantedPaths: readonly string[],
  composition: TargetComposition,
  ancestorCache: Map<string, string[]> = new Map(),
): Map<string, Aggregate> {
  const { unitRoots, combine, factor } = composition;
  const counts = (path: string) => unitRoots === null || unitRoots.some((root) => isWithinScope(root, path));
  const units = unitRoots === null ? leaves : leaves.filter((l) => counts(l.path));
  const expected = unitRoots === null ? expectedLeaves : expectedLeaves.filter(counts);
  if (composition.aggregation === 'ratio' || combine === 'data_set') {
    return rollUp(units, expected, wantedPaths, composition.aggregation, factor, ancestorCache);
  }
  if (combine === 'mean') return rollUp(units, expected, wantedPaths, 'average', factor, ancestorCache);
  const population = composition.population ?? new Map<string, number>();
  const weigh: Weigh = (leaf) => {
    const w = population.get(leaf.path);
    return w !== undefined && w > 0 ? w : null;
  };
  return rollUp(units, expected, wantedPaths, 'average', factor, ancestorCache, weigh);
}
