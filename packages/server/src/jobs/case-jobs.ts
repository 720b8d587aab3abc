import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { recordAudit } from '../modules/audit/service.ts';
import { caseRepository } from '../modules/cases/repository.ts';
import { caseJobRepository } from '../modules/cases/job-repository.ts';
import { publishMonthlyStatistics } from '../modules/cases/publish.ts';
import { chinaDate } from '@chuangcheng/core';
import { systemActorOfRoot } from '../bootstrap.ts';

/**
 * Overdue escalation (逾期督办): a case dispatched to a unit whose deadline has passed while its
 * clock runs is reported once to the unit's superior (its parent organisation), or, for a unit
 * without one, to the creation office (文明办) of the nearest region above the case. The unit is
 * told too. Each case escalates once (escalation_level 0 → 1), in its own transaction with a
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
        const title = `案件 ${c.number} 已逾期`;
        const recipients = [
          { id: c.org_unit_id!, title: `${title}，请立即处置` },
          ...(superior ? [{ id: superior.id, title: `${title}（${unit?.name ?? ''}），请督促办理` }] : []),
        ];
        await caseJobRepository.notify(trx, c.id, recipients);
        await caseRepository.insertEvent(trx, {
          id: crypto.randomUUID(),
          case_id: c.id,
          kind: 'escalated',
          status: c.status,
          note: superior ? `逾期，已报 ${superior.name} 督办` : '逾期，已提醒承办单位',
          actor_id: null,
          actor_name: null,
          org_unit_id: superior?.id ?? null,
          data: JSON.stringify({ deadline: c.deadline.toISOString() }),
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
            before: { escalationLevel: 0 },
            after: { escalationLevel: 1, superior: superior?.id ?? null },
          },
        );
        return true;
      });
      if (done) escalated++;
    }
    if (due.length < 200) return escalated;
  }
}

const STAGE_TEXT = {
  accept: { name: '受理立案', office: '调度台（受理）', event: '超过受理立案时限' },
  dispatch: { name: '派遣', office: '调度台（派遣）', event: '超过派遣时限' },
  verify: { name: '核查', office: '核查员', event: '超过核查时限' },
} as const;

/**
 * Stage escalation of the desk and the inspectors (受理/立案, 派遣, 核查 超时督办): a case left
 * submitted past its accept deadline, accepted past its dispatch deadline, or handled past its
 * verification deadline, with its clock running, is reported once per stage to the creation
 * office (文明办, where the dispatch desk and the inspectors sit) of the nearest region above the
 * case, with a timeline row and an audit row in one transaction; concurrent runs claim each
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
          const text = STAGE_TEXT[stage];
          if (office) {
            await caseJobRepository.notify(
              trx,
              c.id,
              [{ id: office.id, title: `案件 ${c.number} ${text.event}，请${text.office}立即办理` }],
              `overdue:${stage}`,
            );
          }
          await caseRepository.insertEvent(trx, {
            id: crypto.randomUUID(),
            case_id: c.id,
            kind: 'escalated',
            status: c.status,
            note: office ? `${text.event}，已报 ${office.name} 督办` : text.event,
            actor_id: null,
            actor_name: null,
            org_unit_id: office?.id ?? null,
            data: JSON.stringify({ stage, deadline: new Date(c.due_at as Date).toISOString() }),
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
              after: { stage, office: office?.id ?? null },
            },
          );
          return true;
        });
        if (done) escalated++;
      }
      if (due.length < 200) break;
    }
  }
  return escalated;
}

/** The month (YYYY-MM, China time) before the one `now` falls in. */
function previousMonth(now: Date): string {
  const [y, m] = chinaDate(now).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The scheduled case jobs: overdue escalation, then the monthly statistics of the current and
 * the previous month written to the indicator store (so late closings still reach last month).
 */
export async function runCaseJobs(db: Kysely<Database>, now = new Date()) {
  const escalated = (await escalateOverdueCases(db, now)) + (await escalateStages(db, now));
  const actor = await systemActorOfRoot(db);
  let published = 0;
  try {
    for (const month of [previousMonth(now), chinaDate(now).slice(0, 7)]) {
      published += (await publishMonthlyStatistics(db, actor, month)).written;
    }
  } catch (error) {
    // A data set without the case-statistics catalogue: escalation still counts.
    return { escalated, published, publishError: (error as Error).message };
  }
  return { escalated, published };
}

type Log = { info: (data: object, message: string) => void; error: (data: object, message: string) => void };

/**
 * Runs the case jobs now and then every `minutes` minutes (the same interval as the reminder
 * job), never two runs at once in this process; concurrent processes are safe (each escalation is
 * claimed by one update, the statistics are upserts). Returns a stop function.
 */
export function scheduleCaseJobs(db: Kysely<Database>, minutes: number, log: Log): () => void {
  if (minutes <= 0) return () => undefined;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      log.info({ job: 'cases', ...(await runCaseJobs(db)) }, 'case jobs finished');
    } catch (error) {
      log.error({ job: 'cases', err: error }, 'case jobs failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), minutes * 60_000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
