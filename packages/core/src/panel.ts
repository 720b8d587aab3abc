import { composeTargetValues, countsInComposition, type LeafFigure, type TargetComposition } from './aggregation.ts';
import { periodTime } from './indicators.ts';
import { isWithinScope } from './scope.ts';

/*
 * Trends on a fixed panel (issue 16). A region's published figure for a period aggregates whoever
 * reported in it, so its series jumps when a county starts or stops reporting, and a provincial
 * mean can read "on track" only because a city with high values reported in the baseline year and
 * not since. Progress and forecasts therefore compare like with like:
 *
 * - the panel of a region is the set of its counted reporting units that have a value both in the
 *   first period of the trend (the baseline period, or the first observation when the region has
 *   none there) and in the latest period known;
 * - each point of the trend (every period from the first to the latest in which at least one panel
 *   unit reported) is recomputed over the panel only, with the target's own combination;
 * - a panel unit without a value in a period in between is imputed by linear interpolation, in
 *   time, between its nearest earlier and later values (numerator and denominator separately for
 *   a rate): the one documented imputation; nothing is extrapolated;
 * - units that reported in the latest period but not in the first (late starters) and units that
 *   reported in the first but not in the latest (stopped) are left out, and counted.
 *
 * The published figures (all reporters) stay what the chart and the coverage show; the panel is
 * what progress, the forecast and the status are computed from.
 */

/** One period's figures of the reporting units (already restricted to the target's units or not). */
export type PanelPeriod = { period: string; leaves: readonly LeafFigure[] };

export type PanelSeries = {
  /** First and latest period of the trend: every panel unit reported in both. */
  from: string;
  to: string;
  /** Paths of the panel's units. */
  units: string[];
  /** Units that reported in `to` but not in `from` (late starters), left out of the trend. */
  lateStarters: number;
  /** Units that reported in `from` but not in `to` (stopped reporting), left out of the trend. */
  stopped: number;
  /** Panel values filled in by interpolation at points in between. */
  imputed: number;
  /** The region's value per period over the panel. */
  points: { period: string; value: number }[];
};

/** The reporting units (paths) of `period` that count for the composition inside `regionPath`. */
function valued(
  leaves: readonly LeafFigure[],
  regionPath: string,
  composition: TargetComposition,
): Map<string, LeafFigure> {
  const out = new Map<string, LeafFigure>();
  for (const leaf of leaves) {
    if (regionPath !== '' && !isWithinScope(regionPath, leaf.path)) continue;
    if (countsInComposition(leaf, composition)) out.set(leaf.path, leaf);
  }
  return out;
}

const lerp = (a: number, b: number, f: number) => a + (b - a) * f;

/**
 * The region's series over its fixed panel from `from` to `to` (period labels; `periods` sorted
 * by time, holding at least those two). Null when no unit reported in both.
 */
export function fixedPanelSeries(
  periods: readonly PanelPeriod[],
  regionPath: string,
  from: string,
  to: string,
  composition: TargetComposition,
): PanelSeries | null {
  const tFrom = periodTime(from);
  const tTo = periodTime(to);
  const window = periods
    .filter((p) => periodTime(p.period) >= tFrom && periodTime(p.period) <= tTo)
    .map((p) => ({ period: p.period, t: periodTime(p.period), units: valued(p.leaves, regionPath, composition) }));
  const first = window.find((p) => p.period === from);
  const last = window.find((p) => p.period === to);
  if (!first || !last) return null;
  const units = [...first.units.keys()].filter((path) => last.units.has(path)).sort();
  if (units.length === 0) return null;
  const panel = new Set(units);
  const lateStarters = [...last.units.keys()].filter((path) => !first.units.has(path)).length;
  const stopped = [...first.units.keys()].filter((path) => !last.units.has(path)).length;
  let imputed = 0;
  const points: PanelSeries['points'] = [];
  for (const [i, point] of window.entries()) {
    if (!units.some((u) => point.units.has(u))) continue;
    const leaves: LeafFigure[] = [];
    for (const unit of units) {
      const own = point.units.get(unit);
      if (own) {
        leaves.push(own);
        continue;
      }
      // Interpolate between the unit's nearest values before and after (both exist: it reported
      // in `from` and in `to`).
      let before = i - 1;
      while (!window[before]!.units.has(unit)) before--;
      let after = i + 1;
      while (!window[after]!.units.has(unit)) after++;
      const a = window[before]!;
      const b = window[after]!;
      const la = a.units.get(unit)!;
      const lb = b.units.get(unit)!;
      const f = (point.t - a.t) / (b.t - a.t);
      leaves.push({
        path: unit,
        numerator: lerp(la.numerator!, lb.numerator!, f),
        denominator:
          la.denominator === null || lb.denominator === null ? null : lerp(la.denominator, lb.denominator, f),
        approved: la.approved && lb.approved,
      });
      imputed++;
    }
    const value = composeTargetValues(leaves, [...panel], [regionPath], composition).get(regionPath)?.value ?? null;
    if (value !== null) points.push({ period: point.period, value });
  }
  return { from, to, units, lateStarters, stopped, imputed, points };
}
