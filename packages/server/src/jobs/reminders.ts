import type { Kysely } from 'kysely';
import {
  addDays,
  daysBetween,
  deriveTaskStatus,
  periodBounds,
  periodsBetween,
  type ReportingCadence,
} from '@chuangcheng/core';
import type { Database } from '../db/schema.ts';
import { escalateOverdueNotices } from '../modules/supervision/notice-actions.ts';
import { noticeRepository } from '../modules/supervision/notice-repository.ts';
import { notificationRepository, type NewNotification } from '../modules/supervision/notification-repository.ts';

const GRACE_DAYS = 10;

export type ReminderCounts = {
  /** New notifications per subject; a second run on the same day adds none. */
  tasks: number;
  notices: number;
  actionItems: number;
  /** Notices escalated to the unit's superior by this run. */
  escalated: number;
};

/** One reminder per unit and current task: nearing the deadline, overdue, or a report missing. */
async function taskReminders(db: Kysely<Database>, asOf: string): Promise<NewNotification[]> {
  const assignments = await db
    .selectFrom('plan_task_unit as a')
    .innerJoin('plan_task as t', 't.id', 'a.task_id')
    .innerJoin('plan as p', 'p.id', 't.plan_id')
    .select([
      'a.task_id',
      'a.org_unit_id',
      't.number',
      't.title',
      'p.period_start',
      'p.period_end',
      'p.reporting_cadence',
    ])
    .where('t.retired_in_version', 'is', null)
    .execute();
  const dated = await db
    .selectFrom('plan_target')
    .select(['task_id', 'deadline as due', 'code'])
    .where('retired_in_version', 'is', null)
    .where('task_id', 'is not', null)
    .unionAll(
      db.selectFrom('plan_milestone').select(['task_id', 'due', 'code']).where('retired_in_version', 'is', null),
    )
    .execute();
  const milestones = await db
    .selectFrom('plan_milestone')
    .select(['task_id', 'code', 'due'])
    .where('retired_in_version', 'is', null)
    .execute();
  const reports = await db
    .selectFrom('progress_report')
    .select(['task_id', 'org_unit_id', 'period', 'completed', 'milestones_done', 'submitted_at'])
    .where('status', '=', 'submitted')
    .orderBy('submitted_at')
    .execute();

  const out: NewNotification[] = [];
  for (const a of assignments) {
    const cadence = a.reporting_cadence as ReportingCadence;
    const dates = dated.filter((d) => d.task_id === a.task_id).map((d) => d.due);
    const deadline = dates.length ? dates.sort()[dates.length - 1]! : a.period_end;
    const own = reports.filter((r) => r.task_id === a.task_id && r.org_unit_id === a.org_unit_id);
    const delivered = new Set(
      own.flatMap((r) => (Array.isArray(r.milestones_done) ? (r.milestones_done as string[]) : [])),
    );
    const verdict = deriveTaskStatus({
      today: asOf,
      start: a.period_start,
      deadline,
      cadence,
      submittedPeriods: own.map((r) => r.period),
      completed: own.length > 0 && own[own.length - 1]!.completed,
      openMilestones: milestones.filter((m) => m.task_id === a.task_id && !delivered.has(m.code)),
      graceDays: GRACE_DAYS,
    });
    if (verdict.status === 'done') continue;
    const base = { recipient: a.org_unit_id, kind: 'task', subjectType: 'plan_task', subjectId: a.task_id } as const;
    const link = `/tasks/${a.task_id}`;
    const daysLeft = daysBetween(asOf, deadline);
    if (verdict.status === 'overdue') {
      out.push({
        ...base,
        threshold: 'overdue',
        title: `任务${a.number}已逾期（${verdict.nextDue}）：${a.title}`,
        link,
      });
    } else if (daysLeft <= 7) {
      out.push({ ...base, threshold: 'due-7', title: `任务${a.number}距截止还有${daysLeft}天：${a.title}`, link });
    } else if (daysLeft <= 30) {
      out.push({ ...base, threshold: 'due-30', title: `任务${a.number}距截止还有${daysLeft}天：${a.title}`, link });
    }
    const closed = periodsBetween(cadence, a.period_start, deadline < asOf ? deadline : asOf).filter(
      (p) => addDays(periodBounds(p).end, GRACE_DAYS) < asOf,
    );
    const latest = closed[closed.length - 1];
    if (latest && verdict.missingPeriods.includes(latest)) {
      out.push({
        ...base,
        threshold: `missing-${latest}`,
        title: `任务${a.number}未报送${latest}进展：${a.title}`,
        link,
      });
    }
  }
  return out;
}

async function noticeReminders(db: Kysely<Database>, asOf: string): Promise<NewNotification[]> {
  const open = await noticeRepository.listOpenDueBy(db, addDays(asOf, 3));
  return open.map((n) => {
    const overdue = n.reply_due < asOf;
    return {
      recipient: n.org_unit_id,
      kind: 'notice',
      subjectType: 'supervision_notice',
      subjectId: n.id,
      threshold: overdue ? 'overdue' : 'reply-due-3',
      title: overdue ? `${n.number}反馈已逾期（${n.reply_due}）` : `${n.number}请于${n.reply_due}前反馈`,
      link: `/notices/${n.id}`,
    };
  });
}

async function actionItemReminders(db: Kysely<Database>, asOf: string): Promise<NewNotification[]> {
  const items = await db
    .selectFrom('action_item')
    .select(['id', 'title', 'owner_org_unit_id', 'due', 'meeting_id'])
    .where('status', '=', 'open')
    .where('due', '<=', addDays(asOf, 7))
    .execute();
  return items.map((i) => {
    const overdue = i.due < asOf;
    return {
      recipient: i.owner_org_unit_id,
      kind: 'action_item',
      subjectType: 'action_item',
      subjectId: i.id,
      threshold: overdue ? 'overdue' : 'due-7',
      title: overdue ? `会议议定事项已逾期（${i.due}）：${i.title}` : `会议议定事项将于${i.due}到期：${i.title}`,
      link: `/meetings/${i.meeting_id}`,
    };
  });
}

/**
 * Creates the in-app reminders due on `asOf` (YYYY-MM-DD) and escalates overdue notices.
 * Every reminder is keyed by recipient, subject and threshold and inserted with
 * `on conflict do nothing`, so any number of runs, in any number of processes, at the
 * same time or one after another, create each reminder exactly once.
 */
export async function runReminders(db: Kysely<Database>, asOf: string): Promise<ReminderCounts> {
  const tasks = await notificationRepository.insertOnce(db, await taskReminders(db, asOf));
  const notices = await notificationRepository.insertOnce(db, await noticeReminders(db, asOf));
  const escalated = await escalateOverdueNotices(db, asOf);
  const actionItems = await notificationRepository.insertOnce(db, await actionItemReminders(db, asOf));
  return { tasks, notices, actionItems, escalated };
}
