import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { emitEvent } from '../../outbox/emit.ts';
import { recordAudit } from '../audit/index.ts';
import { STAGE_ESCALATION_TEXT } from './clocks.ts';
import { caseJobRepository } from './job-repository.ts';
import { caseRepository } from './repository.ts';

/**
 * Overdue escalation (逾期督办): a case dispatched to a unit whose deadline has passed while its
 * clock runs is reported once to the unit's superior (its parent organisation), or, for a unit
 * without one, to the creation office (文明办) of the nearest region above the case. The unit is
 * told too (supervision notifies both on the `case.escalated` event). Each case escalates once (escalation_level 0 → 1), in its own transaction with a
 * timeline row and an audit row, so concurrent runs never escalate twice.
 */
export async function escalateOverdueCases(db: Kysely<Database>, now = new Date()): Promise<number> {
  let escalated = 0;
  for (;;) {
    const due = await caseJobRepository.overdueToEscalate(db, now, 200);
    if (due.length === 0) return escalated;
    for (const c of due) {
      const done = await db.transaction().execute(async (trx) => {
        if (!(await caseJobRepository.markEscalated(trx, c.id))) return false;
        const unit = await caseRepository.findOrgUnit(trx, c.org_unit_id!);
        const superior = unit?.parent_id
          ? await caseRepository.findOrgUnit(trx, unit.parent_id)
          : await caseJobRepository.creationOfficeAbove(trx, c.region_path.split('/'));
        await emitEvent(trx, {
          name: 'case.escalated',
          payload: {
            caseId: c.id,
            caseNumber: c.number,
            unitId: c.org_unit_id!,
            unitName: unit?.name ?? '',
            superior: superior ? { id: superior.id, name: superior.name } : null,
            prefectureCode: c.prefecture_code,
          },
        });
        await recordEscalation(trx, c, now, {
          note: superior ? `逾期，已报 ${superior.name} 督办` : '逾期，已提醒承办单位',
          orgUnitId: superior?.id ?? null,
          data: { deadline: c.deadline.toISOString() },
          before: { escalationLevel: 0 },
          after: { escalationLevel: 1, superior: superior?.id ?? null },
        });
        return true;
      });
      if (done) escalated++;
    }
    if (due.length < 200) return escalated;
  }
}

/**
 * Stage escalation of the desk and the inspectors (受理/立案, 派遣, 核查 超时督办): a case left
 * submitted past its accept deadline, accepted past its dispatch deadline, or handled past its
 * verification deadline, with its clock running, is reported once per stage to the creation
 * office (文明办, where the dispatch desk and the inspectors sit) of the nearest region above the
 * case (supervision notifies it on the `case.stage-escalated` event), with a timeline row and an
 * audit row in one transaction; concurrent runs claim each
 * stage with one update, so it escalates once.
 */
export async function escalateStages(db: Kysely<Database>, now = new Date()): Promise<number> {
  let escalated = 0;
  for (const stage of ['accept', 'dispatch', 'verify'] as const) {
    for (;;) {
      const due = await caseJobRepository.stageOverdue(db, stage, now, 200);
      for (const c of due) {
        const done = await db.transaction().execute(async (trx) => {
          if (!(await caseJobRepository.markStageEscalated(trx, c.id, stage))) return false;
          const office = await caseJobRepository.creationOfficeAbove(trx, c.region_path.split('/'));
          const text = STAGE_ESCALATION_TEXT[stage];
          await emitEvent(trx, {
            name: 'case.stage-escalated',
            payload: {
              caseId: c.id,
              caseNumber: c.number,
              prefectureCode: c.prefecture_code,
              stage,
              office: office ? { id: office.id, name: office.name } : null,
            },
          });
          await recordEscalation(trx, c, now, {
            note: office ? `${text.event}，已报 ${office.name} 督办` : text.event,
            orgUnitId: office?.id ?? null,
            data: { stage, deadline: new Date(c.due_at as Date).toISOString() },
            after: { stage, office: office?.id ?? null },
          });
          return true;
        });
        if (done) escalated++;
      }
      if (due.length < 200) break;
    }
  }
  return escalated;
}

/**
 * The timeline row (`escalated`, no actor) and the audit row (`case.escalate`, by the system) of one
 * escalation, written in the escalation's transaction.
 */
async function recordEscalation(
  trx: Kysely<Database>,
  c: { id: string; status: string; region_code: string; prefecture_code: string },
  now: Date,
  escalation: {
    note: string;
    orgUnitId: string | null;
    data: Record<string, unknown>;
    before?: Record<string, unknown>;
    after: Record<string, unknown>;
  },
) {
  const { note, orgUnitId, data, before, after } = escalation;
  await caseRepository.insertEvent(trx, {
    id: crypto.randomUUID(),
    case_id: c.id,
    prefecture_code: c.prefecture_code,
    kind: 'escalated',
    status: c.status,
    note,
    actor_id: null,
    actor_name: null,
    org_unit_id: orgUnitId,
    data: JSON.stringify(data),
    at: now,
  });
  await recordAudit(
    trx,
    { actor: null },
    {
      action: 'case.escalate',
      entityType: 'problem_case',
      entityId: c.id,
      regionCode: c.region_code,
      prefectureCode: c.prefecture_code,
      ...(before ? { before } : {}),
      after,
    },
  );
}
