import type { Comparator, TargetDirection } from './plan.ts';
import {
  decimalYear,
  indicatorPeriodBounds,
  indicatorPeriodOf,
  indicatorPeriodsBetween,
  indicatorPeriodType,
  nextIndicatorPeriod,
  periodTime,
  type TargetStatus,
} from './indicators.ts';

/*
 * Target tracking: where a measured series stands against a plan target, and whether the target
 * will be met by its deadline. Pure functions; the method is described in docs/indicators.md.
 *
 * Time axis: decimal years at the END of a period or date (2019 → 2020.0, 2020-12-31 → 2021.0).
 *
 * 1. Goal. The figure to reach: the target value; for `reduce_by_percent` p the baseline × (1 − p/100),
 *    for `increase_by_percent` the baseline × (1 + p/100); for ranges (`between`, `count_between`) the
 *    lower bound when higher is better, the upper bound when lower is better.
 * 2. Met. Higher is better: value ≥ goal; lower is better: value ≤ goal. `approximately` allows 5 %
 *    of the goal on the wrong side (约 12 小时 is met by 11.4).
 * 3. Progress = (latest − baseline) / (goal − baseline), clamped to 0-100 %; null when the target
 *    names a baseline period in which the region has no value (a late reporter's first report is
 *    not its baseline: it would score 100 % from nothing). The same formula is right
 *    for lower-is-better goals because both differences are negative. A baseline already at or beyond
 *    the goal gives 100 % when the latest value meets it, otherwise 0 %.
 * 4. Expected today = baseline + (goal − baseline) × (now − t_baseline) / (deadline − t_baseline),
 *    the fraction clamped to 0..1 (a straight line from baseline to deadline, 三色督办's pace line).
 * 5. Forecast (ESCAP "anticipated progress" style): a weighted least-squares line through the
 *    points known at `asOf` from the baseline on (the baseline point included, earlier points left
 *    out), weight = rank in time (oldest 1, newest n),
 *    so recent periods weigh more; evaluated at the deadline. Needs ≥ 2 points at distinct times.
 *    The forecast is clamped to the values the measure can take (`TargetSpec.range`).
 * 6. Status, in this order:
 *    - no_data: no point known at asOf;
 *    - achieved: the latest value meets the goal;
 *    - off_track: the deadline has passed (and the goal is not met);
 *    - with a forecast F: anticipated ratio r = (F − baseline) / (goal − baseline) (F meeting the goal
 *      counts as r = 1): r ≥ 1 on_track, 0.8 ≤ r < 1 at_risk, r < 0.8 off_track;
 *    - with one point only: pace ratio q = (latest − baseline) / (expectedToday − baseline):
 *      q ≥ 1 (or nothing expected yet) on_track, 0.8 ≤ q < 1 at_risk, below off_track; when that one
 *      point is itself the baseline there is no evidence of movement: at_risk.
 */

/** Anticipated/pace ratio at or above which a target that will not be met is "at risk", not "off track". */
export const AT_RISK_RATIO = 0.8;
/** Relative tolerance of `approximately` targets. */
export const APPROXIMATELY_TOLERANCE = 0.05;

export type TargetSpec = {
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  direction: TargetDirection;
  /** ISO date. */
  deadline: string;
  /**
   * The values the measure can take, e.g. 0-100 for a share in percent, 0 and up for a count. A
   * trend line is clamped to them: a share rising 5 points a year is forecast at 100 %, not 105 %.
   */
  range?: { min: number | null; max: number | null };
};

export type BaselineInput = { period: string; value: number; source: 'plan' | 'link' | 'first_observation' };
export type SeriesValue = { period: string; value: number };

/** The figure to reach and the upper bound of a range; null when a percent target has no baseline. */
export function resolveGoal(
  target: TargetSpec,
  baselineValue: number | null,
): { goal: number; goalMax: number | null } | null {
  switch (target.comparator) {
    case 'reduce_by_percent':
      return baselineValue === null ? null : { goal: baselineValue * (1 - target.value / 100), goalMax: null };
    case 'increase_by_percent':
      return baselineValue === null ? null : { goal: baselineValue * (1 + target.value / 100), goalMax: null };
    case 'between':
    case 'count_between': {
      const max = target.valueMax ?? target.value;
      return target.direction === 'higher_is_better'
        ? { goal: target.value, goalMax: max }
        : { goal: max, goalMax: max };
    }
    default:
      return { goal: target.value, goalMax: null };
  }
}

const EPSILON = 1e-9;

/** Whether a value meets the goal, by direction (and tolerance for `approximately`). */
export function meetsGoal(value: number, goal: number, target: Pick<TargetSpec, 'comparator' | 'direction'>): boolean {
  const tolerance = target.comparator === 'approximately' ? Math.abs(goal) * APPROXIMATELY_TOLERANCE : 0;
  return target.direction === 'higher_is_better'
    ? value >= goal - tolerance - EPSILON
    : value <= goal + tolerance + EPSILON;
}

/** Unclamped share of the way from baseline to goal (1 = goal reached); null when they coincide. */
function ratioOfWay(value: number, baseline: number, goal: number): number | null {
  const span = goal - baseline;
  if (Math.abs(span) < EPSILON) return null;
  return (value - baseline) / span;
}

/** Progress from baseline to goal in percent, clamped to 0-100. */
export function progressPercent(
  latest: number,
  baseline: number,
  goal: number,
  target: Pick<TargetSpec, 'comparator' | 'direction'>,
): number {
  const met = meetsGoal(latest, goal, target);
  const wrongSide = target.direction === 'higher_is_better' ? goal <= baseline : goal >= baseline;
  const ratio = ratioOfWay(latest, baseline, goal);
  if (wrongSide || ratio === null) return met ? 100 : 0;
  if (met) return 100;
  return Math.min(100, Math.max(0, ratio * 100));
}

/** The value on the straight line from (tBaseline, baseline) to (tDeadline, goal) at time `t`. */
export function expectedAt(baseline: number, tBaseline: number, goal: number, tDeadline: number, t: number): number {
  if (tDeadline <= tBaseline) return goal;
  const f = Math.min(1, Math.max(0, (t - tBaseline) / (tDeadline - tBaseline)));
  return baseline + (goal - baseline) * f;
}

/**
 * Time-weighted linear regression: weights 1..n by time order (the newest point weighs most),
 * evaluated at `at`. Null with fewer than two distinct times.
 */
export function weightedLinearForecast(points: { t: number; v: number }[], at: number): number | null {
  const sorted = [...points].sort((a, b) => a.t - b.t);
  if (sorted.length < 2 || sorted[0]!.t === sorted[sorted.length - 1]!.t) return null;
  let sw = 0;
  let st = 0;
  let sv = 0;
  sorted.forEach((p, i) => {
    const w = i + 1;
    sw += w;
    st += w * p.t;
    sv += w * p.v;
  });
  const tm = st / sw;
  const vm = sv / sw;
  let sxy = 0;
  let sxx = 0;
  sorted.forEach((p, i) => {
    const w = i + 1;
    sxy += w * (p.t - tm) * (p.v - vm);
    sxx += w * (p.t - tm) ** 2;
  });
  const slope = sxy / sxx;
  return vm + slope * (at - tm);
}

function clampToRange(value: number | null, range: TargetSpec['range']): number | null {
  if (value === null || !range) return value;
  if (range.max !== null && value > range.max) return range.max;
  if (range.min !== null && value < range.min) return range.min;
  return value;
}

export type Evaluation = {
  goal: number | null;
  goalMax: number | null;
  baseline: BaselineInput | null;
  latest: SeriesValue | null;
  progress: number | null;
  expectedToday: number | null;
  forecast: number | null;
  status: TargetStatus;
};

/**
 * Evaluates a target on a series as known at `asOf` (ISO date): points whose period has not ended
 * by `asOf` are ignored. `baseline` is the plan's or the link's baseline; without one (or without its
 * value) the first known point is the baseline.
 */
export function evaluateTarget(
  target: TargetSpec,
  series: readonly SeriesValue[],
  asOf: string,
  baseline: { period: string; value: number | null; source: 'plan' | 'link' } | null,
): Evaluation {
  const now = decimalYear(asOf);
  const known = series
    .filter((p) => Number.isFinite(p.value) && periodTime(p.period) <= now + EPSILON)
    .sort((a, b) => periodTime(a.period) - periodTime(b.period));
  let base: BaselineInput | null =
    baseline && baseline.value !== null && periodTime(baseline.period) <= now + EPSILON
      ? { period: baseline.period, value: baseline.value, source: baseline.source }
      : null;
  if (!base && baseline && baseline.value === null) {
    // Only the baseline's period is given: the last observation within it is the baseline
    // (the 2017 value of a yearly series, 2017Q4 of a quarterly one).
    const { start, end } = indicatorPeriodBounds(baseline.period);
    const within = known.filter((p) => {
      const b = indicatorPeriodBounds(p.period);
      return b.start >= start && b.end <= end;
    });
    const last = within[within.length - 1];
    if (last) base = { period: last.period, value: last.value, source: baseline.source };
  }
  if (!base && known.length > 0)
    base = { period: known[0]!.period, value: known[0]!.value, source: 'first_observation' };

  const resolved = resolveGoal(target, base ? base.value : null);
  const goal = resolved?.goal ?? null;
  const goalMax = resolved?.goalMax ?? null;
  const latest = known.length > 0 ? known[known.length - 1]! : null;
  const empty: Evaluation = {
    goal,
    goalMax,
    baseline: base,
    latest,
    progress: null,
    expectedToday: null,
    forecast: null,
    status: 'no_data',
  };
  if (!latest || !base || goal === null) return empty;

  const tBase = periodTime(base.period);
  const tDeadline = decimalYear(target.deadline);
  // Late reporters are not rewarded (issue 16): a region with no value in the baseline period the
  // target names has no progress (null, left out of rankings); its first report is not a baseline
  // to measure progress from. Without any baseline period the first observation is the baseline.
  const noBaseline = baseline !== null && base.source === 'first_observation';
  const progress = noBaseline ? null : progressPercent(latest.value, base.value, goal, target);
  const expectedToday = expectedAt(base.value, tBase, goal, tDeadline, now);
  // Progress since the baseline: points before it do not enter the trend.
  const points = known.map((p) => ({ t: periodTime(p.period), v: p.value })).filter((p) => p.t >= tBase - EPSILON);
  if (!known.some((p) => p.period === base.period)) points.push({ t: tBase, v: base.value });
  const forecast = clampToRange(weightedLinearForecast(points, tDeadline), target.range);
  const result = { ...empty, progress, expectedToday, forecast };

  if (meetsGoal(latest.value, goal, target)) return { ...result, status: 'achieved' };
  if (now > tDeadline) return { ...result, status: 'off_track' };
  if (forecast !== null) {
    const r = meetsGoal(forecast, goal, target) ? 1 : (ratioOfWay(forecast, base.value, goal) ?? 0);
    return { ...result, status: r >= 1 ? 'on_track' : r >= AT_RISK_RATIO ? 'at_risk' : 'off_track' };
  }
  // One point only.
  if (base.source === 'first_observation' || base.period === latest.period) return { ...result, status: 'at_risk' };
  const q = ratioOfWay(latest.value, base.value, expectedToday);
  if (q === null) return { ...result, status: 'on_track' };
  return { ...result, status: q >= 1 ? 'on_track' : q >= AT_RISK_RATIO ? 'at_risk' : 'off_track' };
}

/**
 * The first period of the current run of at-risk / off-track statuses; null when the status at
 * `asOf` is not lagging. The target is re-evaluated at the end of EVERY period of the series' type
 * after the baseline (whether or not that period has a value: the data known then is what counts),
 * and at `asOf` itself for the period that contains it. So a target behind from its first period
 * after the baseline lags from that period, and a target that turns off track only because its
 * deadline passed without new data lags from the period in which the deadline passed.
 */
export function laggingSince(
  target: TargetSpec,
  series: readonly SeriesValue[],
  asOf: string,
  baseline: { period: string; value: number | null; source: 'plan' | 'link' } | null,
  current: TargetStatus,
): string | null {
  if (current !== 'at_risk' && current !== 'off_track') return null;
  const now = decimalYear(asOf);
  const base = evaluateTarget(target, series, asOf, baseline).baseline;
  if (!base || series.length === 0) return null;
  const type = indicatorPeriodType(series[0]!.period);
  // Checkpoints: every period of the series' type after the baseline's, up to the one holding asOf.
  const first = nextIndicatorPeriod(indicatorPeriodOf(type, indicatorPeriodBounds(base.period).end));
  const checkpoints = indicatorPeriodsBetween(first, indicatorPeriodOf(type, asOf));
  let since: string | null = null;
  for (let i = checkpoints.length - 1; i >= 0; i--) {
    const period = checkpoints[i]!;
    const end = indicatorPeriodBounds(period).end;
    const at = periodTime(period) <= now + EPSILON ? end : asOf;
    const known = series.filter((p) => periodTime(p.period) <= decimalYear(at) + EPSILON);
    const status = evaluateTarget(target, known, at, baseline).status;
    if (status !== 'at_risk' && status !== 'off_track') break;
    since = period;
  }
  return since;
}
