import { z } from 'zod';
import { PlanCode, TargetDirection } from './plan.ts';
import { RegionCode } from './regions.ts';
import { TitleKind } from './evaluation.ts';
import { CompletenessRule } from './completeness.ts';

// Indicators, data sets, observations, data entry and the cockpit (issue 4): period labels, the
// catalogue file format (data/indicators/*.yaml), entry and target statuses. The request and
// response shapes of the API (docs/api/indicators.md) are in api/indicators.ts and api/cockpit.ts.

// ---------------------------------------------------------------------------------------------
// Periods: '2019' (year), '2019Q3' (quarter), '2019-07' (month).

export const IndicatorPeriodType = z.enum(['year', 'quarter', 'month']);
export type IndicatorPeriodType = z.infer<typeof IndicatorPeriodType>;

/** A period label of an observation: `2019`, `2019Q3` or `2019-07`. */
export const IndicatorPeriod = z
  .string()
  .regex(/^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$/, "use a year '2019', a quarter '2019Q3' or a month '2019-07'");
export type IndicatorPeriod = z.infer<typeof IndicatorPeriod>;

/** The type of a period label; throws on a malformed label (validate with `IndicatorPeriod` first). */
export function indicatorPeriodType(period: string): IndicatorPeriodType {
  if (/^\d{4}$/.test(period)) return 'year';
  if (/^\d{4}Q[1-4]$/.test(period)) return 'quarter';
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return 'month';
  throw new Error(`not a period label: ${period}`);
}

/** The months a period covers, 1-based: [first, last]. */
function monthRange(period: string): [number, number] {
  const type = indicatorPeriodType(period);
  if (type === 'year') return [1, 12];
  if (type === 'quarter') {
    const q = Number(period.slice(5));
    return [(q - 1) * 3 + 1, q * 3];
  }
  const m = Number(period.slice(5, 7));
  return [m, m];
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;

/** First and last day (ISO dates) of a period. */
export function indicatorPeriodBounds(period: string): { readonly start: string; readonly end: string } {
  let bounds = periodBounds.get(period);
  if (!bounds) {
    const year = Number(period.slice(0, 4));
    const [first, last] = monthRange(period);
    bounds = Object.freeze({
      start: `${year}-${pad2(first)}-01`,
      end: `${year}-${pad2(last)}-${pad2(daysInMonth(year, last))}`,
    });
    periodBounds.set(period, bounds);
  }
  return bounds;
}
/** Memoised: evaluations look the same few hundred labels up millions of times. */
const periodBounds = new Map<string, { readonly start: string; readonly end: string }>();

/** The period of a type that contains an ISO date (YYYY-MM-DD). */
export function indicatorPeriodOf(type: IndicatorPeriodType, date: string): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (type === 'year') return year;
  if (type === 'quarter') return `${year}Q${Math.ceil(month / 3)}`;
  return `${year}-${pad2(month)}`;
}

/** The period right after `period`, of the same type. */
export function nextIndicatorPeriod(period: string): string {
  const type = indicatorPeriodType(period);
  const year = Number(period.slice(0, 4));
  if (type === 'year') return String(year + 1);
  if (type === 'quarter') {
    const q = Number(period.slice(5));
    return q === 4 ? `${year + 1}Q1` : `${year}Q${q + 1}`;
  }
  const m = Number(period.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${pad2(m + 1)}`;
}

/** Every period of `from`'s type from `from` to `to` inclusive (empty when `to` is earlier). */
export function indicatorPeriodsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let p = from; comparePeriods(p, to) <= 0; p = nextIndicatorPeriod(p)) out.push(p);
  return out;
}

/** Orders periods by their end date (a year ends after its last quarter and month). */
export function comparePeriods(a: string, b: string): number {
  const ea = indicatorPeriodBounds(a).end;
  const eb = indicatorPeriodBounds(b).end;
  return ea < eb ? -1 : ea > eb ? 1 : 0;
}

/**
 * A date as a decimal year at the END of that day: 2020-12-31 → 2021.0, 2019-06-30 → 2019.4959.
 * The time axis of progress and forecasts.
 */
export function decimalYear(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  let dayOfYear = day;
  for (let m = 1; m < month; m++) dayOfYear += daysInMonth(year, m);
  return year + dayOfYear / (isLeap(year) ? 366 : 365);
}

/** A period's position on the time axis: the end of its last day (2019 → 2020.0, 2019Q2 → 2019.4959). */
export function periodTime(period: string): number {
  let t = periodTimes.get(period);
  if (t === undefined) {
    t = decimalYear(indicatorPeriodBounds(period).end);
    periodTimes.set(period, t);
  }
  return t;
}
/** Period labels are few (a few hundred); their times are looked up in every sort and filter. */
const periodTimes = new Map<string, number>();

// ---------------------------------------------------------------------------------------------
// The catalogue file (data/indicators/*.yaml).

/** How a data element's values combine over regions: summed (counts, areas) or averaged (concentrations). */
export const DataElementAggregation = z.enum(['sum', 'average']);
export type DataElementAggregation = z.infer<typeof DataElementAggregation>;

/** How an indicator combines over regions; `ratio` recomputes from summed numerator and denominator. */
export const IndicatorAggregation = z.enum(['sum', 'average', 'ratio']);
export type IndicatorAggregation = z.infer<typeof IndicatorAggregation>;

/** Where an observation came from. `form` and `excel` are entries by people and go through approval. */
export const ObservationSource = z.enum(['form', 'excel', 'demo', 'cases', 'volunteers', 'evaluation']);
export type ObservationSource = z.infer<typeof ObservationSource>;

/**
 * The uniqueness class of a source: one value per (element, region, period, kind). `form` and
 * `excel` are the same kind, `entry` (an Excel import overwrites what the form saved).
 */
export const ObservationSourceKind = z.enum(['entry', 'demo', 'cases', 'volunteers', 'evaluation']);
export type ObservationSourceKind = z.infer<typeof ObservationSourceKind>;

export function sourceKindOf(source: ObservationSource): ObservationSourceKind {
  return source === 'form' || source === 'excel' ? 'entry' : source;
}

/**
 * When several kinds hold a value for the same element, region and period, the one read is the
 * first of this list: people's entries, then other modules' statistics, then demo data.
 */
export const sourceKindPrecedence: readonly ObservationSourceKind[] = [
  'entry',
  'cases',
  'volunteers',
  'evaluation',
  'demo',
];

const Code = PlanCode;
const Name = z.string().trim().min(1).max(200);

/** A reported number with a unit (数据元), part of exactly one data set. */
export const DataElementDef = z.strictObject({
  code: Code,
  name: Name,
  description: z.string().trim().min(1).optional(),
  unit: z.string().trim().min(1).max(40),
  aggregation: DataElementAggregation,
  /** Whole numbers only (counts). */
  integer: z.boolean().default(false),
  min: z.number().optional(),
  max: z.number().optional(),
  /** A form cannot be submitted while a required element is empty. */
  required: z.boolean().default(true),
});
export type DataElementDef = z.infer<typeof DataElementDef>;

/**
 * A form (数据集) reported per region and period. `regionLevel` is the level that reports it
 * (2 = prefecture, 3 = county); values for higher levels are aggregated from it.
 */
export const DataSetDef = z.strictObject({
  code: Code,
  name: Name,
  description: z.string().trim().min(1).optional(),
  periodType: IndicatorPeriodType,
  regionLevel: z.union([z.literal(2), z.literal(3)]),
  /** `entry`: people fill it in (form, Excel) with approval; otherwise the module that writes it. */
  source: z.enum(['entry', 'cases', 'volunteers', 'evaluation']).default('entry'),
  /** Minimum completeness for a figure of this data set to carry a status (issue 16). */
  completeness: CompletenessRule.default({ minReportingRate: 0, timelyDays: 15, minTimelyRate: 0 }),
  /**
   * Regions of `reportingThroughParent` that do report this data set (they are not expected
   * reporters otherwise).
   */
  includeReporters: z.array(RegionCode).default([]),
  elements: z.array(DataElementDef).min(1),
});
export type DataSetDef = z.infer<typeof DataSetDef>;

/** A computed indicator (指标): numerator / denominator × factor, or one element × factor. */
export const IndicatorDef = z.strictObject({
  code: Code,
  name: Name,
  description: z.string().trim().min(1).optional(),
  unit: z.string().trim().min(1).max(40),
  direction: TargetDirection,
  aggregation: IndicatorAggregation,
  numerator: Code,
  denominator: Code.optional(),
  /** 100 for a percentage; 1 for a plain value or a per-capita figure. */
  factor: z.number().positive().default(1),
});
export type IndicatorDef = z.infer<typeof IndicatorDef>;

/**
 * How a target combines its reporting units' figures (issue 16): `data_set` the indicator's own
 * rule (sum, average, ratio of sums); `mean` the unweighted mean of the units' values;
 * `population_weighted_mean` weighted by each unit's resident population. Rates stay ratios of sums.
 */
export const TargetCombination = z.enum(['data_set', 'mean', 'population_weighted_mean']);
export type TargetCombination = z.infer<typeof TargetCombination>;

/**
 * `count`: how many regions in the scope hold the title at a date; `share`: the same count as
 * a percentage of the scope's regions of `level`.
 */
export const TitleMeasureAs = z.enum(['count', 'share']);

/** Titles a count target counts (held titles come from the evaluation module's title events). */
const TitleMeasure = z.strictObject({
  /** The title (issue 5's `TitleKind`), e.g. national_civilized; a region counts while it holds it. */
  title: TitleKind,
  as: TitleMeasureAs,
  /** Which regions count: levels 2 (prefecture) and/or 3 (county). */
  levels: z.array(z.union([z.literal(2), z.literal(3)])).min(1),
});

/** Links a plan target to the indicator (or titles) that measure it. */
export const TargetLinkDef = z
  .strictObject({
    plan: Code,
    target: Code,
    indicator: Code.optional(),
    titles: TitleMeasure.optional(),
    /** The baseline when the plan names only its year, or gives none: period (and value when known). */
    baseline: z.strictObject({ period: IndicatorPeriod, value: z.number().optional() }).optional(),
    /**
     * How the units in the target's scope are combined into a region's value (the scope, in the
     * plan file, says which units count). Default: the indicator's own rule.
     */
    combine: TargetCombination.default('data_set'),
    note: z.string().trim().min(1).optional(),
  })
  .refine((l) => (l.indicator === undefined) !== (l.titles === undefined), {
    message: 'give exactly one of indicator or titles',
    path: ['indicator'],
  });
export type TargetLinkDef = z.infer<typeof TargetLinkDef>;

/**
 * A unit of the reporting level that is not an expected reporter: it reports through its parent
 * (development zones such as 大庆高新区, the 加格达奇/松岭/新林/呼中 districts administered with
 * 大兴安岭). A data set counts it only when it lists it in `includeReporters`.
 */
export const ReportingThroughParentDef = z.strictObject({
  region: RegionCode,
  note: z.string().trim().min(1),
});
export type ReportingThroughParentDef = z.infer<typeof ReportingThroughParentDef>;

const CatalogueShape = z.strictObject({
  reportingThroughParent: z.array(ReportingThroughParentDef).default([]),
  dataSets: z.array(DataSetDef).min(1),
  indicators: z.array(IndicatorDef).default([]),
  targets: z.array(TargetLinkDef).default([]),
});

type Issue = { message: string; path: PropertyKey[] };

function catalogueIssues(file: z.infer<typeof CatalogueShape>): Issue[] {
  const issues: Issue[] = [];
  const elements = new Map<string, { dataSet: string; aggregation: DataElementAggregation }>();
  const setCodes = new Set<string>();
  file.dataSets.forEach((set, s) => {
    if (setCodes.has(set.code))
      issues.push({ message: `data set '${set.code}' appears twice`, path: ['dataSets', s, 'code'] });
    setCodes.add(set.code);
    set.elements.forEach((el, e) => {
      const path = ['dataSets', s, 'elements', e];
      if (elements.has(el.code))
        issues.push({ message: `data element '${el.code}' appears twice`, path: [...path, 'code'] });
      elements.set(el.code, { dataSet: set.code, aggregation: el.aggregation });
      if (el.min !== undefined && el.max !== undefined && el.min > el.max) {
        issues.push({ message: 'min must not be greater than max', path: [...path, 'max'] });
      }
    });
  });
  const indicatorCodes = new Set<string>();
  file.indicators.forEach((ind, i) => {
    const path = ['indicators', i];
    if (indicatorCodes.has(ind.code) || elements.has(ind.code)) {
      issues.push({ message: `code '${ind.code}' is already used`, path: [...path, 'code'] });
    }
    indicatorCodes.add(ind.code);
    const num = elements.get(ind.numerator);
    if (!num) issues.push({ message: `no data element '${ind.numerator}'`, path: [...path, 'numerator'] });
    if (ind.denominator !== undefined) {
      const den = elements.get(ind.denominator);
      if (!den) issues.push({ message: `no data element '${ind.denominator}'`, path: [...path, 'denominator'] });
      else if (num && den.dataSet !== num.dataSet) {
        issues.push({
          message: 'numerator and denominator must belong to the same data set',
          path: [...path, 'denominator'],
        });
      }
      if (ind.aggregation !== 'ratio') {
        issues.push({
          message: "an indicator with a denominator aggregates as 'ratio'",
          path: [...path, 'aggregation'],
        });
      }
      if (num && den && (num.aggregation !== 'sum' || den.aggregation !== 'sum')) {
        issues.push({ message: 'a ratio needs summable numerator and denominator', path: [...path, 'numerator'] });
      }
    } else if (num && ind.aggregation !== num.aggregation) {
      issues.push({
        message: `aggregation must be '${num.aggregation}', the rule of data element '${ind.numerator}'`,
        path: [...path, 'aggregation'],
      });
    }
  });
  const links = new Set<string>();
  const indicatorByCode = new Map(file.indicators.map((i) => [i.code, i]));
  file.targets.forEach((link, t) => {
    const key = `${link.plan}/${link.target}`;
    if (links.has(key)) issues.push({ message: `target ${key} is linked twice`, path: ['targets', t, 'target'] });
    links.add(key);
    if (link.indicator !== undefined && !indicatorCodes.has(link.indicator)) {
      issues.push({ message: `no indicator '${link.indicator}'`, path: ['targets', t, 'indicator'] });
    }
    if (link.combine !== 'data_set') {
      const indicator = link.indicator === undefined ? undefined : indicatorByCode.get(link.indicator);
      if (link.titles) {
        issues.push({
          message: "a title count is combined as counted: use 'data_set'",
          path: ['targets', t, 'combine'],
        });
      } else if (indicator?.aggregation === 'ratio') {
        issues.push({
          message: `indicator '${indicator.code}' is a rate, combined as the ratio of sums: use 'data_set'`,
          path: ['targets', t, 'combine'],
        });
      }
    }
  });
  return issues;
}

/** A whole catalogue file: data sets with their elements, indicators, target links. */
export const IndicatorCatalogue = CatalogueShape.superRefine((file, ctx) => {
  for (const issue of catalogueIssues(file)) ctx.addIssue({ code: 'custom', ...issue });
});
export type IndicatorCatalogue = z.infer<typeof IndicatorCatalogue>;

// ---------------------------------------------------------------------------------------------
// Data entry statuses and actions (the API shapes are in api/indicators.ts).

/**
 * Status of one data set for one region and period. `empty`: nothing saved yet. Entries are
 * editable in `empty`, `draft` and `returned`; submitted and approved entries are locked.
 */
export const EntryStatus = z.enum(['empty', 'draft', 'submitted', 'approved_city', 'approved_province', 'returned']);
export type EntryStatus = z.infer<typeof EntryStatus>;

export const EntryAction = z.enum(['save', 'import', 'submit', 'approve', 'return']);
export type EntryAction = z.infer<typeof EntryAction>;

// ---------------------------------------------------------------------------------------------
// Target statuses (the cockpit API shapes are in api/cockpit.ts).

/**
 * `insufficient_data`: figures exist but the latest one covers fewer reporters (or fewer on time)
 * than its data set's minimum completeness, so no status is claimed (issue 16).
 */
export const TargetStatus = z.enum(['achieved', 'on_track', 'at_risk', 'off_track', 'insufficient_data', 'no_data']);
export type TargetStatus = z.infer<typeof TargetStatus>;
