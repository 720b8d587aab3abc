import { z } from 'zod';
import { Comparator, PlanCode, TargetDirection, TargetScope } from '../plan.ts';
import { RegionCode } from '../regions.ts';
import { CompletenessRule } from '../completeness.ts';
import {
  DataElementAggregation,
  EntryAction,
  EntryStatus,
  IndicatorAggregation,
  IndicatorPeriod,
  IndicatorPeriodType,
  ObservationSource,
} from '../indicators.ts';

// The indicators module's API (issue 4, docs/api/indicators.md): the catalogue, an indicator's
// series, data entry and approval. Period labels, the catalogue file format and the statuses are
// in ../indicators.ts; the cockpit's answers in ./cockpit.ts.

/** The code in the path of /indicators/:code and /data-sets/:code. */
export const CatalogueCodeParams = z.strictObject({ code: PlanCode });

// ---------------------------------------------------------------------------------------------
// API: catalogue views.

export const DataElementView = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  unit: z.string(),
  aggregation: DataElementAggregation,
  integer: z.boolean(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  required: z.boolean(),
});
export type DataElementView = z.infer<typeof DataElementView>;

/** A cross-field rule of a data set's form (ranges and required fields are on the elements). */
export const ValidationRuleView = z.object({
  kind: z.literal('numerator_le_denominator'),
  numerator: z.string(),
  denominator: z.string(),
  /** The indicator the rule comes from. */
  indicator: z.string(),
});
export type ValidationRuleView = z.infer<typeof ValidationRuleView>;

export const DataSetView = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  periodType: IndicatorPeriodType,
  regionLevel: z.number().int(),
  source: z.enum(['entry', 'cases', 'volunteers', 'evaluation']),
  completeness: CompletenessRule,
  /** Regions reporting through a parent that report this data set all the same. */
  includeReporters: z.array(z.string()),
  elements: z.array(DataElementView),
  /**
   * Elements a later catalogue import no longer lists (issue 16): kept, not deleted, with their
   * observations; forms and templates no longer ask for them.
   */
  retiredElements: z.array(z.object({ code: z.string(), name: z.string(), unit: z.string(), retiredAt: z.string() })),
  rules: z.array(ValidationRuleView),
});
export type DataSetView = z.infer<typeof DataSetView>;

/** A plan target as the cockpit shows it. */
export const TargetRef = z.object({
  planCode: z.string(),
  code: z.string(),
  title: z.string(),
  taskNumber: z.string().nullable(),
  comparator: Comparator,
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string(),
  deadline: z.string(),
  direction: TargetDirection,
  /** The target's scope as the plan file writes it (kind province / region_level / regions / groups). */
  scope: TargetScope,
});
export type TargetRef = z.infer<typeof TargetRef>;

export const IndicatorView = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  unit: z.string(),
  direction: TargetDirection,
  aggregation: IndicatorAggregation,
  periodType: IndicatorPeriodType,
  dataSetCode: z.string(),
  regionLevel: z.number().int(),
  numerator: z.object({ code: z.string(), name: z.string(), unit: z.string() }),
  denominator: z.object({ code: z.string(), name: z.string(), unit: z.string() }).nullable(),
  factor: z.number(),
  /** When a catalogue import stopped listing it (its history stays readable); null while in use. */
  retiredAt: z.string().nullable(),
  targets: z.array(TargetRef),
});
export type IndicatorView = z.infer<typeof IndicatorView>;

export const CatalogueView = z.object({
  dataSets: z.array(DataSetView),
  indicators: z.array(IndicatorView),
});
export type CatalogueView = z.infer<typeof CatalogueView>;

// ---------------------------------------------------------------------------------------------
// API: data entry and approval.

/** A region as the indicator and cockpit answers name it. */
export const RegionBrief = z.object({ code: z.string(), name: z.string(), level: z.number().int() });
export type RegionBrief = z.infer<typeof RegionBrief>;

const UserBrief = z.object({ id: z.string(), displayName: z.string() });

export const EntryValueView = z.object({
  element: z.string(),
  value: z.number().nullable(),
  comment: z.string().nullable(),
  source: ObservationSource.nullable(),
  updatedAt: z.string().nullable(),
});

export const EntryEventView = z.object({
  action: EntryAction,
  fromStatus: EntryStatus,
  toStatus: EntryStatus,
  reason: z.string().nullable(),
  actor: UserBrief,
  at: z.string(),
});
export type EntryEventView = z.infer<typeof EntryEventView>;

/** What the actor may do with an entry now; the server checks again on every request. */
export const EntryPermissions = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  return: z.boolean(),
});

export const EntryView = z.object({
  dataSet: z.object({ code: z.string(), name: z.string(), periodType: IndicatorPeriodType }),
  region: RegionBrief,
  period: z.string(),
  status: EntryStatus,
  /** Level whose approval comes next: 2 (city) or 1 (province); null when fully approved or not submitted. */
  nextApprovalLevel: z.number().int().nullable(),
  /** The reason of the latest return, while the entry is `returned`. */
  returnReason: z.string().nullable(),
  values: z.array(EntryValueView),
  history: z.array(EntryEventView),
  can: EntryPermissions,
});
export type EntryView = z.infer<typeof EntryView>;

export const EntryParams = z.strictObject({ code: PlanCode, regionCode: RegionCode, period: IndicatorPeriod });

/** Save a draft: `null` clears a value; elements left out keep their saved value. */
export const SaveEntryRequest = z.strictObject({
  values: z.record(z.string(), z.number().nullable()),
  comments: z.record(z.string(), z.string().trim().max(500).nullable()).optional(),
});
export type SaveEntryRequest = z.infer<typeof SaveEntryRequest>;

export const ReturnEntryRequest = z.strictObject({ reason: z.string().trim().min(2).max(500) });
export type ReturnEntryRequest = z.infer<typeof ReturnEntryRequest>;

export const EntryListQuery = z.strictObject({ region: RegionCode, period: IndicatorPeriod });

export const EntryListItem = z.object({
  region: RegionBrief,
  status: EntryStatus,
  filled: z.number().int(),
  expected: z.number().int(),
  updatedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  can: EntryPermissions,
});
export type EntryListItem = z.infer<typeof EntryListItem>;

export const EntryList = z.object({
  dataSet: z.object({ code: z.string(), name: z.string(), periodType: IndicatorPeriodType }),
  period: z.string(),
  items: z.array(EntryListItem),
  counts: z.record(EntryStatus, z.number().int()),
});
export type EntryList = z.infer<typeof EntryList>;

export const BulkApproveRequest = z.strictObject({
  period: IndicatorPeriod,
  regionCodes: z.array(RegionCode).min(1).max(500),
});
export type BulkApproveRequest = z.infer<typeof BulkApproveRequest>;

export const BulkApproveResult = z.object({ approved: z.number().int() });
export type BulkApproveResult = z.infer<typeof BulkApproveResult>;

/** Entries awaiting the account's approval, any data set and period (the approvals page's queue). */
export const ApprovalQueueQuery = z.strictObject({
  /** Region code; the account's scope region when absent. */
  region: RegionCode.optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ApprovalQueueItem = z.object({
  dataSet: z.object({ code: z.string(), name: z.string(), periodType: IndicatorPeriodType }),
  period: z.string(),
  region: RegionBrief,
  status: EntryStatus,
  /** When the entry reached its status (submitted, or approved by the city). */
  updatedAt: z.string(),
});
export type ApprovalQueueItem = z.infer<typeof ApprovalQueueItem>;

export const ApprovalQueue = z.object({ items: z.array(ApprovalQueueItem), nextCursor: z.string().nullable() });
export type ApprovalQueue = z.infer<typeof ApprovalQueue>;

export const TemplateQuery = z.strictObject({ region: RegionCode, period: IndicatorPeriod });

export const ImportResult = z.object({
  dataSet: z.string(),
  period: z.string(),
  regions: z.number().int(),
  values: z.number().int(),
});
export type ImportResult = z.infer<typeof ImportResult>;

/**
 * Reporters behind a figure: with a value, expected (the reporting-level regions of the scope that
 * do not report through a parent), and on time (value known within the data set's timely days
 * after the period end; figures written by other modules are on time).
 */
export const Coverage = z.object({
  reported: z.number().int(),
  expected: z.number().int(),
  timely: z.number().int(),
});
export type Coverage = z.infer<typeof Coverage>;

export const SeriesPoint = z.object({
  period: z.string(),
  value: z.number().nullable(),
  /** Summed numerator and denominator behind a ratio (null for other indicators and for titles). */
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  coverage: Coverage,
  /** Reporting regions whose value is submitted or approved at city level, not yet by the province. */
  unapproved: z.number().int(),
});
export type SeriesPoint = z.infer<typeof SeriesPoint>;

export const SeriesQuery = z.strictObject({
  region: RegionCode.optional(),
  /** Also the series of every child region (the region's own series comes first). */
  children: z.enum(['true', 'false']).default('false'),
  from: IndicatorPeriod.optional(),
  to: IndicatorPeriod.optional(),
});

export const IndicatorSeries = z.object({
  indicator: IndicatorView,
  regions: z.array(z.object({ region: RegionBrief, points: z.array(SeriesPoint) })),
  /** Target lines: one per linked target applying to a listed region. */
  targets: z.array(
    z.object({
      target: TargetRef,
      regionCode: z.string(),
      targetValue: z.number().nullable(),
      baseline: z.object({ period: z.string(), value: z.number() }).nullable(),
    }),
  ),
});
export type IndicatorSeries = z.infer<typeof IndicatorSeries>;
