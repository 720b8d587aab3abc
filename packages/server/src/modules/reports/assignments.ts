import type { Kysely, Selectable } from 'kysely';
import {
  addDays,
  deriveTaskStatus,
  isLateReport,
  periodOf,
  ReportingCadence,
  supervisionRulesOf,
  type StatusVerdict,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { planLookup, type AssignmentFilter } from '../plans/index.ts';
import { supervisionLookup } from '../supervision/index.ts';
import { ledgerRepository } from './ledger-repository.ts';

type PlanRow = Selectable<Database['plan']>;
type AssignmentRow = Awaited<ReturnType<typeof planLookup.listAssignments>>[number];
type Summary = Awaited<ReturnType<typeof ledgerRepository.summariseSubmitted>>[number];

/** The latest report in force of one unit on one task; late when filed after its reporting deadline. */
type LatestReport = { id: string; period: string; submitted_at: Date; completed: boolean; late: boolean };

/** The first instant after the day `asOf` in China (UTC+8): what was filed before it counts on `asOf`. */
export function endOfDayInChina(asOf: string): Date {
  return new Date(`${addDays(asOf, 1)}T00:00:00+08:00`);
}

/** One unit on one task, with its derived status and latest submitted report. */
export type AssignmentStatus = AssignmentRow &
  StatusVerdict & {
    deadline: string;
    latest: LatestReport | null;
    /** Periods whose report in force was filed after the reporting deadline. */
    latePeriods: string[];
    /** Milestones of the task not yet reported delivered, passed or not. */
    openMilestones: { code: string; due: string }[];
    openNotices: number;
  };

/** The task's deadline: its latest target or milestone date, else the plan's end. */
function deadlines(
  targets: { task_id: string | null; deadline: string }[],
  milestones: { task_id: string; due: string }[],
) {
  const byTask = new Map<string, string>();
  const note = (taskId: string | null, date: string) => {
    if (!taskId) return;
    const current = byTask.get(taskId);
    if (!current || date > current) byTask.set(taskId, date);
  };
  for (const t of targets) note(t.task_id, t.deadline);
  for (const m of milestones) note(m.task_id, m.due);
  return byTask;
}

/**
 * Loads the task × unit rows of a plan that the filter selects and derives each one's
 * status on `asOf` from deadlines, milestones and the reports filed by the end of `asOf`
 * for periods up to it: the same `asOf` gives the same answer whenever it is asked.
 */
export async function loadAssignmentStatuses(
  db: Kysely<Database>,
  plan: PlanRow,
  asOf: string,
  filter: AssignmentFilter,
): Promise<AssignmentStatus[]> {
  const cadence = ReportingCadence.parse(plan.reporting_cadence);
  // The plan's own thresholds (decision 0133): grace days decide late and missing reports.
  const { graceDays, dueSoonDays } = supervisionRulesOf(plan.supervision_rules);
  const filedBefore = endOfDayInChina(asOf);
  // The assignments first: their tasks are the ones whose reports are summarised (one statement).
  const assignments = await planLookup.listAssignments(db, plan.id, filter);
  const [submitted, targets, milestones, notices] = await Promise.all([
    ledgerRepository.summariseSubmitted(
      db,
      assignments.map((a) => a.task_id),
      filter.orgUnitId,
      { filedBefore, lastPeriod: periodOf(cadence, asOf) },
    ),
    planLookup.listTargets(db, plan.id),
    planLookup.listMilestones(db, plan.id),
    supervisionLookup.countOpenNotices(db, plan.id, filedBefore),
  ]);
  const key = (taskId: string | null, unitId: string) => `${taskId}|${unitId}`;
  const summaryOf = new Map(submitted.map((r) => [key(r.task_id, r.org_unit_id), r]));
  const noticesOf = new Map(notices.map((n) => [key(n.task_id, n.org_unit_id), Number(n.count)]));
  const deadlineOf = deadlines(targets, milestones);

  return assignments.map((a) => {
    const summary: Summary | undefined = summaryOf.get(key(a.task_id, a.org_unit_id));
    const latest: LatestReport | null = summary
      ? {
          id: summary.latest_id,
          period: summary.latest_period,
          submitted_at: new Date(summary.latest_submitted_at),
          completed: summary.latest_completed,
          late: isLateReport(summary.latest_period, summary.filed_on[summary.periods.length - 1]!, graceDays),
        }
      : null;
    const latePeriods = (summary?.periods ?? []).filter((p, i) => isLateReport(p, summary!.filed_on[i]!, graceDays));
    // Milestones declared delivered by any report in force of this unit on this task.
    const delivered = new Set((summary?.milestones_done ?? []).flat());
    const deadline = deadlineOf.get(a.task_id) ?? plan.period_end;
    const openMilestones = milestones
      .filter((m) => m.task_id === a.task_id && !delivered.has(m.code))
      .map((m) => ({ code: m.code, due: m.due }));
    const verdict = deriveTaskStatus({
      today: asOf,
      start: plan.period_start,
      deadline,
      cadence,
      submittedPeriods: summary?.periods ?? [],
      completed: latest?.completed ?? false,
      graceDays,
      dueSoonDays,
      openMilestones,
    });
    return {
      ...a,
      ...verdict,
      deadline,
      latest,
      latePeriods,
      openMilestones,
      openNotices: noticesOf.get(key(a.task_id, a.org_unit_id)) ?? 0,
    };
  });
}

/** Today in China (UTC+8) as an ISO date, for `asOf` defaults. */
export const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
