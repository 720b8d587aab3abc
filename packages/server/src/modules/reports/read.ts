import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { isWithinScope, type MyTask, type ReportView } from '@chuangcheng/core';
import { notFound } from '../../http/problem.ts';
import type { Actor } from '../auth/index.ts';
import { attachmentLookup } from '../attachments/index.ts';
import { planLookup } from '../plans/index.ts';
import { loadAssignmentStatuses, today } from './assignments.ts';
import { ledgerRepository } from './ledger-repository.ts';
import { reportPolicy } from './policy.ts';
import { presentReport } from './present.ts';
import { reportRepository } from './repository.ts';

/**
 * A task's report history, every version including superseded ones, with their evidence:
 * one unit's when `orgUnitId` is given (a unit officer's own by default), otherwise every
 * unit's within the actor's scope.
 */
export async function listReportHistory(
  db: Kysely<Database>,
  actor: Actor,
  taskId: string,
  orgUnitId: string | undefined,
): Promise<ReportView[]> {
  // A task a revised plan retired keeps the history reported on it.
  const task = await planLookup.findTask(db, taskId, true);
  if (!task) throw notFound('task', taskId);
  const unitId = orgUnitId ?? (actor.role === 'unit_officer' ? actor.orgUnitId : null);
  let rows;
  if (unitId) {
    const unit = await reportRepository.findOrgUnit(db, unitId);
    if (!unit) throw notFound('organisation', unitId);
    reportPolicy.canRead(actor, { orgUnitId: unit.id, regionPath: unit.region_path });
    rows = await reportRepository.listHistory(db, taskId, unit.id);
  } else {
    reportPolicy.ledgerFilter(actor);
    rows = (await reportRepository.listHistory(db, taskId, undefined)).filter((r) =>
      isWithinScope(actor.regionPath, r.region_path),
    );
  }
  const attachments = await attachmentLookup.listByOwners(
    db,
    'progress_report',
    rows.map((r) => r.id),
  );
  return rows.map((row) => presentReport(row, attachments));
}

/** Every current task the actor's organisation is assigned to, in every plan, with its status. */
export async function listMyTasks(
  db: Kysely<Database>,
  actor: Actor,
  asOf: string = today(),
): Promise<z.infer<typeof MyTask>[]> {
  const orgUnitId = reportPolicy.canListOwnTasks(actor);
  const plans = await planLookup.list(db);
  const items: z.infer<typeof MyTask>[] = [];
  // The unit's drafts on every plan's tasks at once; each row finds its own by task id.
  const drafts = await ledgerRepository.listDrafts(db, orgUnitId);
  for (const plan of plans) {
    const rows = await loadAssignmentStatuses(db, plan, asOf, { orgUnitId });
    for (const row of rows) {
      const draft = drafts.find((d) => d.task_id === row.task_id);
      items.push({
        taskId: row.task_id,
        planCode: plan.code,
        programme: { code: row.programme_code, title: row.programme_title },
        number: row.number,
        title: row.title,
        role: row.role,
        deadline: row.deadline,
        status: row.status,
        colour: row.colour,
        missingPeriods: row.missingPeriods,
        nextDue: row.nextDue,
        latestReport: row.latest
          ? {
              id: row.latest.id,
              period: row.latest.period,
              submittedAt: row.latest.submitted_at!.toISOString(),
              completed: row.latest.completed,
              late: row.latest.late,
            }
          : null,
        draft: draft ? { id: draft.id, period: draft.period, updatedAt: draft.updated_at.toISOString() } : null,
      });
    }
  }
  return items;
}
