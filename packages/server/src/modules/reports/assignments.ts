import type { Kysely, Selectable } from 'kysely';
import { deriveTaskStatus, ReportingCadence, type StatusVerdict } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { planRepository } from '../plans/repository.ts';
import { ledgerRepository, type AssignmentFilter } from './ledger-repository.ts';

type PlanRow = Selectable<Database['plan']>;
type AssignmentRow = Awaited<ReturnType<typeof ledgerRepository.listAssignments>>[number];
type SubmittedRow = Awaited<ReturnType<typeof ledgerRepository.listSubmitted>>[number];

/** One unit on one task, with its derived status and latest submitted report. */
export type AssignmentStatus = AssignmentRow &
  StatusVerdict & {
    deadline: string;
    latest: SubmittedRow | null;
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
 * status on `asOf` from deadlines, milestones and submitted reports.
 */
export async function loadAssignmentStatuses(
  db: Kysely<Database>,
  plan: PlanRow,
  asOf: string,
  filter: AssignmentFilter,
): Promise<AssignmentStatus[]> {
  const [assignments, submitted, targets, milestones, notices] = await Promise.all([
    ledgerRepository.listAssignments(db, plan.id, filter),
    ledgerRepository.listSubmitted(db, plan.id, filter.orgUnitId),
    planRepository.listTargets(db, plan.id),
    planRepository.listMilestones(db, plan.id),
    ledgerRepository.countOpenNotices(db, plan.id),
  ]);
  const key = (taskId: string | null, unitId: string) => `${taskId}|${unitId}`;
  const reportsOf = new Map<string, SubmittedRow[]>();
  for (const r of submitted) {
    const k = key(r.task_id, r.org_unit_id);
    reportsOf.set(k, [...(reportsOf.get(k) ?? []), r]);
  }
  const noticesOf = new Map(notices.map((n) => [key(n.task_id, n.org_unit_id), Number(n.count)]));
  const deadlineOf = deadlines(targets, milestones);
  const cadence = ReportingCadence.parse(plan.reporting_cadence);

  return assignments.map((a) => {
    const reports = reportsOf.get(key(a.task_id, a.org_unit_id)) ?? [];
    // Periods sort as text ('2019-07' < '2019-08'); the last one is the latest report.
    const latest = reports.length > 0 ? reports[reports.length - 1]! : null;
    const delivered = new Set(reports.flatMap((r) => r.milestones_done as string[]));
    const deadline = deadlineOf.get(a.task_id) ?? plan.period_end;
    const verdict = deriveTaskStatus({
      today: asOf,
      start: plan.period_start,
      deadline,
      cadence,
      submittedPeriods: reports.map((r) => r.period),
      completed: latest?.completed ?? false,
      openMilestones: milestones
        .filter((m) => m.task_id === a.task_id && !delivered.has(m.code))
        .map((m) => ({ code: m.code, due: m.due })),
    });
    return { ...a, ...verdict, deadline, latest, openNotices: noticesOf.get(key(a.task_id, a.org_unit_id)) ?? 0 };
  });
}

/** Today in China (UTC+8) as an ISO date, for `asOf` defaults. */
export const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
