import type { Kysely } from 'kysely';
import {
  addWorkingMinutes,
  DEFAULT_STAGE_LIMITS,
  workingMinutesBetween,
  StageLimits,
  stageDeadline,
  yearsMissing,
  type CaseStage,
  type DayRule,
  type TimeLimit,
  type WorkingCalendar,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { workingCalendar } from './calendar.ts';
import { emitEvent } from '../../outbox/emit.ts';
import { caseJobRepository } from './job-repository.ts';
import { caseRepository, type CaseRow, type CaseSettings, type CategoryRow } from './repository.ts';

/** How each desk or inspector stage's escalation is worded: the timeline and the office's notification. */
export const STAGE_ESCALATION_TEXT = {
  accept: { name: '受理立案', office: '调度台（受理）', event: '超过受理立案时限' },
  dispatch: { name: '派遣', office: '调度台（派遣）', event: '超过派遣时限' },
  verify: { name: '核查', office: '核查员', event: '超过核查时限' },
} as const;

/** The limits a case's stage clocks run on: its category's, over the installation's. */
export type ClockLimits = { stages: StageLimits; handle: TimeLimit; dayRule: DayRule };

const handleLimitOf = (category: Pick<CategoryRow, 'limit_amount' | 'limit_unit'>): TimeLimit => ({
  amount: category.limit_amount ?? 1,
  unit: (category.limit_unit ?? 'days') as TimeLimit['unit'],
});

/** A category's overrides (any of accept, dispatch, verify) over the installation's stage limits. */
function clockLimits(
  category: Pick<CategoryRow, 'limit_amount' | 'limit_unit' | 'day_rule' | 'stage_limits'>,
  settings: CaseSettings,
): ClockLimits {
  const installed = StageLimits.safeParse(settings.stage_limits);
  const own = StageLimits.partial().safeParse(category.stage_limits ?? {});
  return {
    stages: { ...(installed.success ? installed.data : DEFAULT_STAGE_LIMITS), ...(own.success ? own.data : {}) },
    handle: handleLimitOf(category),
    dayRule: category.day_rule as DayRule,
  };
}

/** Everything needed to put a stage's deadline on a case. */
export async function stageClock(db: Kysely<Database>, categoryOrCode: string | CategoryRow) {
  const [calendar, category, settings] = await Promise.all([
    workingCalendar(db),
    typeof categoryOrCode === 'string' ? caseRepository.findCategory(db, categoryOrCode) : categoryOrCode,
    caseRepository.settings(db),
  ]);
  return clockOf(calendar, category!, settings);
}

/** A stage clock from reference data the caller already holds (intake reads it from its cache). */
export function clockOf(calendar: WorkingCalendar, category: CategoryRow, settings: CaseSettings) {
  const limits = clockLimits(category, settings);
  return {
    calendar,
    limits,
    /** The installation's case settings read for these limits (duplicate radius and window too). */
    settings,
    deadline: (stage: CaseStage, start: Date) => stageDeadline(calendar, stage, start, limits),
  };
}

/**
 * A deadline computed in a year the holiday calendar lacks counts Monday to Friday only and may
 * be wrong: each time, the creation offices (文明办) of the case's city and of the province are
 * notified (one notification per case and year), where their administrators see it.
 */
export async function noteMissingYears(
  trx: Kysely<Database>,
  calendar: WorkingCalendar,
  c: { id: string; number: string; region_path: string; prefecture_code: string | null },
  instants: readonly (Date | null | undefined)[],
): Promise<number[]> {
  const missing = yearsMissing(
    calendar,
    instants.filter((d): d is Date => d instanceof Date),
  );
  if (missing.length === 0) return missing;
  const [province, city] = c.region_path.split('/');
  const offices = await caseJobRepository.creationOffices(
    trx,
    [province, city].filter((x): x is string => Boolean(x)),
  );
  await emitEvent(trx, {
    name: 'case.calendar-missing',
    payload: {
      caseId: c.id,
      caseNumber: c.number,
      prefectureCode: c.prefecture_code,
      years: missing,
      officeIds: offices.map((o) => o.id),
    },
  });
  return missing;
}

/**
 * Resuming a paused clock: the unit's deadline and the running desk or inspector stage's deadline
 * move by the working time paused, which is also kept (paused_minutes) so that the handling time
 * in working time leaves it out.
 */
export function resumePatch(calendar: WorkingCalendar, row: CaseRow, now: Date) {
  const paused = workingMinutesBetween(calendar, row.paused_at!, now);
  const shift = (d: Date | null) => (d ? addWorkingMinutes(calendar, d, paused) : d);
  const stageColumn = { submitted: 'accept_deadline', accepted: 'dispatch_deadline', handled: 'verify_deadline' }[
    row.status
  ] as 'accept_deadline' | 'dispatch_deadline' | 'verify_deadline' | undefined;
  return {
    paused_at: null,
    deadline: shift(row.deadline)!,
    paused_minutes: row.paused_minutes + Math.round(paused),
    ...(stageColumn ? { [stageColumn]: shift(row[stageColumn]) } : {}),
  };
}
