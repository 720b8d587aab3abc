import { attachmentLookup } from '../attachments/index.ts';
import { presentAttachment } from '../reports/index.ts';
import crypto from 'node:crypto';
import {
  addDays,
  awaitingReply,
  distributionCode,
  type IssueNoticeRequest,
  message,
  type Notice,
  type NoticeListQuery,
  type NoticeStatus,
} from '@chuangcheng/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { invalid, notFound } from '../../http/problem.ts';
import type { Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { noticeRepository, type NoticeRow } from './notice-repository.ts';
import { planLookup } from '../plans/index.ts';
import { subjectRepository } from './subject-repository.ts';
import { notificationRepository } from './notification-repository.ts';
import { supervisionPolicy } from './policy.ts';
import { resolveDue, resolveReplyDue } from './reply-due.ts';
import { findIssuingOffice, findUnit, todayInChina } from './units.ts';

export function presentNotice(row: NoticeRow, today = todayInChina()): Notice {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: row.id,
    number: row.number,
    planId: row.plan_id,
    task: row.task_id ? { id: row.task_id, number: row.task_number ?? '', title: row.task_title ?? '' } : null,
    actionItem: row.action_item_id ? { id: row.action_item_id, title: row.action_item_title ?? '' } : null,
    orgUnit: { id: row.org_unit_id, name: row.org_unit_name },
    regionCode: row.region_code,
    reason: row.reason,
    requiredAction: row.required_action,
    replyDue: row.reply_due,
    status: row.status as Notice['status'],
    overdue: awaitingReply.includes(row.status as NoticeStatus) && row.reply_due < today,
    issuedAt: row.issued_at.toISOString(),
    acknowledgedAt: iso(row.acknowledged_at),
    replyText: row.reply_text,
    repliedAt: iso(row.replied_at),
    escalatedTo: row.escalated_to_org_unit_id
      ? { id: row.escalated_to_org_unit_id, name: row.escalated_to_name ?? '' }
      : null,
    escalatedAt: iso(row.escalated_at),
    closedAt: iso(row.closed_at),
    signer: row.signer,
    cc: row.cc,
    level: row.level as Notice['level'],
    source: row.source as Notice['source'],
    instructionId: row.instruction_id,
    ackDue: row.ack_due,
    ackOverdue: row.status === 'issued' && row.ack_due !== null && row.ack_due < today,
    reviewedAt: iso(row.reviewed_at),
    approvedAt: iso(row.approved_at),
    returnedCount: row.returned_count,
    returnReason: row.return_reason,
    extension:
      row.extension_status && row.extension_due
        ? {
            requestedDue: row.extension_due,
            reason: row.extension_reason ?? '',
            status: row.extension_status as 'pending' | 'approved' | 'refused',
            note: row.extension_note,
          }
        : null,
  };
}

export async function getNotice(db: Kysely<Database>, id: string): Promise<NoticeRow> {
  const row = await noticeRepository.findById(db, id);
  if (!row) throw notFound('notice', id);
  return row;
}

/** The plan a notice belongs to, after checking that the unit answers for its subject. */
async function subjectPlan(db: Kysely<Database>, input: IssueNoticeRequest): Promise<string> {
  if (input.taskId && input.actionItemId) {
    throw invalid([{ field: 'body.taskId', message: message('field.taskOrActionItem') }]);
  }
  if (!input.taskId && !input.actionItemId) {
    // Addressed to any unit: a notice about the plan's work in general.
    if (!input.planCode) {
      throw invalid([{ field: 'body.planCode', message: message('field.taskItemOrPlan') }]);
    }
    const plan = await planLookup.findByCode(db, input.planCode);
    if (!plan)
      throw invalid([{ field: 'body.planCode', message: message('field.unknownPlan', { code: input.planCode }) }]);
    return plan.id;
  }
  if (input.taskId) {
    const task = await planLookup.findTask(db, input.taskId);
    if (!task) throw invalid([{ field: 'body.taskId', message: message('field.unknownTask', { id: input.taskId }) }]);
    const assigned = await planLookup.findAssignment(db, task.id, input.orgUnitId);
    if (!assigned) throw invalid([{ field: 'body.orgUnitId', message: message('field.unitNotAssigned') }]);
    return task.plan_id;
  }
  const item = await subjectRepository.actionItemSubject(db, input.actionItemId!);
  if (!item)
    throw invalid([
      { field: 'body.actionItemId', message: message('field.unknownActionItem', { id: input.actionItemId ?? '' }) },
    ]);
  if (item.owner_org_unit_id !== input.orgUnitId) {
    throw invalid([{ field: 'body.orgUnitId', message: message('field.unitNotOwner') }]);
  }
  return item.plan_id;
}

export async function issueNotice(
  db: Kysely<Database>,
  actor: Actor,
  input: IssueNoticeRequest,
  requestId?: string,
  /** The 领导批示 the notice is issued for (instructions.ts checks it first). */
  instructionId: string | null = null,
): Promise<Notice> {
  const unit = await findUnit(db, input.orgUnitId);
  if (!unit)
    throw invalid([
      { field: 'body.orgUnitId', message: message('field.unknownOrganisation', { id: input.orgUnitId }) },
    ]);
  supervisionPolicy.canWriteFor(actor, unit.region_path);
  const planId = await subjectPlan(db, input);
  const today = todayInChina();
  const replyDue = await resolveReplyDue(db, input, today);
  if (replyDue < today) throw invalid([{ field: 'body.replyDue', message: message('field.replyDuePassed') }]);
  const ackGiven = await resolveDue(db, { date: input.ackDue, workingDays: input.ackWorkingDays }, today, {
    date: 'body.ackDue',
    workingDays: 'body.ackWorkingDays',
  });
  const ackDue = ackGiven ?? (addDays(today, 2) < replyDue ? addDays(today, 2) : replyDue);
  if (ackDue < today || ackDue > replyDue) {
    const field = input.ackWorkingDays !== undefined ? 'body.ackWorkingDays' : 'body.ackDue';
    throw invalid([{ field, message: message('field.ackBetween') }]);
  }
  const id = crypto.randomUUID();
  const office = await findIssuingOffice(db, actor);
  const year = Number(today.slice(0, 4));
  return db.transaction().execute(async (trx) => {
    const { number, seq } = await noticeRepository.nextNumber(trx, office, year);
    await noticeRepository.insert(trx, {
      id,
      number,
      issuing_org_unit_id: office?.id ?? null,
      number_year: year,
      number_seq: seq,
      plan_id: planId,
      task_id: input.taskId ?? null,
      action_item_id: input.actionItemId ?? null,
      org_unit_id: unit.id,
      region_code: unit.region_code,
      prefecture_code: distributionCode(unit.region_code, unit.prefecture_code),
      reason: input.reason,
      required_action: input.requiredAction,
      reply_due: replyDue,
      ack_due: ackDue,
      signer: input.signer || null,
      cc: input.cc ?? '',
      level: input.level,
      source: input.source ?? null,
      instruction_id: instructionId,
      status: 'issued',
      issued_by: actor.userId,
    });
    await notificationRepository.insertOnce(trx, [
      {
        recipient: unit.id,
        kind: 'notice',
        subjectType: 'supervision_notice',
        subjectId: id,
        threshold: 'issued',
        title: message('notification.noticeIssued', { number, reason: input.reason }),
        body: message('notification.noticeIssuedBody', { due: replyDue }),
        link: `/notices/${id}`,
      },
    ]);
    const created = await getNotice(trx, id);
    await recordAudit(
      trx,
      { actor, requestId },
      {
        action: 'notice.issue',
        entityType: 'supervision_notice',
        entityId: id,
        regionCode: unit.region_code,
        prefectureCode: unit.prefecture_code,
        after: presentNotice(created, today),
      },
    );
    return presentNotice(created, today);
  });
}

export async function listNotices(db: Kysely<Database>, actor: Actor, query: NoticeListQuery): Promise<Notice[]> {
  // A unit officer sees the notices addressed to their organisation and those escalated to it.
  const { scopePath, unitId } = supervisionPolicy.listScope(actor);
  const today = query.asOf ?? todayInChina();
  const rows = await noticeRepository.list(db, {
    scopePath,
    involvingUnit: unitId,
    orgUnitId: query.orgUnitId,
    status: query.status,
    overdueOn: query.overdue === 'true' ? today : undefined,
    limit: query.limit,
  });
  return rows.map((row) => presentNotice(row, today));
}

export async function readNotice(db: Kysely<Database>, actor: Actor, id: string): Promise<Notice> {
  const row = await getNotice(db, id);
  supervisionPolicy.canReadNotice(actor, row);
  const attachments = await attachmentLookup.listByOwners(db, 'notice_reply', [row.id]);
  return { ...presentNotice(row), attachments: attachments.map(presentAttachment) };
}
