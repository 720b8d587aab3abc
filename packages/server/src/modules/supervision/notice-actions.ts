import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { conflict } from '../../http/problem.ts';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { noticeRepository } from './notice-repository.ts';
import { notificationRepository } from './notification-repository.ts';
import { getNotice, presentNotice } from './notices.ts';
import { supervisionPolicy } from './policy.ts';
import type { Notice } from './schema.ts';
import { findSuperior, findUnit } from './units.ts';

type Step = {
  action: 'notice.acknowledge' | 'notice.reply' | 'notice.close';
  from: readonly string[];
  changes: Updateable<Database['supervision_notice']>;
  note?: string;
};

/** Moves a notice along issued → acknowledged → replied → closed, refusing any other start. */
async function step(db: Kysely<Database>, actor: Actor, id: string, s: Step, requestId?: string): Promise<Notice> {
  return db.transaction().execute(async (trx) => {
    const before = await getNotice(trx, id);
    if (!(await noticeRepository.transition(trx, id, s.from, s.changes))) {
      throw conflict(`notice ${before.number} is ${before.status}; this needs it to be ${s.from.join(' or ')}`);
    }
    const after = await getNotice(trx, id);
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

/** 反馈: the unit replies (evidence files are attached through the attachments module). */
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
      from: ['issued', 'acknowledged'],
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

/** 办结: the office closes a notice once the unit has replied. */
export async function closeNotice(db: Kysely<Database>, actor: Actor, id: string, note: string, requestId?: string) {
  const notice = await getNotice(db, id);
  supervisionPolicy.canWriteFor(actor, notice.region_path);
  return step(
    db,
    actor,
    id,
    {
      action: 'notice.close',
      from: ['replied'],
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
      if (!(await noticeRepository.markEscalated(trx, notice.id, escalatedTo))) return false;
      await notificationRepository.insertOnce(trx, [
        {
          recipient,
          kind: 'notice',
          subjectType: 'supervision_notice',
          subjectId: notice.id,
          threshold: 'escalated',
          title: superior
            ? `${notice.number}：${unit.name}逾期未反馈（应于${notice.reply_due}前），请督促办理`
            : `${notice.number}：${unit.name}逾期未反馈（应于${notice.reply_due}前），无上级机关可提级，请签发机关督促`,
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
