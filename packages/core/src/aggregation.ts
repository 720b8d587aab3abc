import type { IndicatorAggregation } from './indicators.ts';
import { PATH_SEPARATOR } from './scope.ts';

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
): Aggregate {
  if (!acc || acc.reported === 0) {
    return { value: null, numerator: null, denominator: null, reported: 0, expected, unapproved: 0, timely: 0 };
  }
  const base = { reported: acc.reported, expected, unapproved: acc.unapproved, timely: acc.timely };
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
export function rollUp(
  leaves: readonly LeafFigure[],
  expectedLeaves: readonly string[],
  wantedPaths: readonly string[],
  aggregation: IndicatorAggregation,
  factor: number,
  /** Reuse across calls with the same `wantedPaths` (e.g. one call per period) to skip path splitting. */
  ancestorCache: Map<string, string[]> = new Map(),
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
    for (const p of ancestorsOf(leaf.path)) {
      let a = acc.get(p);
      if (!a) {
        a = { num: 0, den: 0, reported: 0, unapproved: 0, timely: 0 };
        acc.set(p, a);
      }
      a.num += leaf.numerator!;
      a.den += leaf.denominator ?? 0;
      a.reported++;
      if (!leaf.approved) a.unapproved++;
      if (leaf.timely !== false) a.timely++;
    }
  }
  const out = new Map<string, Aggregate>();
  for (const p of wantedPaths) out.set(p, finish(acc.get(p), expected.get(p) ?? 0, aggregation, factor));
  return out;
}
