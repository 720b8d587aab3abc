import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  checkCaseAction,
  deadlineAfterPause,
  extendDeadline,
  isOpenStatus,
  isWithinScope,
  nextCaseStatus,
  statusAfterRating,
  type CaseAction,
  type CaseDetail,
  type CaseEventKind,
  type CaseStatus,
  type CaseTracking,
  type DomainEvent,
  type RatingRequest,
  type SupplementRequest,
  type TimeLimitUnit,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/problem.ts';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { emitEvent } from '../../outbox/emit.ts';
import { workingCalendar } from './calendar.ts';
import { hashToken } from './intake.ts';
import { casePolicy } from './policy.ts';
import { presentDetail, trackCase } from './read.ts';
import { caseRepository, type CaseRow } from './repository.ts';

type Ctx = { actor: Actor; requestId?: string };

type Effect = {
  patch: Record<string, unknown>;
  event: { kind: CaseEventKind; note: string | null; orgUnitId?: string | null; data?: unknown };
  photoIds?: string[];
  /** What the unit in charge must hear of (supervision turns it into a notification). */
  notify?: DomainEvent;
  after?: (trx: Kysely<Database>, row: CaseRow) => Promise<void>;
};

async function requirePhotos(trx: Kysely<Database>, ids: string[], field: string) {
  const photos = await caseRepository.findPhotos(trx, ids);
  ids.forEach((id, i) => {
    const p = photos.find((x) => x.id === id);
    if (!p || p.case_id !== null) {
      throw invalid([
        { field: `${field}.${i}`, message: 'no such unattached photo; upload it with POST /cases/photos first' },
      ]);
    }
  });
}

/** What an action changes, given the locked case row. */
async function effectOf(
  trx: Kysely<Database>,
  actor: Actor,
  row: CaseRow,
  body: CaseAction,
  now: Date,
): Promise<Effect> {
  const calendar = await workingCalendar(trx);
  switch (body.action) {
    case 'accept':
      return { patch: { accepted_at: now }, event: { kind: 'accepted', note: body.note || null } };
    case 'reject':
      return { patch: { reject_reason: body.reason }, event: { kind: 'rejected', note: body.reason } };
    case 'merge': {
      const into = await caseRepository.findCaseForUpdate(trx, body.intoCaseId);
      if (!into || !isWithinScope(actor.regionPath, into.region_path)) {
        throw invalid([{ field: 'body.intoCaseId', message: 'no such case in your scope' }]);
      }
      if (into.id === row.id)
        throw invalid([{ field: 'body.intoCaseId', message: 'a case cannot be merged into itself' }]);
      if (!isOpenStatus(into.status as CaseStatus)) {
        throw invalid([
          { field: 'body.intoCaseId', message: `case ${into.number} is ${into.status}; merge into an open case` },
        ]);
      }
      if (into.category_code !== row.category_code) {
        throw invalid([{ field: 'body.intoCaseId', message: `case ${into.number} is of another category` }]);
      }
      return {
        patch: { merged_into_id: into.id },
        event: { kind: 'merged_into', note: body.note || into.number, data: { into: into.number } },
        after: async (t) => {
          // Reporters, photos and the earlier clock go to the survivor; cases merged here follow on.
          await caseRepository.copyReporters(t, row.id, into.id);
          await caseRepository.copyPhotos(t, row.id, into.id);
          await caseRepository.repointMerged(t, row.id, into.id);
          const earlier = row.deadline < into.deadline ? { deadline: row.deadline } : {};
          await caseRepository.updateCase(t, into.id, earlier);
          await caseRepository.insertEvent(t, {
            id: crypto.randomUUID(),
            case_id: into.id,
            kind: 'merged_from',
            status: into.status,
            note: row.number,
            actor_id: actor.userId,
            actor_name: actor.displayName,
            org_unit_id: null,
            data: JSON.stringify({ from: row.number }),
            at: now,
          });
          await recordAudit(
            t,
            { actor },
            {
              action: 'case.merge_in',
              entityType: 'problem_case',
              entityId: into.id,
              regionCode: into.region_code,
              prefectureCode: into.prefecture_code,
              after: { from: row.number, deadline: (earlier.deadline ?? into.deadline).toISOString() },
            },
          );
        },
      };
    }
    case 'dispatch': {
      // The unit the rules named at intake, unless a unit returned the case as wrongly dispatched.
      const unitId = body.orgUnitId ?? row.suggested_unit_id;
      if (!unitId) {
        throw invalid([
          {
            field: 'body.orgUnitId',
            message: 'no dispatch rule names a unit for this region and category; choose one',
          },
        ]);
      }
      const unit = await caseRepository.findOrgUnit(trx, unitId);
      if (!unit) throw invalid([{ field: 'body.orgUnitId', message: `unknown organisation ${unitId}` }]);
      if (!isWithinScope(actor.regionPath, unit.region_path)) {
        throw invalid([{ field: 'body.orgUnitId', message: `${unit.name} is outside your scope` }]);
      }
      return {
        patch: { org_unit_id: unit.id, dispatched_at: now, accepted_at: row.accepted_at ?? now, started_at: null },
        event: { kind: 'dispatched', note: body.note || null, orgUnitId: unit.id },
        notify: {
          name: 'case.dispatched',
          payload: {
            caseId: row.id,
            caseNumber: row.number,
            unitId: unit.id,
            prefectureCode: row.prefecture_code,
            dispatchedAt: now.toISOString(),
          },
        },
      };
    }
    case 'start':
      return {
        patch: { started_at: now },
        event: { kind: 'started', note: body.note || null, orgUnitId: row.org_unit_id },
      };
    case 'return':
      return {
        patch: {
          org_unit_id: null,
          suggested_unit_id: null,
          dispatched_at: null,
          started_at: null,
          pending_extension: null,
        },
        event: { kind: 'returned', note: body.reason, orgUnitId: row.org_unit_id },
      };
    case 'request_extension':
      return {
        patch: {
          pending_extension: JSON.stringify({
            amount: body.amount,
            unit: body.unit,
            reason: body.reason,
            requestedAt: now.toISOString(),
          }),
        },
        event: {
          kind: 'extension_requested',
          note: body.reason,
          orgUnitId: row.org_unit_id,
          data: { amount: body.amount, unit: body.unit },
        },
      };
    case 'decide_extension': {
      const asked = row.pending_extension as { amount: number; unit: TimeLimitUnit };
      if (!body.approve) {
        return {
          patch: { pending_extension: null },
          event: { kind: 'extension_refused', note: body.note || null, orgUnitId: row.org_unit_id },
        };
      }
      const deadline = extendDeadline(calendar, row.deadline, { amount: asked.amount, unit: asked.unit });
      return {
        patch: { pending_extension: null, deadline },
        event: {
          kind: 'extension_approved',
          note: body.note || null,
          orgUnitId: row.org_unit_id,
          data: { from: row.deadline.toISOString(), to: deadline.toISOString() },
        },
      };
    }
    case 'pause':
      return { patch: { paused_at: now }, event: { kind: 'paused', note: body.reason } };
    case 'resume': {
      const deadline = deadlineAfterPause(calendar, row.deadline, row.paused_at!, now);
      return {
        patch: { paused_at: null, deadline },
        event: {
          kind: 'resumed',
          note: body.note || null,
          data: { from: row.deadline.toISOString(), to: deadline.toISOString() },
        },
      };
    }
    case 'handle':
      await requirePhotos(trx, body.photoIds, 'body.photoIds');
      return {
        patch: { handled_at: now, handled_by: actor.userId },
        event: { kind: 'handled', note: body.note, orgUnitId: row.org_unit_id },
        photoIds: body.photoIds,
      };
    case 'verify':
      await requirePhotos(trx, body.photoIds, 'body.photoIds');
      return body.passed
        ? {
            patch: { closed_at: now, verified_count: row.verified_count + 1 },
            event: { kind: 'verification_passed', note: body.note || null },
            photoIds: body.photoIds,
          }
        : {
            patch: { verified_count: row.verified_count + 1, rework_count: row.rework_count + 1, handled_at: null },
            event: { kind: 'verification_failed', note: body.note || null, orgUnitId: row.org_unit_id },
            photoIds: body.photoIds,
            notify: row.org_unit_id
              ? {
                  name: 'case.rework-required',
                  payload: {
                    caseId: row.id,
                    caseNumber: row.number,
                    unitId: row.org_unit_id,
                    prefectureCode: row.prefecture_code,
                    rework: row.rework_count + 1,
                  },
                }
              : undefined,
          };
  }
}

/**
 * Takes one workflow action on a case: role, unit, handler and scope checks, then the state
 * change, its timeline row, photos, the event the unit is notified by and audit row in one transaction.
 */
export async function actOnCase(db: Kysely<Database>, ctx: Ctx, id: string, body: CaseAction): Promise<CaseDetail> {
  const { actor } = ctx;
  const row = await db.transaction().execute(async (trx) => {
    const current = await caseRepository.findCaseForUpdate(trx, id);
    if (!current) throw notFound(`case ${id}`);
    casePolicy.canAct(actor, current);
    const check = checkCaseAction(
      {
        status: current.status as CaseStatus,
        paused: current.paused_at !== null,
        pendingExtension: current.pending_extension !== null,
        orgUnitId: current.org_unit_id,
        handledBy: current.handled_by,
      },
      { userId: actor.userId, role: actor.role, orgUnitId: actor.orgUnitId },
      body.action,
    );
    if (!check.ok) {
      if (check.reason === 'state') throw conflict(check.message, [{ field: 'body.action', message: check.message }]);
      throw forbidden(check.message);
    }
    const now = new Date();
    const effect = await effectOf(trx, actor, current, body, now);
    const status = nextCaseStatus(
      current.status as CaseStatus,
      body.action,
      body.action === 'verify' ? body.passed : undefined,
    );
    await caseRepository.updateCase(trx, id, { ...effect.patch, status });
    const eventId = crypto.randomUUID();
    await caseRepository.insertEvent(trx, {
      id: eventId,
      case_id: id,
      kind: effect.event.kind,
      status,
      note: effect.event.note,
      actor_id: actor.userId,
      actor_name: actor.displayName,
      org_unit_id: effect.event.orgUnitId ?? null,
      data: effect.event.data === undefined ? null : JSON.stringify(effect.event.data),
      at: now,
    });
    if (effect.photoIds && effect.photoIds.length > 0) {
      const attached = await caseRepository.attachPhotos(trx, effect.photoIds, id, eventId);
      if (attached !== effect.photoIds.length) {
        throw invalid([{ field: 'body.photoIds', message: 'a photo was used elsewhere meanwhile' }]);
      }
    }
    if (effect.notify) await emitEvent(trx, effect.notify);
    const updated = (await caseRepository.findCase(trx, id))!;
    await effect.after?.(trx, updated);
    await recordAudit(trx, ctx, {
      action: `case.${body.action}`,
      entityType: 'problem_case',
      entityId: id,
      regionCode: current.region_code,
      prefectureCode: current.prefecture_code,
      before: { status: current.status, orgUnitId: current.org_unit_id, deadline: current.deadline.toISOString() },
      after: {
        status,
        orgUnitId: updated.org_unit_id,
        deadline: updated.deadline.toISOString(),
        note: effect.event.note,
      },
    });
    return updated;
  });
  return presentDetail(db, actor, row);
}

async function reporterOf(db: Kysely<Database>, number: string, token: string) {
  const row = await caseRepository.findByNumber(db, number);
  if (!row) throw notFound(`case ${number}`);
  const reporter = await caseRepository.findReporter(db, row.id, hashToken(token));
  if (!reporter) {
    throw new AppError('FORBIDDEN', 'the tracking token does not belong to this case', [
      { field: 'body.token', message: 'use the tracking token you received when you reported' },
    ]);
  }
  return { row, reporter };
}

/**
 * The reporter rates a closed case with the tracking token. "Not fixed" sends the case back to
 * verification (handled) instead of opening a new one; each reporter rates once per closing.
 */
export async function rateCase(
  db: Kysely<Database>,
  requestId: string,
  number: string,
  body: RatingRequest,
): Promise<CaseTracking> {
  const { row, reporter } = await reporterOf(db, number, body.token);
  await db.transaction().execute(async (trx) => {
    const current = (await caseRepository.findCaseForUpdate(trx, row.id))!;
    if (current.status !== 'closed') {
      throw conflict(`a ${current.status} case cannot be rated yet`, [
        { field: 'body.satisfaction', message: 'rate once the case is closed' },
      ]);
    }
    if (await caseRepository.ratedSince(trx, row.id, reporter.id, current.closed_at!)) {
      throw conflict('you have rated this case already', [
        { field: 'body.token', message: 'one rating per reporter and closing' },
      ]);
    }
    const now = new Date();
    await caseRepository.insertRating(trx, {
      id: crypto.randomUUID(),
      case_id: row.id,
      reporter_id: reporter.id,
      satisfaction: body.satisfaction,
      fixed: body.fixed,
      comment: body.comment ?? null,
    });
    const status = statusAfterRating('closed', body.fixed);
    await caseRepository.insertEvent(trx, {
      id: crypto.randomUUID(),
      case_id: row.id,
      kind: 'rated',
      status: 'closed',
      note: null,
      actor_id: null,
      actor_name: null,
      org_unit_id: null,
      data: JSON.stringify({ satisfaction: body.satisfaction, fixed: body.fixed }),
      at: now,
    });
    if (status !== 'closed') {
      await caseRepository.updateCase(trx, row.id, { status, closed_at: null });
      await caseRepository.insertEvent(trx, {
        id: crypto.randomUUID(),
        case_id: row.id,
        kind: 'reopened',
        status,
        note: body.comment ?? '举报人反馈问题未解决，重新核查',
        actor_id: null,
        actor_name: null,
        org_unit_id: null,
        data: null,
        at: new Date(now.getTime() + 1),
      });
    }
    await recordAudit(
      trx,
      { actor: null, requestId },
      {
        action: 'case.rate',
        entityType: 'problem_case',
        entityId: row.id,
        regionCode: row.region_code,
        prefectureCode: row.prefecture_code,
        before: { status: 'closed' },
        after: { status, satisfaction: body.satisfaction, fixed: body.fixed },
      },
    );
  });
  return trackCase(db, number);
}

/** The reporter adds information; a clock paused waiting on the reporter runs again. */
export async function supplementCase(
  db: Kysely<Database>,
  requestId: string,
  number: string,
  body: SupplementRequest,
): Promise<CaseTracking> {
  const { row } = await reporterOf(db, number, body.token);
  await db.transaction().execute(async (trx) => {
    const current = (await caseRepository.findCaseForUpdate(trx, row.id))!;
    if (!isOpenStatus(current.status as CaseStatus)) {
      throw conflict(`a ${current.status} case takes no more information`, [
        { field: 'body.text', message: 'the case is no longer open' },
      ]);
    }
    const now = new Date();
    await caseRepository.insertEvent(trx, {
      id: crypto.randomUUID(),
      case_id: row.id,
      kind: 'supplemented',
      status: current.status,
      note: body.text,
      actor_id: null,
      actor_name: null,
      org_unit_id: null,
      data: null,
      at: now,
    });
    let deadline = current.deadline;
    if (current.paused_at) {
      deadline = deadlineAfterPause(await workingCalendar(trx), current.deadline, current.paused_at, now);
      await caseRepository.updateCase(trx, row.id, { paused_at: null, deadline });
      await caseRepository.insertEvent(trx, {
        id: crypto.randomUUID(),
        case_id: row.id,
        kind: 'resumed',
        status: current.status,
        note: null,
        actor_id: null,
        actor_name: null,
        org_unit_id: null,
        data: JSON.stringify({ from: current.deadline.toISOString(), to: deadline.toISOString() }),
        at: new Date(now.getTime() + 1),
      });
    }
    await recordAudit(
      trx,
      { actor: null, requestId },
      {
        action: 'case.supplement',
        entityType: 'problem_case',
        entityId: row.id,
        regionCode: row.region_code,
        prefectureCode: row.prefecture_code,
        after: { resumed: current.paused_at !== null, deadline: deadline.toISOString() },
      },
    );
  });
  return trackCase(db, number);
}
