import { z } from 'zod';
import { PlanCode } from '../plan.ts';
import { RegionCode } from '../regions.ts';
import { TitleKind } from '../evaluation.ts';
import { CompletenessRule } from '../completeness.ts';
import { IndicatorPeriod, IndicatorPeriodType, TargetCombination, TargetStatus } from '../indicators.ts';
import { Coverage, RegionBrief, SeriesPoint, TargetRef } from './indicators.ts';

// The cockpit's API (issue 4, issue 16): target evaluations of a region, the map, the ranking and
// the lagging list. The statuses are in ../indicators.ts; targets, coverage and series points in
// ./indicators.ts.

export const TargetMeasure = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('indicator'),
    indicator: z.object({ code: z.string(), name: z.string(), unit: z.string(), periodType: IndicatorPeriodType }),
    /** How the units in the target's scope form a region's value (issue 16). */
    combine: TargetCombination,
  }),
  z.object({
    kind: z.literal('titles'),
    title: TitleKind,
    as: z.enum(['count', 'share']),
    levels: z.array(z.number().int()),
  }),
]);
export type TargetMeasure = z.infer<typeof TargetMeasure>;

export const TargetEvaluation = z.object({
  target: TargetRef,
  measure: TargetMeasure,
  region: RegionBrief,
  /** The resolved figure to reach (e.g. 0.85 × the 2015 value for "down 15%"); null without a baseline. */
  targetValue: z.number().nullable(),
  /** Upper bound for ranges (count_between, between). */
  targetValueMax: z.number().nullable(),
  baseline: z
    .object({ period: z.string(), value: z.number(), source: z.enum(['plan', 'link', 'first_observation']) })
    .nullable(),
  latest: z.object({ period: z.string(), value: z.number() }).nullable(),
  /** 0-100, from baseline to target, correct for lower-is-better targets. */
  progress: z.number().nullable(),
  /** The value expected at `asOf` on the straight line from baseline to deadline. */
  expectedToday: z.number().nullable(),
  /** The value forecast at the deadline (time-weighted linear trend; needs ≥ 2 points). */
  forecast: z.number().nullable(),
  status: TargetStatus,
  /** The first period of the current run of at-risk/off-track statuses. */
  laggingSince: z.string().nullable(),
  /** Coverage of the latest figure, which decides whether the status is shown; null without data. */
  coverage: Coverage.nullable(),
  /** The data set's minimum completeness the coverage is held to. */
  completeness: CompletenessRule,
  /**
   * The latest figure includes reporters' figures submitted but not yet approved by the province:
   * the status is provisional and may change when they are approved or returned.
   */
  provisional: z.boolean(),
  /**
   * The fixed panel progress, forecast and status are computed on (core `fixedPanelSeries`): the
   * units that reported in the first and in the latest period of the trend. Null for title counts.
   */
  panel: z
    .object({
      from: z.string(),
      to: z.string(),
      /** Units in the panel / units that reported in the latest period. */
      units: z.number().int(),
      lateStarters: z.number().int(),
      stopped: z.number().int(),
      /** Panel values filled in by interpolation. */
      imputed: z.number().int(),
    })
    .nullable(),
  /**
   * The data stamp (ISO timestamp): the latest change (a figure written, an entry submitted or
   * approved) among the figures the status was computed from. Requesting the cockpit with this
   * `dataAsOf` reproduces the status later (issue 16). Null without figures (titles, no data).
   */
  dataAsOf: z.string().nullable(),
  /** Reproduced as of a stamp, but a figure it used was changed since (its old value is not kept). */
  revised: z.boolean(),
  series: z.array(SeriesPoint),
});
export type TargetEvaluation = z.infer<typeof TargetEvaluation>;

/**
 * Figures as they were known at a data stamp (a status's `dataAsOf`), to reproduce a status seen on
 * a published report: later figures and approvals are left out.
 */
const DataAsOf = z.iso.datetime({ offset: true }).optional();

export const CockpitQuery = z.strictObject({
  /** Region code; the actor's scope region when absent (the province for the provincial office). */
  region: RegionCode.optional(),
  /** ISO date the statuses are computed for; today when absent. */
  asOf: z.iso.date().optional(),
  dataAsOf: DataAsOf,
});

export const StatusCounts = z.record(TargetStatus, z.number().int());
export type StatusCounts = z.infer<typeof StatusCounts>;

export const CockpitView = z.object({
  region: RegionBrief,
  /** Ancestors from the province down to the parent, for the breadcrumb. */
  ancestors: z.array(RegionBrief),
  /** Child regions the user can drill into (levels 2 and 3 only). */
  children: z.array(RegionBrief),
  asOf: z.string(),
  /** The latest data stamp among the targets: request with it to reproduce this view. */
  dataAsOf: z.string().nullable(),
  counts: StatusCounts,
  targets: z.array(TargetEvaluation),
  /**
   * What the map opens on: the first target of the panel whose children do not all share one
   * colour as of `asOf`, else the first indicator whose children's values differ, else the first
   * target; null when the region has no children to colour.
   */
  mapDefault: z.object({ kind: z.enum(['target', 'indicator']), code: z.string() }).nullable(),
});
export type CockpitView = z.infer<typeof CockpitView>;

export const CockpitMapQuery = z.strictObject({
  region: RegionCode.optional(),
  asOf: z.iso.date().optional(),
  dataAsOf: DataAsOf,
  /** Colour by one target's status/value, or ... */
  target: PlanCode.optional(),
  /** ... by one indicator's value in `period` (latest period with data when absent). */
  indicator: PlanCode.optional(),
  period: IndicatorPeriod.optional(),
});

export const CockpitMapItem = z.object({
  region: RegionBrief,
  value: z.number().nullable(),
  period: z.string().nullable(),
  coverage: Coverage.nullable(),
  /** Null when colouring by indicator. */
  status: TargetStatus.nullable(),
  progress: z.number().nullable(),
  targetValue: z.number().nullable(),
});
export type CockpitMapItem = z.infer<typeof CockpitMapItem>;

export const CockpitMap = z.object({
  region: RegionBrief,
  asOf: z.string(),
  target: TargetRef.nullable(),
  indicator: z.object({ code: z.string(), name: z.string(), unit: z.string() }).nullable(),
  items: z.array(CockpitMapItem),
});
export type CockpitMap = z.infer<typeof CockpitMap>;

export const CockpitRankingItem = z.object({
  rank: z.number().int(),
  region: RegionBrief,
  /**
   * Mean progress (0-100) over the targets that apply to the region and carry a status (targets
   * with insufficient data or none are left out; see `scored`).
   */
  score: z.number().nullable(),
  /** Targets whose progress enters the score / targets that apply to the region. */
  scored: z.number().int(),
  applicable: z.number().int(),
  counts: StatusCounts,
});
export type CockpitRankingItem = z.infer<typeof CockpitRankingItem>;

export const CockpitRanking = z.object({
  region: RegionBrief,
  asOf: z.string(),
  items: z.array(CockpitRankingItem),
});
export type CockpitRanking = z.infer<typeof CockpitRanking>;

export const LaggingQuery = z.strictObject({
  region: RegionCode.optional(),
  asOf: z.iso.date().optional(),
  dataAsOf: DataAsOf,
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** A numbered page (1-based): the answer then carries `total`. */
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  /**
   * The order: `since` (default) the longest lagging first; `progress` the least progress first;
   * `region` by region, then target. `order=descend` reverses it.
   */
  sort: z.enum(['since', 'progress', 'region']).default('since'),
  order: z.enum(['ascend', 'descend']).default('ascend'),
});

export const LaggingItem = z.object({
  target: TargetRef,
  region: RegionBrief,
  status: z.enum(['at_risk', 'off_track']),
  laggingSince: z.string().nullable(),
  latest: z.object({ period: z.string(), value: z.number() }).nullable(),
  targetValue: z.number().nullable(),
  forecast: z.number().nullable(),
  progress: z.number().nullable(),
  /** Coverage of the latest figure (null for title counts without figures). */
  coverage: Coverage.nullable(),
  /** Computed from figures not yet approved by the province. */
  provisional: z.boolean(),
  /** The data stamp the status was computed from (see `TargetEvaluation.dataAsOf`). */
  dataAsOf: z.string().nullable(),
});
export type LaggingItem = z.infer<typeof LaggingItem>;

export const LaggingList = z.object({
  items: z.array(LaggingItem),
  nextCursor: z.string().nullable(),
  /** The number of lagging rows; present when a numbered `page` was asked for. */
  total: z.number().int().min(0).optional(),
});
export type LaggingList = z.infer<typeof LaggingList>;

/** The lagging list's filters and order without its paging: the export has every row. */
export const LaggingExportQuery = LaggingQuery.omit({ cursor: true, page: true, limit: true });
