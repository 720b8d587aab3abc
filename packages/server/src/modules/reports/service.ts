import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  type CreateReportRequest,
  distributionCode,
  message,
  periodBounds,
  periodOf,
  ReportingCadence,
  type ReportView,
  type UpdateReportRequest,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { conflict, invalid, notFound, type ServerText } from '../../http/problem.ts';
import type { Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { attachmentLookup, removeAttachmentsOf } from '../attachments/index.ts';
import { copyReportEvidence } from '../attachments/index.ts';
import type { FileStore } from '../../storage/file-store.ts';
import { planLookup } from '../plans/index.ts';
import { reportPolicy } from './policy.ts';
import { auditView, presentReport } from './present.ts';
import { reportRepository, type ReportRow } from './repository.ts';

type Db = Kysely<Database>;
type Context = { actor: Actor; requestId?: string };

async function getTask(db: Db, taskId: string) {
  const task = await planLookup.findTask(db, taskId);
  if (!task) throw notFound('task', taskId);
  return task;
}

async function getReport(db: Db, id: string): Promise<ReportRow> {
  const row = await reportRepository.findById(db, id);
  if (!row) throw notFound('report', id);
  return row;
}

/** A report's status as a word of the reader's language. */
const reportStatus = (status: string) => message(`reportStatus.${status as 'draft' | 'submitted' | 'superseded'}`);

/** A report's period must be one of the plan's cadence and overlap the plan's period. */
function checkPeriod(task: { period_start: string; period_end: string; reporting_cadence: string }, period: string) {
  const cadence = ReportingCadence.parse(task.reporting_cadence);
  const bounds = periodBounds(period);
  if (periodOf(cadence, bounds.start) !== period || periodOf(cadence, bounds.end) !== period) {
    throw invalid([
      {
        field: 'body.period',
        message: message('report.notSuchPeriod', { cadence: message(`cadence.${cadence}`), period }),
      },
    ]);
  }
  if (bounds.end < task.period_start || bounds.start > task.period_end) {
    throw invalid([
      {
        field: 'body.period',
        message: message('report.periodOutsidePlan', { period, start: task.period_start, end: task.period_end }),
      },
    ]);
  }
}

async function checkMilestones(db: Db, planId: string, taskId: string, codes: string[] | undefined) {
  if (!codes || codes.length === 0) return;
  const known = new Set(
    (await planLookup.listMilestones(db, planId)).filter((m) => m.task_id === taskId).map((m) => m.code),
  );
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw invalid([{ field: 'body.milestonesDone', message: message('report.notMilestones', { codes: unknown }) }]);
  }
}

/** Loads a report the actor may change: one of their own organisation's drafts. */
async function getOwnDraft(db: Db, actor: Actor, id: string): Promise<ReportRow> {
  const report = await getReport(db, id);
  reportPolicy.canFile(actor, { orgUnitId: report.org_unit_id, assigned: true });
  if (report.status !== 'draft')
    throw conflict(message('report.onlyDraftsChange', { id, status: reportStatus(report.status) }));
  return report;
}

/** A report as the API shows it, with its evidence. */
async function present(db: Db, row: ReportRow): Promise<ReportView> {
  return presentReport(row, await attachmentLookup.listByOwners(db, 'progress_report', [row.id]));
}

async function audit(trx: Db, ctx: Context, action: string, report: ReportRow, before?: ReportRow) {
  await recordAudit(trx, ctx, {
    action,
    entityType: 'progress_report',
    entityId: report.id,
    regionCode: report.region_code,
    prefectureCode: report.prefecture_code,
    before: before ? auditView(before) : undefined,
    after: auditView(report),
  });
}

/** Files a draft report of the actor's organisation for a task and period. */
export async function createReport(
  db: Db,
  ctx: Context,
  taskId: string,
  input: CreateReportRequest,
): Promise<ReportView> {
  const task = await getTask(db, taskId);
  const orgUnitId = ctx.actor.orgUnitId;
  const assignment = orgUnitId ? await planLookup.findAssignment(db, taskId, orgUnitId) : undefined;
  reportPolicy.canFile(ctx.actor, { orgUnitId: orgUnitId ?? '', assigned: assignment !== undefined });
  checkPeriod(task, input.period);
  await checkMilestones(db, task.plan_id, taskId, input.milestonesDone);
  const id = crypto.randomUUID();
  const alreadyReported = (detail: ServerText) =>
    conflict(detail, [{ field: 'body.period', message: message('report.alreadyReported') }]);
  const created = db.transaction().execute(async (trx) => {
    const live = await reportRepository.findLive(trx, taskId, assignment!.org_unit_id, input.period);
    if (live)
      throw alreadyReported(
        message('report.liveExists', { status: reportStatus(live.status), period: input.period, id: live.id }),
      );
    await reportRepository.insert(trx, {
      id,
      task_id: taskId,
      org_unit_id: assignment!.org_unit_id,
      region_code: assignment!.region_code,
      prefecture_code: distributionCode(assignment!.region_code, assignment!.prefecture_code),
      period: input.period,
      version: await reportRepository.nextVersion(trx, taskId, assignment!.org_unit_id, input.period),
      supersedes_id: null,
      status: 'draft',
      narrative: input.narrative,
      measures: input.measures,
      figures: input.figures,
      completed: input.completed,
      milestones_done: input.milestonesDone,
      author_id: ctx.actor.userId,
    });
    const row = await getReport(trx, id);
    await audit(trx, ctx, 'report.create', row);
    return presentReport(row);
  });
  // Two requests for the same period at once: the partial unique index lets one through.
  return created.catch((error: unknown) => {
    if ((error as { code?: string }).code === '23505')
      throw alreadyReported(message('report.exists', { period: input.period }));
    throw error;
  });
}

export async function updateReport(db: Db, ctx: Context, id: string, input: UpdateReportRequest): Promise<ReportView> {
  const before = await getOwnDraft(db, ctx.actor, id);
  const task = await getTask(db, before.task_id);
  await checkMilestones(db, task.plan_id, before.task_id, input.milestonesDone);
  return db.transaction().execute(async (trx) => {
    await reportRepository.update(trx, before, {
      narrative: input.narrative,
      measures: input.measures,
      figures: input.figures,
      completed: input.completed,
      milestones_done: input.milestonesDone,
    });
    const after = await getReport(trx, id);
    await audit(trx, ctx, 'report.update', after, before);
    return present(trx, after);
  });
}

export async function submitReport(db: Db, ctx: Context, id: string): Promise<ReportView> {
  const before = await getOwnDraft(db, ctx.actor, id);
  return db.transaction().execute(async (trx) => {
    await reportRepository.submit(trx, before);
    const after = await getReport(trx, id);
    await audit(trx, ctx, 'report.submit', after, before);
    return present(trx, after);
  });
}

/**
 * Corrects a submitted report: a new draft version copies it, evidence included, and the
 * old version is marked superseded (one live report per period), never changed otherwise. Until the
 * correction is submitted the old version stays in force; discarding it restores it.
 */
export async function correctReport(db: Db, ctx: Context, id: string, files: FileStore): Promise<ReportView> {
  const old = await getReport(db, id);
  reportPolicy.canFile(ctx.actor, { orgUnitId: old.org_unit_id, assigned: true });
  if (old.status !== 'submitted')
    throw conflict(message('report.onlySubmittedCorrected', { id, status: reportStatus(old.status) }));
  const newId = crypto.randomUUID();
  const placed: string[] = [];
  const corrected = db.transaction().execute(async (trx) => {
    await reportRepository.setStatus(trx, old, 'superseded');
    await reportRepository.insert(trx, {
      id: newId,
      task_id: old.task_id,
      org_unit_id: old.org_unit_id,
      region_code: old.region_code,
      prefecture_code: old.prefecture_code,
      period: old.period,
      version: await reportRepository.nextVersion(trx, old.task_id, old.org_unit_id, old.period),
      supersedes_id: old.id,
      status: 'draft',
      narrative: old.narrative,
      measures: old.measures,
      figures: old.figures,
      completed: old.completed,
      milestones_done: old.milestones_done,
      author_id: ctx.actor.userId,
    });
    await copyReportEvidence(trx, files, old.id, newId, placed);
    await audit(trx, ctx, 'report.supersede', await getReport(trx, id), old);
    const created = await getReport(trx, newId);
    await audit(trx, ctx, 'report.correct', created, old);
    return present(trx, created);
  });
  return corrected.catch(async (error: unknown) => {
    await files.remove(placed);
    throw error;
  });
}

/** Discards a draft; a discarded correction puts the version it corrected back in force. */
export async function deleteReport(db: Db, ctx: Context, id: string, files: FileStore): Promise<void> {
  const draft = await getOwnDraft(db, ctx.actor, id);
  const storageKeys = await db.transaction().execute(async (trx) => {
    const keys = await removeAttachmentsOf(trx, 'progress_report', id);
    await reportRepository.delete(trx, draft);
    if (draft.supersedes_id) {
      const before = await getReport(trx, draft.supersedes_id);
      await reportRepository.setStatus(
        trx,
        { id: draft.supersedes_id, prefecture_code: draft.prefecture_code },
        'submitted',
      );
      await audit(trx, ctx, 'report.restore', await getReport(trx, draft.supersedes_id), before);
    }
    await recordAudit(trx, ctx, {
      action: 'report.delete',
      entityType: 'progress_report',
      entityId: id,
      regionCode: draft.region_code,
      prefectureCode: draft.prefecture_code,
      before: auditView(draft),
    });
    return keys;
  });
  // The rows are gone; the files follow only once that is committed.
  await files.remove(storageKeys);
}
