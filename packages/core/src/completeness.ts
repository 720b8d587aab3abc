import { z } from 'zod';
import type { TargetStatus } from './indicators.ts';

/*
 * Whether a figure covers enough of its reporters to carry a status (issue 16). Completeness and
 * timeliness are read as DHIS2 defines them for a data set:
 * - reporting rate = reporters with a value / expected reporters × 100;
 * - reporting rate on time = reporters whose value was known within `timelyDays` days after the end
 *   of the period / expected reporters × 100 (DHIS2's "days after period end to qualify for timely
 *   submission", default 15).
 * A data set declares the minimum of each; below either, the figure is shown with its coverage but
 * the target's status is `insufficient_data`: a city does not read "achieved" from 1 of its 16
 * counties.
 */

/** A data set's minimum completeness. Rates are percentages of the expected reporters. */
export const CompletenessRule = z.strictObject({
  /** Minimum share (%) of expected reporters with a value for a status to be shown. */
  minReportingRate: z.number().min(0).max(100).default(0),
  /** Days after the end of a period within which a report counts as on time (DHIS2: 15). */
  timelyDays: z.number().int().min(0).max(366).default(15),
  /** Minimum share (%) of expected reporters that reported on time. */
  minTimelyRate: z.number().min(0).max(100).default(0),
});
export type CompletenessRule = z.infer<typeof CompletenessRule>;

/** No minimum: every figure carries its status (module statistics, titles). */
export const NO_COMPLETENESS_RULE: CompletenessRule = { minReportingRate: 0, timelyDays: 15, minTimelyRate: 0 };

export type CoverageCounts = { reported: number; expected: number; timely: number };

const EPSILON = 1e-9;

/** Reporters with a value / expected reporters, in percent; null when none is expected. */
export function reportingRate(c: CoverageCounts): number | null {
  return c.expected === 0 ? null : (c.reported / c.expected) * 100;
}

/** Reporters on time / expected reporters, in percent (DHIS2 "reporting rate on time"). */
export function timelyRate(c: CoverageCounts): number | null {
  return c.expected === 0 ? null : (c.timely / c.expected) * 100;
}

/** Adds whole days to an ISO date (YYYY-MM-DD). */
function addDays(date: string, days: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days);
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * Whether a value first known at `knownAt` (ISO date or timestamp, read in UTC) was on time for a
 * period ending on `periodEnd`: on or before the period end plus `timelyDays` days.
 */
export function isTimely(periodEnd: string, knownAt: string, timelyDays: number): boolean {
  return knownAt.slice(0, 10) <= addDays(periodEnd, timelyDays);
}

/** Whether coverage meets the rule (both minimums); false when no reporter is expected. */
export function coverageSufficient(c: CoverageCounts, rule: CompletenessRule): boolean {
  const reporting = reportingRate(c);
  const timely = timelyRate(c);
  if (reporting === null || timely === null) return false;
  return reporting >= rule.minReportingRate - EPSILON && timely >= rule.minTimelyRate - EPSILON;
}

/**
 * The status to show: the computed one, or `insufficient_data` when the latest figure it rests on
 * does not meet the data set's minimum completeness. `no_data` stays `no_data`.
 */
export function statusWithCoverage(
  status: TargetStatus,
  latest: CoverageCounts | null,
  rule: CompletenessRule,
): TargetStatus {
  if (status === 'no_data' || latest === null) return status;
  return coverageSufficient(latest, rule) ? status : 'insufficient_data';
}
