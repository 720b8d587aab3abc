import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  checkCaseAction,
  extendDeadline,
  handlingWorkingMinutes,
  isOpenStatus,
  isWithinScope,
  message,
  nextCaseStatus,
  type CaseAction,
  type CaseDetail,
  type CaseEventKind,
  type CaseStatus,
  type DomainEvent,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/problem.ts';
import type { Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { emitEvent } from '../../outbox/emit.ts';
import { workingCalendar } from './calendar.ts';
import { noteMissingYears, resumePatch, stageClock } from './clocks.ts';
import { casePolicy } from './policy.ts';
import { presentDetail } from './read.ts';
import { caseRepository, type CaseRow } from './repository.ts';
import { caseChangedEvent } from './stats-rollup.ts';

type Ctx = { actor: Actor; requestId?: string };

/**
 * Actions that move only clocks (start, extensions, pause): nothing the statistics roll-up holds
 * changes, since it counts open cases' deadlines live. Every other action emits `case.changed`.
 */
const CLOCK_ONLY: ReadonlySet<CaseAction['action']> = new Set([
  'start',
  'request_extension',
  'decide_extension',
  'pause',
  'resume',
]);

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
        { field: `${field}.${i}`, message: message('case.noUnattachedPhoto', { endpoint: 'POST /cases/photos' }) },
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
  const clock = await stageClock(trx, row.category_code);
  const { calendar } = clock;
  switch (body.action) {
    case 'accept':
      return {
        patch: { accepted_at: now, dispatch_deadline: clock.deadline('dispatch', now) },
        event: { kind: 'accepted', note: body.note || null },
      };
    case 'reject':
      return { patch: { reject_reason: body.reason }, event: { kind: 'rejected', note: body.reason } };
    case 'merge': {
      const into = await caseRepository.findCaseForUpdate(trx, body.intoCaseId);
      if (!into || !isWithinScope(actor.regionPath, into.region_path)) {
        throw invalid([{ field: 'body.intoCaseId', message: message('field.noCaseInScope') }]);
      }
      if (into.id === row.id) throw invalid([{ field: 'body.intoCaseId', message: message('field.mergeIntoItself') }]);
      if (!isOpenStatus(into.status as CaseStatus)) {
        throw invalid([
          {
            field: 'body.intoCaseId',
            message: message('field.mergeIntoOpen', {
              number: into.number,
              status: message(`caseStatus.${into.status as CaseStatus}`),
            }),
          },
        ]);
      }
      if (into.category_code !== row.category_code) {
        throw invalid([
          { field: 'body.intoCaseId', message: message('field.mergeOtherCategory', { number: into.number }) },
        ]);
      }
      return {
        patch: { merged_into_id: into.id },
        event: { kind: 'merged_into', note: body.note || into.number, data: { into: into.number } },
        after: async (t) => {
          // Reporters, photos and the earlier clock go to the survivor; cases merged here follow on.
          await caseRepository.copyReporters(t, row, into);
          await caseRepository.copyPhotos(t, row, into);
          await caseRepository.repointMerged(t, row.id, into.id);
          const earlier = row.deadline < into.deadline ? { deadline: row.deadline } : {};
          await caseRepository.updateCase(t, into.id, earlier);
          await caseRepository.insertEvent(t, {
            id: crypto.randomUUID(),
            case_id: into.id,
            prefecture_code: into.prefecture_code,
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
            message: message('field.noDispatchRule'),
          },
        ]);
      }
      const unit = await caseRepository.findOrgUnit(trx, unitId);
      if (!unit)
        throw invalid([{ field: 'body.orgUnitId', message: message('field.unknownOrganisation', { id: unitId }) }]);
      if (!isWithinScope(actor.regionPath, unit.region_path)) {
        throw invalid([{ field: 'body.orgUnitId', message: message('field.unitOutsideScope', { name: unit.name }) }]);
      }
      // The unit's limit runs from now, not from the report: a slow desk is not charged to the unit.
      const deadline = clock.deadline('handle', now);
      return {
        patch: {
          org_unit_id: unit.id,
          dispatched_at: now,
          accepted_at: row.accepted_at ?? now,
          started_at: null,
          deadline,
        },
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
          // The desk has a fresh dispatch clock for the case sent back to it.
          dispatch_deadline: clock.deadline('dispatch', now),
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
      const asked = caseRepository.pendingExtension(row)!;
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
      const patch = resumePatch(calendar, row, now);
      return {
        patch,
        event: {
          kind: 'resumed',
          note: body.note || null,
          data: { from: row.deadline.toISOString(), to: patch.deadline.toISOString() },
        },
      };
    }
    case 'handle':
      await requirePhotos(trx, body.photoIds, 'body.photoIds');
      return {
        patch: { handled_at: now, handled_by: actor.userId, verify_deadline: clock.deadline('verify', now) },
        event: { kind: 'handled', note: body.note, orgUnitId: row.org_unit_id },
        photoIds: body.photoIds,
      };
    case 'verify':
      await requirePhotos(trx, body.photoIds, 'body.photoIds');
      return body.passed
        ? {
            patch: {
              closed_at: now,
              verified_count: row.verified_count + 1,
              handling_minutes: handlingWorkingMinutes(calendar, row.reported_at, now, row.paused_minutes),
            },
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
    if (!current) throw notFound('case', id);
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
    const newDeadlines = Object.values(effect.patch).filter((v): v is Date => v instanceof Date && v > now);
    await noteMissingYears(trx, await workingCalendar(trx), current, newDeadlines);
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
      prefecture_code: current.prefecture_code,
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
      const attached = await caseRepository.attachPhotos(trx, effect.photoIds, current, eventId);
      if (attached !== effect.photoIds.length) {
        throw invalid([{ field: 'body.photoIds', message: message('case.photoUsedMeanwhile') }]);
      }
    }
    if (effect.notify) await emitEvent(trx, effect.notify);
    if (!CLOCK_ONLY.has(body.action)) await emitEvent(trx, caseChangedEvent(current));
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
