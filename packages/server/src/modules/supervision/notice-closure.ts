import type { Kysely } from 'kysely';
import { message, noticeActionFrom } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { conflict, forbidden, invalid } from '../../http/problem.ts';
import type { Actor } from '../auth/index.ts';
import { noticeEvent, step } from './notice-actions.ts';
import { getNotice } from './notices.ts';
import { supervisionPolicy } from './policy.ts';
import { resolveDue } from './reply-due.ts';
import { todayInChina } from './units.ts';

/*
 * The office's side of the 办结 chain (issue 18): 审核 (review) → 领导审批 (approval, by another
 * person than the reviewer) → 销号 (close, in notice-actions.ts); 退回重办 with a reason; and the
 * unit's 延期申请 with the office's decision. Every step is audited and told through the outbox.
 */

async function officeNotice(db: Kysely<Database>, actor: Actor, id: string) {
  const notice = await getNotice(db, id);
  supervisionPolicy.canWriteFor(actor, notice.region_path);
  return notice;
}

/** 审核: the office checks the unit's reply and passes it on for approval. */
export async function reviewNotice(db: Kysely<Database>, actor: Actor, id: string, note: string, requestId?: string) {
  await officeNotice(db, actor, id);
  return step(
    db,
    actor,
    id,
    {
      action: 'notice.review',
      from: noticeActionFrom.review,
      changes: { status: 'reviewed', reviewed_by: actor.userId, reviewed_at: new Date() },
      note,
      event: noticeEvent('review', note, 'review'),
    },
    requestId,
  );
}

/** 领导审批: a leader approves closing; not the person who reviewed it (two pairs of eyes). */
export async function approveNotice(db: Kysely<Database>, actor: Actor, id: string, note: string, requestId?: string) {
  const notice = await officeNotice(db, actor, id);
  if (notice.status === 'reviewed' && notice.reviewed_by === actor.userId) {
    throw forbidden(message('forbidden.reviewerApproves'));
  }
  return step(
    db,
    actor,
    id,
    {
      action: 'notice.approve',
      from: noticeActionFrom.approve,
      changes: { status: 'approved', approved_by: actor.userId, approved_at: new Date() },
      note,
      event: noticeEvent('approve', note, 'approve'),
    },
    requestId,
  );
}

/** 退回重办: the reply is not good enough; the unit does it again, optionally by a new date. */
export async function returnNotice(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: { reason: string; replyDue?: string; replyWorkingDays?: number },
  requestId?: string,
) {
  const notice = await officeNotice(db, actor, id);
  const replyDue = await resolveDue(db, { date: input.replyDue, workingDays: input.replyWorkingDays }, todayInChina(), {
    date: 'body.replyDue',
    workingDays: 'body.replyWorkingDays',
  });
  if (replyDue && replyDue < todayInChina()) {
    throw invalid([{ field: 'body.replyDue', message: message('field.newReplyDuePassed') }]);
  }
  const round = notice.returned_count + 1;
  return step(
    db,
    actor,
    id,
    {
      action: 'notice.return',
      from: noticeActionFrom.return,
      changes: {
        status: 'returned',
        return_reason: input.reason,
        returned_at: new Date(),
        returned_count: round,
        reviewed_by: null,
        reviewed_at: null,
        approved_by: null,
        approved_at: null,
        ...(replyDue ? { reply_due: replyDue } : {}),
      },
      note: input.reason,
      event: noticeEvent('return', input.reason, `return:${round}`),
    },
    requestId,
  );
}

/** 延期申请: the unit asks for a later reply date, with a reason; one request pending at a time. */
export async function requestExtension(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: { requestedDue?: string; requestedWorkingDays?: number; reason: string },
  requestId?: string,
) {
  const notice = await getNotice(db, id);
  supervisionPolicy.canAnswer(actor, notice);
  // 延期N个工作日: counted from the day after the current reply date.
  const requestedDue = await resolveDue(
    db,
    { date: input.requestedDue, workingDays: input.requestedWorkingDays },
    notice.reply_due,
    { date: 'body.requestedDue', workingDays: 'body.requestedWorkingDays' },
  );
  if (requestedDue === undefined) {
    throw invalid([{ field: 'body.requestedDue', message: message('field.dateOrWorkingDaysNeeded') }]);
  }
  if (requestedDue <= notice.reply_due) {
    throw invalid([
      { field: 'body.requestedDue', message: message('field.extensionAfter', { due: notice.reply_due }) },
    ]);
  }
  if (notice.extension_status === 'pending')
    throw conflict(message('notice.extensionPending', { number: notice.number }));
  return step(
    db,
    actor,
    id,
    {
      action: 'notice.request-extension',
      from: noticeActionFrom.request_extension,
      changes: {
        extension_due: requestedDue,
        extension_reason: input.reason,
        extension_status: 'pending',
        extension_decided_by: null,
        extension_note: null,
      },
      note: input.reason,
      event: noticeEvent('request_extension', `${requestedDue} ${input.reason}`, `extension:${requestedDue}`),
    },
    requestId,
  );
}

/** The office grants (the reply date moves) or refuses (with a reason) a pending extension request. */
export async function decideExtension(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: { approve: boolean; note: string },
  requestId?: string,
) {
  const notice = await officeNotice(db, actor, id);
  if (notice.extension_status !== 'pending' || !notice.extension_due) {
    throw conflict(message('notice.noExtensionPending', { number: notice.number }));
  }
  if (!input.approve && !input.note.trim()) {
    throw invalid([{ field: 'body.note', message: message('field.refusalReason') }]);
  }
  const due = notice.extension_due;
  return step(
    db,
    actor,
    id,
    {
      action: input.approve ? 'notice.approve-extension' : 'notice.refuse-extension',
      // Still awaiting the reply: a decision after the unit replied changes nothing.
      from: noticeActionFrom.request_extension,
      changes: {
        extension_status: input.approve ? 'approved' : 'refused',
        extension_decided_by: actor.userId,
        extension_note: input.note,
        ...(input.approve ? { reply_due: due } : {}),
      },
      note: input.note,
      event: noticeEvent(
        input.approve ? 'approve_extension' : 'refuse_extension',
        input.approve ? due : input.note,
        `extension:${due}`,
      ),
    },
    requestId,
  );
}
