import crypto from 'node:crypto';
import { attachmentLookup } from '../attachments/index.ts';
import { presentAttachment } from '../reports/index.ts';
import type { Kysely } from 'kysely';
import {
  can,
  type CreateInstructionRequest,
  instructionActions,
  instructionActor,
  type InstructionDetail,
  type InstructionListQuery,
  instructionOverdue,
  type InstructionStatus,
  type InstructionSummary,
  isWithinScope,
  message,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/problem.ts';
import { assertInScope, authorize, type Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { emitEvent } from '../../outbox/emit.ts';
import { offsetOf } from '../../http/paging.ts';
import { checkUnits } from './action-item-view.ts';
import { instructionRepository, type InstructionRow } from './instruction-repository.ts';
import { planLookup } from '../plans/index.ts';
import { subjectRepository } from './subject-repository.ts';
import { supervisionPolicy } from './policy.ts';
import { findIssuingOffice, findUnits, todayInChina } from './units.ts';

/*
 * 领导批示 tracking (sup3, issue 18): the issuing office records a leader's instruction for a
 * lead unit (主办) and assisting units (协办); the lead unit signs and reports; the office accepts
 * or returns (instruction-actions.ts). A unit sees only the instructions it handles.
 */

type Units = Map<string, { id: string; name: string }[]>;

function presentInstruction(row: InstructionRow, assisting: Units, today = todayInChina()): InstructionSummary {
  const status = row.status as InstructionStatus;
  return {
    id: row.id,
    leaderName: row.leader_name,
    leaderPost: row.leader_post,
    instructedOn: row.instructed_on,
    content: row.content,
    documentTitle: row.document_title,
    issuingOffice: { id: row.issuing_org_unit_id, name: row.office_name },
    regionCode: row.region_code,
    leadUnit: { id: row.lead_org_unit_id, name: row.lead_name },
    assistingUnits: assisting.get(row.id) ?? [],
    replyDue: row.reply_due,
    task: row.task_id ? { id: row.task_id, number: row.task_number ?? '', title: row.task_title ?? '' } : null,
    status,
    overdue: instructionOverdue(status, row.reply_due, today),
    returnedCount: row.returned_count,
    createdAt: row.created_at.toISOString(),
  };
}

export async function getInstruction(db: Kysely<Database>, id: string): Promise<InstructionRow> {
  const row = await instructionRepository.findById(db, id);
  if (!row) throw notFound('leaderInstruction', id);
  return row;
}

/** Offices read the instructions of their scope; a unit, only those it leads or assists on. */
async function canRead(db: Kysely<Database>, actor: Actor, row: InstructionRow): Promise<Units> {
  authorize(actor, 'supervision.read');
  const assisting = await instructionRepository.assisting(db, [row.id]);
  if (actor.role !== 'unit_officer') {
    assertInScope(actor, row.region_path);
    return assisting;
  }
  const unit = supervisionPolicy.ownUnit(actor);
  const ours = row.lead_org_unit_id === unit || (assisting.get(row.id) ?? []).some((u) => u.id === unit);
  if (!ours) throw forbidden(message('instruction.otherOrganisation'));
  return assisting;
}

/** What the viewer may do now: the lead unit signs and reports, the office in scope accepts or returns. */
function allowedActions(actor: Actor, row: InstructionRow): InstructionDetail['allowedActions'] {
  return instructionActions(row.status as InstructionStatus).filter((action) =>
    instructionActor[action] === 'lead_unit'
      ? can(actor.role, 'report.write') && actor.orgUnitId === row.lead_org_unit_id
      : can(actor.role, 'supervision.write') && isWithinScope(actor.regionPath, row.region_path),
  );
}

export async function instructionDetail(
  db: Kysely<Database>,
  actor: Actor,
  row: InstructionRow,
  assisting: Units,
): Promise<InstructionDetail> {
  const steps = await instructionRepository.steps(db, row.id);
  return {
    ...presentInstruction(row, assisting),
    timeline: steps.map((s) => ({
      id: s.id,
      action: s.action as InstructionDetail['timeline'][number]['action'],
      final: s.final,
      text: s.text,
      actor: s.display_name,
      orgUnit: s.unit_id ? { id: s.unit_id, name: s.unit_name ?? '' } : null,
      at: s.created_at.toISOString(),
    })),
    allowedActions: allowedActions(actor, row),
    notices: await instructionRepository.notices(db, row.id),
    attachments: (await attachmentLookup.listByOwners(db, 'leader_instruction', [row.id])).map(presentAttachment),
  };
}

/**
 * Files on an instruction (the original document, the unit's evidence): read as the instruction
 * is read; attached by the office in scope or the lead unit, until it is closed.
 */
export async function checkInstructionAttachment(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  mode: 'attach' | 'read',
): Promise<{ regionCode: string; prefectureCode: string | null }> {
  const row = await getInstruction(db, id);
  if (mode === 'read') await canRead(db, actor, row);
  else {
    const lead = can(actor.role, 'report.write') && actor.orgUnitId === row.lead_org_unit_id;
    if (!lead) supervisionPolicy.canWriteFor(actor, row.region_path);
    if (row.status === 'closed') throw conflict(message('instruction.closed'));
  }
  return { regionCode: row.region_code, prefectureCode: row.prefecture_code };
}

export async function readInstruction(db: Kysely<Database>, actor: Actor, id: string): Promise<InstructionDetail> {
  const row = await getInstruction(db, id);
  return instructionDetail(db, actor, row, await canRead(db, actor, row));
}

export async function listInstructions(db: Kysely<Database>, actor: Actor, query: InstructionListQuery) {
  const { scopePath, unitId: own } = supervisionPolicy.listScope(actor);
  const today = todayInChina();
  if (own && query.orgUnitId && query.orgUnitId !== own) {
    throw forbidden(message('instruction.unitReadsOwn'));
  }
  const { rows, total } = await instructionRepository.page(
    db,
    {
      scopePath,
      involvingUnit: own ?? query.orgUnitId,
      status: query.status,
      overdueOn: query.overdue === 'true' ? today : undefined,
    },
    { offset: offsetOf(query.page ?? 1, query.limit), limit: query.limit },
  );
  const assisting = await instructionRepository.assisting(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => presentInstruction(r, assisting, today)),
    total,
  };
}

/** The task an instruction is about must be a live task of a plan. */
async function checkTask(db: Kysely<Database>, taskId: string | undefined): Promise<void> {
  if (!taskId) return;
  const task = await planLookup.findTask(db, taskId);
  if (!task) throw invalid([{ field: 'body.taskId', message: message('instruction.noTask', { id: taskId }) }]);
}

export async function createInstruction(
  db: Kysely<Database>,
  actor: Actor,
  input: CreateInstructionRequest,
  requestId?: string,
): Promise<InstructionDetail> {
  supervisionPolicy.canWriteFor(actor, actor.regionPath);
  // Handling units: known (400 naming the field) and inside the issuer's scope (403).
  await checkUnits(db, actor, [input.leadOrgUnitId], () => 'body.leadOrgUnitId', true);
  await checkUnits(db, actor, input.assistingOrgUnitIds, (i) => `body.assistingOrgUnitIds[${i}]`, true);
  if (input.assistingOrgUnitIds.includes(input.leadOrgUnitId)) {
    throw invalid([{ field: 'body.assistingOrgUnitIds', message: message('instruction.leadNotAssisting') }]);
  }
  const today = todayInChina();
  if (input.instructedOn > today) {
    throw invalid([{ field: 'body.instructedOn', message: message('instruction.dateInFuture') }]);
  }
  if (input.replyDue < input.instructedOn) {
    throw invalid([{ field: 'body.replyDue', message: message('instruction.replyBeforeInstruction') }]);
  }
  await checkTask(db, input.taskId);
  const office = actor.orgUnitId ? { id: actor.orgUnitId } : await findIssuingOffice(db, actor);
  if (!office) throw forbidden(message('instruction.noOffice'));
  const [issuer] = await findUnits(db, [office.id]);
  const region = await subjectRepository.regionPrefecture(db, actor.regionCode);
  const id = crypto.randomUUID();
  return db.transaction().execute(async (trx) => {
    await instructionRepository.insert(
      trx,
      {
        id,
        issuing_org_unit_id: issuer!.id,
        region_code: actor.regionCode,
        prefecture_code: region.prefecture_code,
        leader_name: input.leaderName,
        leader_post: input.leaderPost,
        instructed_on: input.instructedOn,
        content: input.content,
        document_title: input.documentTitle,
        lead_org_unit_id: input.leadOrgUnitId,
        reply_due: input.replyDue,
        task_id: input.taskId ?? null,
        status: 'pending_sign',
        created_by: actor.userId,
      },
      input.assistingOrgUnitIds,
    );
    await instructionRepository.addStep(trx, {
      id: crypto.randomUUID(),
      instruction_id: id,
      action: 'create',
      text: input.content,
      actor_id: actor.userId,
      org_unit_id: issuer!.id,
    });
    const row = await getInstruction(trx, id);
    const assisting = await instructionRepository.assisting(trx, [id]);
    const created = await instructionDetail(trx, actor, row, assisting);
    await emitEvent(trx, instructionEvent(row, 'create', `${input.replyDue}`, 'create', input.assistingOrgUnitIds));
    await recordAudit(
      trx,
      { actor, requestId },
      {
        action: 'instruction.create',
        entityType: 'leader_instruction',
        entityId: id,
        regionCode: row.region_code,
        prefectureCode: row.prefecture_code,
        after: presentInstruction(row, assisting, today),
      },
    );
    return created;
  });
}

type Action = 'create' | 'sign' | 'report' | 'accept' | 'return';

/** The outbox event of a step; who is told is the subscriber's business (subscribers.ts). */
export function instructionEvent(
  row: InstructionRow,
  action: Action,
  detail: string,
  round: string,
  assisting: readonly string[],
) {
  return {
    name: 'instruction.transitioned' as const,
    payload: {
      instructionId: row.id,
      action,
      title: `${row.leader_post}${row.leader_name}批示`,
      leadOrgUnitId: row.lead_org_unit_id,
      assistingOrgUnitIds: [...assisting],
      issuingOfficeId: row.issuing_org_unit_id,
      detail: detail.slice(0, 200),
      round,
      prefectureCode: row.prefecture_code,
    },
  };
}
