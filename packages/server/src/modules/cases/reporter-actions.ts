import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  message,
  isOpenStatus,
  statusAfterRating,
  type CaseStatus,
  type CaseTracking,
  type RatingRequest,
  type SupplementRequest,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { AppError, conflict, notFound } from '../../http/problem.ts';
import { recordAudit } from '../audit/index.ts';
import { emitEvent } from '../../outbox/emit.ts';
import { workingCalendar } from './calendar.ts';
import { resumePatch, stageClock } from './clocks.ts';
import { hashToken } from './intake.ts';
import { trackCase } from './read.ts';
import { caseRepository } from './repository.ts';
import { caseChangedEvent } from './stats-rollup.ts';

/** What the reporter does with the tracking token: rate a closed case, or add information. */

async function reporterOf(db: Kysely<Database>, number: string, token: string) {
  const row = await caseRepository.findByNumber(db, number);
  if (!row) throw notFound('case', number);
  const reporter = await caseRepository.findReporter(db, row.id, hashToken(token));
  if (!reporter) {
    throw new AppError('FORBIDDEN', message('case.tokenNotThisCase'), [
      { field: 'body.token', message: message('case.useTrackingToken') },
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
      throw conflict(
        message('case.notYetRateable', { status: message(`caseStatus.${current.status as CaseStatus}`) }),
        [{ field: 'body.satisfaction', message: message('case.rateWhenClosed') }],
      );
    }
    if (await caseRepository.ratedSince(trx, row.id, reporter.id, current.closed_at!)) {
      throw conflict(message('case.alreadyRated'), [{ field: 'body.token', message: message('case.oneRating') }]);
    }
    const now = new Date();
    await caseRepository.insertRating(trx, {
      id: crypto.randomUUID(),
      case_id: row.id,
      prefecture_code: row.prefecture_code,
      reporter_id: reporter.id,
      satisfaction: body.satisfaction,
      fixed: body.fixed,
      comment: body.comment ?? null,
    });
    const status = statusAfterRating('closed', body.fixed);
    await caseRepository.insertEvent(trx, {
      id: crypto.randomUUID(),
      case_id: row.id,
      prefecture_code: row.prefecture_code,
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
      // Back to verification with a fresh inspector clock; counted as rework (返工率).
      const clock = await stageClock(trx, current.category_code);
      await caseRepository.updateCase(trx, row.id, {
        status,
        closed_at: null,
        handling_minutes: null,
        reopen_count: current.reopen_count + 1,
        verify_deadline: clock.deadline('verify', now),
      });
      await caseRepository.insertEvent(trx, {
        id: crypto.randomUUID(),
        case_id: row.id,
        prefecture_code: row.prefecture_code,
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
    // The latest rating (and a reopening) change the statistics.
    await emitEvent(trx, caseChangedEvent(current));
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
  return trackCase(db, number, body.token);
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
      throw conflict(
        message('case.noMoreInformation', { status: message(`caseStatus.${current.status as CaseStatus}`) }),
        [{ field: 'body.text', message: message('case.noLongerOpen') }],
      );
    }
    const now = new Date();
    await caseRepository.insertEvent(trx, {
      id: crypto.randomUUID(),
      case_id: row.id,
      prefecture_code: row.prefecture_code,
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
      const patch = resumePatch(await workingCalendar(trx), current, now);
      deadline = patch.deadline;
      await caseRepository.updateCase(trx, row.id, patch);
      await caseRepository.insertEvent(trx, {
        id: crypto.randomUUID(),
        case_id: row.id,
        prefecture_code: row.prefecture_code,
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
  return trackCase(db, number, body.token);
}
