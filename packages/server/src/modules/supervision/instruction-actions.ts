import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  type InstructionAction,
  instructionActionFrom,
  instructionActor,
  type InstructionDetail,
  instructionNext,
  type InstructionStatus,
  message,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { AppError, forbidden } from '../../http/problem.ts';
import { authorize, type Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { emitEvent } from '../../outbox/emit.ts';
import { instructionRepository, type InstructionRow } from './instruction-repository.ts';
import { getInstruction, instructionDetail, instructionEvent } from './instructions.ts';
import { supervisionPolicy } from './policy.ts';

/*
 * The steps of a 领导批示 (sup3, issue 18): the lead unit signs (签收) and reports (办理情况报告,
 * interim or final); the issuing office accepts the final report (办结) or returns it (退回) with
 * a reason. Each step checks the state it starts from, adds to the timeline, is audited and is
 * told through the outbox, in one transaction.
 */

/** Only the lead unit (主办单位) signs for and reports on an instruction. */
function asLeadUnit(actor: Actor, row: InstructionRow): void {
  authorize(actor, 'report.write');
  if (!actor.orgUnitId || actor.orgUnitId !== row.lead_org_unit_id) {
    throw forbidden(message('instruction.leadOnly'));
  }
}

type Step = { action: InstructionAction; text: string; final?: boolean };

async function move(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  s: Step,
  requestId?: string,
): Promise<InstructionDetail> {
  const final = s.final ?? true;
  const to = instructionNext(s.action, final);
  return db.transaction().execute(async (trx) => {
    const before = await getInstruction(trx, id);
    const from = instructionActionFrom[s.action];
    if (!(await instructionRepository.transition(trx, id, from, to, s.action === 'return'))) {
      throw new AppError(
        'INSTRUCTION_STATE',
        message('instruction.wrongState', {
          status: message(`instructionStatus.${before.status as InstructionStatus}`),
          action: message(`instructionAction.${s.action}`),
          from: from.map((f) => message(`instructionStatus.${f}`)),
        }),
      );
    }
    await instructionRepository.addStep(trx, {
      id: crypto.randomUUID(),
      instruction_id: id,
      action: s.action,
      final: s.action === 'report' && final,
      text: s.text,
      actor_id: actor.userId,
      // The office's steps are the issuing office's, whoever in it takes them.
      org_unit_id: instructionActor[s.action] === 'office' ? before.issuing_org_unit_id : actor.orgUnitId,
    });
    const after = await getInstruction(trx, id);
    const assisting = await instructionRepository.assisting(trx, [id]);
    const round = `${s.action}:${await instructionRepository.countSteps(trx, id, s.action)}`;
    await emitEvent(
      trx,
      instructionEvent(
        after,
        s.action,
        s.text,
        round,
        (assisting.get(id) ?? []).map((u) => u.id),
      ),
    );
    await recordAudit(
      trx,
      { actor, requestId },
      {
        action: `instruction.${s.action}`,
        entityType: 'leader_instruction',
        entityId: id,
        regionCode: after.region_code,
        prefectureCode: after.prefecture_code,
        before: { status: before.status },
        after: { status: after.status, text: s.text, ...(s.action === 'report' ? { final } : {}) },
      },
    );
    return instructionDetail(trx, actor, after, assisting);
  });
}

/** 签收: the lead unit confirms receipt; the instruction is 办理中. */
export async function signInstruction(db: Kysely<Database>, actor: Actor, id: string, requestId?: string) {
  asLeadUnit(actor, await getInstruction(db, id));
  return move(db, actor, id, { action: 'sign', text: '' }, requestId);
}

/** 办理情况报告: interim keeps it 办理中; the final one makes it 已报告 for the office to accept. */
export async function reportOnInstruction(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: { text: string; final: boolean },
  requestId?: string,
) {
  asLeadUnit(actor, await getInstruction(db, id));
  return move(db, actor, id, { action: 'report', text: input.text, final: input.final }, requestId);
}

/** 办结: the issuing office (in scope) accepts the final report. */
export async function acceptInstruction(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  note: string,
  requestId?: string,
) {
  supervisionPolicy.canWriteFor(actor, (await getInstruction(db, id)).region_path);
  return move(db, actor, id, { action: 'accept', text: note }, requestId);
}

/** 退回: the report is not enough; back to 办理中 with the reason. */
export async function returnInstruction(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  reason: string,
  requestId?: string,
) {
  supervisionPolicy.canWriteFor(actor, (await getInstruction(db, id)).region_path);
  return move(db, actor, id, { action: 'return', text: reason }, requestId);
}
