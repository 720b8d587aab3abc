import type { Kysely } from 'kysely';
import {
  message,
  addDays,
  daysBetween,
  periodBounds,
  periodsBetween,
  supervisionRulesOf,
  type LocalizedMessage,
  type ReportingCadence,
  type ServerMessageId,
} from '@chuangcheng/core';
import type { Database } from '../db/schema.ts';
import { planLookup } from '../modules/plans/index.ts';
import { loadAssignmentStatuses } from '../modules/reports/index.ts';
import { escalateOverdueNotices } from '../modules/supervision/index.ts';
import { noticeLookup, supervisionLookup } from '../modules/supervision/index.ts';
import { insertReminders, type NewNotification } from '../modules/supervision/index.ts';

export type ReminderCounts = {
  /** New notifications per subject; a second run on the same day adds none. */
  tasks: number;
  notices: number;
  actionItems: number;
  /** Notices escalated to the unit's superior (or told to the issuing office) by this run. */
  escalated: number;
};

const MILESTONE_NOTICE_DAYS = 7;
/** The last reminder before a task's final deadline; the earlier one follows the plan's due-soon days. */
const FINAL_NOTICE_DAYS = 7;

/**
 * A reminder is pushed only while what it reports is recent: a deadline passed, a milestone
 * missed or a period gone unreported at most this many days before the run. Older states stay on
 * the board and in the ledger; pushing them would flood every unit with years of reminders the
 * first time a server runs on an old plan (194 for the shipped 2018-2020 plan) or after a long stop.
 * The same holds for 督办单 and 会议议定事项 gone overdue or unacknowledged long ago: the board and
 * the escalation list them, a push says only what became due recently.
 */
const CATCH_UP_DAYS = 30;
const recent = (since: string, asOf: string) => daysBetween(since, asOf) <= CATCH_UP_DAYS;

/**
 * Reminders per unit and current task, from the same statuses the ledger shows on `asOf`:
 * nearing or past the final deadline; each milestone nearing (7 days) or missed; the latest
 * closed period without a report in force (a month under correction keeps its report in
 * force, so it is not reported missing); each only while recent (CATCH_UP_DAYS).
 */
async function taskReminders(db: Kysely<Database>, asOf: string): Promise<NewNotification[]> {
  const out: NewNotification[] = [];
  for (const plan of await planLookup.list(db)) {
    const cadence = plan.reporting_cadence as ReportingCadence;
    const { graceDays, dueSoonDays } = supervisionRulesOf(plan.supervision_rules);
    for (const a of await loadAssignmentStatuses(db, plan, asOf, {})) {
      if (a.status === 'done') continue;
      const base = { recipient: a.org_unit_id, kind: 'task', subjectType: 'plan_task', subjectId: a.task_id } as const;
      const link = `/tasks/${a.task_id}`;
      const daysLeft = daysBetween(asOf, a.deadline);
      if (a.status === 'overdue') {
        if (recent(a.deadline, asOf))
          out.push({
            ...base,
            threshold: 'overdue',
            title: message('notification.taskOverdue', { number: a.number, deadline: a.deadline, title: a.title }),
            link,
          });
      } else if (daysLeft <= FINAL_NOTICE_DAYS) {
        const title = message('notification.taskDueIn', { number: a.number, days: daysLeft, title: a.title });
        out.push({ ...base, threshold: `due-${FINAL_NOTICE_DAYS}`, title, link });
      } else if (daysLeft <= dueSoonDays) {
        // Keyed by the plan's own due-soon days (decision 0141): `due-30` under the default, `due-45`
        // for a plan that says 45, so a plan whose rules change is told once more under the new rule.
        const title = message('notification.taskDueIn', { number: a.number, days: daysLeft, title: a.title });
        out.push({ ...base, threshold: `due-${dueSoonDays}`, title, link });
      }
      for (const m of a.openMilestones) {
        const left = daysBetween(asOf, m.due);
        if (left < 0) {
          if (!recent(m.due, asOf)) continue;
          out.push({
            ...base,
            threshold: `milestone-${m.code}-missed`,
            title: message('notification.milestoneOverdue', {
              number: a.number,
              milestone: m.code,
              due: m.due,
              title: a.title,
            }),
            link,
          });
        } else if (left <= MILESTONE_NOTICE_DAYS) {
          out.push({
            ...base,
            threshold: `milestone-${m.code}-due-7`,
            title: message('notification.milestoneDue', {
              number: a.number,
              milestone: m.code,
              due: m.due,
              title: a.title,
            }),
            link,
          });
        }
      }
      const lastClosedEnd = a.deadline < asOf ? a.deadline : asOf;
      const closed = periodsBetween(cadence, plan.period_start, lastClosedEnd).filter(
        (p) => addDays(periodBounds(p).end, graceDays) < asOf,
      );
      const latest = closed[closed.length - 1];
      if (latest && a.missingPeriods.includes(latest) && recent(addDays(periodBounds(latest).end, graceDays), asOf)) {
        out.push({
          ...base,
          threshold: `missing-${latest}`,
          title: message('notification.reportMissing', { number: a.number, period: latest, title: a.title }),
          link,
        });
      }
    }
  }
  return out;
}

/**
 * The deadlines reminded of: each one's threshold and message while it is ahead or today (`soon`)
 * and once it has passed (`overdue`).
 */
const DEADLINES = {
  /** 签收: a day before the deadline to acknowledge a notice, and once it has passed unacknowledged. */
  acknowledge: {
    soon: ['ack-due-1', 'notification.noticeAckDue'],
    overdue: ['ack-overdue', 'notification.noticeAckOverdue'],
  },
  reply: {
    soon: ['reply-due-3', 'notification.noticeReplyDue'],
    overdue: ['overdue', 'notification.noticeReplyOverdue'],
  },
  actionItem: { soon: ['due-7', 'notification.actionItemDue'], overdue: ['overdue', 'notification.actionItemOverdue'] },
} satisfies Record<string, Record<'soon' | 'overdue', [threshold: string, message: ServerMessageId]>>;

type Subject = Pick<NewNotification, 'recipient' | 'kind' | 'subjectType' | 'subjectId' | 'link'>;

/** The reminder of `deadline` falling on `due`, as of `asOf`, with the message's parameters. */
function deadlineReminder(
  deadline: keyof typeof DEADLINES,
  due: string,
  asOf: string,
  subject: Subject,
  params: LocalizedMessage['params'],
): NewNotification {
  const [threshold, id] = DEADLINES[deadline][due < asOf ? 'overdue' : 'soon'];
  return { ...subject, threshold, title: message(id, params) };
}

const noticeSubject = (n: { id: string; org_unit_id: string }): Subject => ({
  recipient: n.org_unit_id,
  kind: 'notice',
  subjectType: 'supervision_notice',
  subjectId: n.id,
  link: `/notices/${n.id}`,
});

async function acknowledgeReminders(db: Kysely<Database>, asOf: string): Promise<NewNotification[]> {
  const unacknowledged = await noticeLookup.listUnacknowledgedDueBy(db, addDays(asOf, 1));
  return unacknowledged
    .filter((n) => recent(n.ack_due!, asOf))
    .map((n) =>
      deadlineReminder('acknowledge', n.ack_due!, asOf, noticeSubject(n), { number: n.number, due: n.ack_due ?? '' }),
    );
}

async function noticeReminders(db: Kysely<Database>, asOf: string): Promise<NewNotification[]> {
  const open = await noticeLookup.listOpenDueBy(db, addDays(asOf, 3));
  const replies = open
    .filter((n) => recent(n.reply_due, asOf))
    .map((n) => deadlineReminder('reply', n.reply_due, asOf, noticeSubject(n), { number: n.number, due: n.reply_due }));
  return [...replies, ...(await acknowledgeReminders(db, asOf))];
}

async function actionItemReminders(db: Kysely<Database>, asOf: string): Promise<NewNotification[]> {
  const items = await supervisionLookup.listOpenActionItemsDueBy(db, addDays(asOf, 7));
  return items
    .filter((i) => recent(i.due, asOf))
    .map((i) =>
      deadlineReminder(
        'actionItem',
        i.due,
        asOf,
        {
          recipient: i.owner_org_unit_id,
          kind: 'action_item',
          subjectType: 'action_item',
          subjectId: i.id,
          link: `/meetings/${i.meeting_id}`,
        },
        { due: i.due, title: i.title },
      ),
    );
}

/**
 * Creates the in-app reminders due on `asOf` (YYYY-MM-DD), each with an outbox event that texts it
 * to the unit's registered numbers (decision 0143), and escalates overdue notices.
 * Every reminder is keyed by recipient, subject and threshold and inserted with
 * `on conflict do nothing`, so any number of runs, in any number of processes, at the
 * same time or one after another, create each reminder exactly once.
 */
export async function runReminders(db: Kysely<Database>, asOf: string): Promise<ReminderCounts> {
  const tasks = await insertReminders(db, await taskReminders(db, asOf));
  const notices = await insertReminders(db, await noticeReminders(db, asOf));
  const escalated = await escalateOverdueNotices(db, asOf);
  const actionItems = await insertReminders(db, await actionItemReminders(db, asOf));
  return { tasks, notices, actionItems, escalated };
}
