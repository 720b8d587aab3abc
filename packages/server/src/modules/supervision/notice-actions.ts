import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { conflict } from '../../http/problem.ts';
import type { Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { noticeRepository, type NoticeRow } from './notice-repository.ts';
import { emitEvent } from '../../outbox/emit.ts';
import { type DomainEvent, message, type Notice, noticeActionFrom, type NoticeStatus } from '@chuangcheng/core';
import { notificationRepository } from './notification-repository.ts';
import { getNotice, presentNotice } from './notices.ts';
import { supervisionPolicy } from './policy.ts';
import { findSuperior, findUnit } from './units.ts';

export type Step = {
  action: `notice.${string}`;
  from: readonly string[];
  changes: Updateable<Database['supervision_notice']>;
  note?: string;
  /** What to tell through the outbox once the step is done (notifications to the unit or office). */
  event?: (after: NoticeRow) => DomainEvent;
};

/** Moves a notice one step along its chain, refusing any other start; audited, and told through the outbox. */
export async function step(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  s: Step,
  requestId?: string,
): Promise<Notice> {
  return db.transaction().execute(async (trx) => {
    const before = await getNotice(trx, id);
    if (!(await noticeRepository.transition(trx, before, s.from, s.changes))) {
      throw conflict(
        message('notice.wrongState', {
          number: before.number,
          status: message(`noticeStatus.${before.status as NoticeStatus}`),
          needed: s.from.map((from) => message(`noticeStatus.${from as NoticeStatus}`)),
        }),
      );
    }
    const after = await getNotice(trx, id);
    if (s.event) await emitEvent(trx, s.event(after));
    await recordAudit(
      trx,
      { actor, requestId },
      {
        action: s.action,
        entityType: 'supervision_notice',
        entityId: id,
        regionCode: after.region_code,
        prefectureCode: after.prefecture_code,
        before: { status: before.status },
        after: { status: after.status, ...(s.note === undefined ? {} : { note: s.note }), ...s.changes },
      },
    );
    return presentNotice(after);
  });
}

type NoticeEventAction = Extract<DomainEvent, { name: 'notice.transitioned' }>['payload']['action'];

/** The outbox event of a step: who is told is the subscriber's business. */
export function noticeEvent(action: NoticeEventAction, detail: string, round: string) {
  return (after: NoticeRow): DomainEvent => ({
    name: 'notice.transitioned',
    payload: {
      noticeId: after.id,
      number: after.number,
      action,
      orgUnitId: after.org_unit_id,
      issuingOfficeId: after.issuing_org_unit_id,
      detail,
      round,
      prefectureCode: after.prefecture_code,
    },
  });
}

/** 签收: the addressed unit confirms receipt. */
export async function acknowledgeNotice(db: Kysely<Database>, actor: Actor, id: string, requestId?: string) {
  supervisionPolicy.canAnswer(actor, await getNotice(db, id));
  return step(
    db,
    actor,
    id,
    {
      action: 'notice.acknowledge',
      from: ['issued'],
      changes: { status: 'acknowledged', acknowledged_by: actor.userId, acknowledged_at: new Date() },
    },
    requestId,
  );
}

/**
 * 反馈 and 申请办结: the unit replies, which applies for closure (evidence files are attached
 * through the attachments module); a returned notice is replied to again.
 */
export async function replyToNotice(db: Kysely<Database>, actor: Actor, id: string, text: string, requestId?: string) {
  const notice = await getNotice(db, id);
  supervisionPolicy.canAnswer(actor, notice);
  const now = new Date();
  return step(
    db,
    actor,
    id,
    {
      action: 'notice.reply',
      from: noticeActionFrom.reply,
      event: noticeEvent('reply', text.slice(0, 200), `reply:${notice.returned_count}`),
      changes: {
        status: 'replied',
        reply_text: text,
        replied_by: actor.userId,
        replied_at: now,
        // Replying without signing first still records receipt.
        acknowledged_by: notice.acknowledged_by ?? actor.userId,
        acknowledged_at: notice.acknowledged_at ?? now,
      },
    },
    requestId,
  );
}

/** 销号: the office closes a notice once a leader has approved the unit's reply. */
export async function closeNotice(db: Kysely<Database>, actor: Actor, id: string, note: string, requestId?: string) {
  const notice = await getNotice(db, id);
  supervisionPolicy.canWriteFor(actor, notice.region_path);
  return step(
    db,
    actor,
    id,
    {
      action: 'notice.close',
      from: noticeActionFrom.close,
      event: noticeEvent('close', note, 'close'),
      changes: { status: 'closed', closed_by: actor.userId, closed_at: new Date() },
      note,
    },
    requestId,
  );
}

/**
 * Escalates every open notice whose reply is overdue on `asOf` to the unit's superior,
 * once: the update only succeeds while `escalated_at` is empty, so concurrent runs agree.
 * A unit with no higher office (the province's own office, say) has nobody to escalate to:
 * the office that issued the notice is told instead. Returns how many notices this run
 * escalated or told.
 */
export async function escalateOverdueNotices(db: Kysely<Database>, asOf: string): Promise<number> {
  let escalated = 0;
  for (const notice of await noticeRepository.listToEscalate(db, asOf)) {
    const unit = await findUnit(db, notice.org_unit_id);
    if (!unit) continue;
    const superior = await findSuperior(db, unit);
    // With no higher office, the issuing office is told (it may be the addressee itself: the
    // province's office answering its own 督查室); the notice is escalated to nobody else.
    const recipient = superior ?? notice.issuing_org_unit_id;
    if (!recipient) continue;
    const escalatedTo = superior ?? (recipient !== unit.id ? recipient : null);
    const done = await db.transaction().execute(async (trx) => {
      if (!(await noticeRepository.markEscalated(trx, notice, escalatedTo))) return false;
      await notificationRepository.insertOnce(trx, [
        {
          recipient,
          kind: 'notice',
          subjectType: 'supervision_notice',
          subjectId: notice.id,
          threshold: 'escalated',
          title: message(superior ? 'notification.noticeEscalated' : 'notification.noticeEscalatedNoSuperior', {
            number: notice.number,
            unit: unit.name,
            due: notice.reply_due,
          }),
          link: `/notices/${notice.id}`,
        },
      ]);
      await recordAudit(
        trx,
        { actor: null },
        {
          action: 'notice.escalate',
          entityType: 'supervision_notice',
          entityId: notice.id,
          regionCode: notice.region_code,
          prefectureCode: notice.prefecture_code,
          after: { escalatedTo, told: recipient, toIssuingOffice: !superior, asOf },
        },
      );
      return true;
    });
    if (done) escalated++;
  }
  return escalated;
}
