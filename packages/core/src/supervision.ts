import { z } from 'zod';
import type { ReportingCadence } from './plan.ts';

/**
 * Task status is derived, never typed in. Colours follow the three-colour convention of
 * Chinese supervision practice (三色督办): green on track, yellow near the deadline or
 * behind on reporting, red overdue.
 */
export const TaskStatus = z.enum(['done', 'on_track', 'due_soon', 'behind', 'milestone_missed', 'overdue']);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const StatusColour = z.enum(['green', 'yellow', 'red']);
export type StatusColour = z.infer<typeof StatusColour>;

export function statusColour(status: TaskStatus): StatusColour {
  if (status === 'overdue' || status === 'milestone_missed') return 'red';
  if (status === 'due_soon' || status === 'behind') return 'yellow';
  return 'green';
}

/** A reporting period label: `2019` (yearly), `2019-H1`, `2019-Q3`, `2019-07` (monthly). */
export const ReportingPeriod = z
  .string()
  .regex(/^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/, 'use 2019, 2019-H1, 2019-Q3 or 2019-07');
export type ReportingPeriod = z.infer<typeof ReportingPeriod>;

const pad = (n: number) => String(n).padStart(2, '0');

/** The period of a cadence that contains an ISO date (YYYY-MM-DD). */
export function periodOf(cadence: ReportingCadence, date: string): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  switch (cadence) {
    case 'monthly':
      return `${year}-${pad(month)}`;
    case 'quarterly':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'half_yearly':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'yearly':
      return year;
  }
}

/** First and last day of a period label. */
export function periodBounds(period: string): { start: string; end: string } {
  const year = Number(period.slice(0, 4));
  const rest = period.slice(5);
  let first = 1;
  let last = 12;
  if (rest.startsWith('Q')) {
    first = (Number(rest.slice(1)) - 1) * 3 + 1;
    last = first + 2;
  } else if (rest.startsWith('H')) {
    first = rest === 'H1' ? 1 : 7;
    last = first + 5;
  } else if (rest) {
    first = Number(rest);
    last = first;
  }
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  return { start: `${year}-${pad(first)}-01`, end: `${year}-${pad(last)}-${pad(lastDay)}` };
}

/** Adds days to an ISO date, in UTC so that no time zone moves it. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Every period of a cadence that overlaps [from, to], in order. */
export function periodsBetween(cadence: ReportingCadence, from: string, to: string): string[] {
  const periods: string[] = [];
  let cursor = from;
  while (cursor <= to) {
    const period = periodOf(cadence, cursor);
    periods.push(period);
    cursor = addDays(periodBounds(period).end, 1);
  }
  return periods;
}

export type StatusInput = {
  /** The day to judge on (YYYY-MM-DD). */
  today: string;
  /** When reporting starts: the plan's (or the assignment's) start. */
  start: string;
  /** The task's deadline: its latest target or milestone date, or the plan's end. */
  deadline: string;
  cadence: ReportingCadence;
  /** Periods for which the unit has a submitted report. */
  submittedPeriods: readonly string[];
  /** The unit's latest submitted report declares the task complete. */
  completed: boolean;
  /** Milestones not yet reported complete. */
  openMilestones?: readonly { code: string; due: string }[];
  /** How close a deadline counts as "due soon" (default 30 days). */
  dueSoonDays?: number;
  /** Days after a period ends before its report counts as missing (default 10). */
  graceDays?: number;
};

export type StatusVerdict = {
  status: TaskStatus;
  colour: StatusColour;
  /** Closed periods (end + grace before today, not after the deadline) without a submitted report. */
  missingPeriods: string[];
  /** Milestones whose date has passed without a report declaring them delivered. */
  missedMilestones: { code: string; due: string }[];
  /** The nearest open date (deadline or milestone) and the days left to it; negative when passed. */
  nextDue: string;
  daysLeft: number;
};

// A ledger derives hundreds of statuses over the same few date ranges; date arithmetic
// dominated its cost (0.17 ms a status), so the closed-period lists are remembered.
const closedCache = new Map<string, readonly string[]>();
const CLOSED_CACHE_LIMIT = 2000;

/** Periods from `start` to `end` whose reports are due by `today` (period end + grace days). */
function closedPeriods(
  cadence: ReportingCadence,
  start: string,
  end: string,
  graceDays: number,
  today: string,
): readonly string[] {
  const key = `${cadence}|${start}|${end}|${graceDays}|${today}`;
  const cached = closedCache.get(key);
  if (cached) return cached;
  const closed = periodsBetween(cadence, start, end).filter((p) => addDays(periodBounds(p).end, graceDays) < today);
  if (closedCache.size >= CLOSED_CACHE_LIMIT) closedCache.clear();
  closedCache.set(key, closed);
  return closed;
}

/**
 * The reporting periods of a task whose reports fell due between `from` and `to`: closed
 * (their deadline passed) by the end of `to` but not by the day before `from`, the same
 * closure `deriveTaskStatus` counts missing periods by. A periodic bulletin counts them.
 */
export function periodsFallingDue(
  task: { cadence: ReportingCadence; start: string; deadline: string; graceDays?: number },
  from: string,
  to: string,
): string[] {
  const graceDays = task.graceDays ?? 10;
  const closedOn = (today: string) =>
    today < task.start
      ? []
      : closedPeriods(task.cadence, task.start, task.deadline < today ? task.deadline : today, graceDays, today);
  const before = new Set(closedOn(addDays(from, -1)));
  return closedOn(to).filter((p) => !before.has(p));
}

/** The last day a period's report is on time: the period's end plus the grace days. */
export function reportingDeadline(period: string, graceDays = 10): string {
  return addDays(periodBounds(period).end, graceDays);
}

/** A report filed (on `filedOn`, YYYY-MM-DD in China) after its period's reporting deadline is late. */
export function isLateReport(period: string, filedOn: string, graceDays = 10): boolean {
  return filedOn > reportingDeadline(period, graceDays);
}

/**
 * Derives a unit's status on a task. In order: a task reported complete is done; a passed
 * final deadline makes it overdue; a passed milestone not yet delivered makes it
 * "milestone missed" (the task's own deadline may still be ahead); any closed period
 * without a report makes it behind (every missed period counts, not only the latest); a
 * deadline or milestone within `dueSoonDays` makes it due soon; otherwise it is on track.
 */
export function deriveTaskStatus(input: StatusInput): StatusVerdict {
  const dueSoonDays = input.dueSoonDays ?? 30;
  const graceDays = input.graceDays ?? 10;
  const milestones = [...(input.openMilestones ?? [])].sort((a, b) => a.due.localeCompare(b.due));
  const missedMilestones = milestones.filter((m) => m.due < input.today).map((m) => ({ code: m.code, due: m.due }));
  const openDates = [input.deadline, ...milestones.map((m) => m.due)].sort();
  const upcoming = openDates.find((d) => d >= input.today);
  const deadlinePassed = input.deadline < input.today;

  const submitted = new Set(input.submittedPeriods);
  const lastClosedEnd = deadlinePassed ? input.deadline : input.today;
  const closed = closedPeriods(input.cadence, input.start, lastClosedEnd, graceDays, input.today);
  const missingPeriods = closed.filter((p) => !submitted.has(p));

  let status: TaskStatus;
  if (input.completed) status = 'done';
  else if (deadlinePassed) status = 'overdue';
  else if (missedMilestones.length > 0) status = 'milestone_missed';
  else if (missingPeriods.length > 0) status = 'behind';
  else if (daysBetween(input.today, upcoming ?? input.deadline) <= dueSoonDays) status = 'due_soon';
  else status = 'on_track';
  // The date that matters: the passed deadline, else the earliest missed milestone, else the next open date.
  const nextDue = deadlinePassed ? input.deadline : (missedMilestones[0]?.due ?? upcoming ?? input.deadline);
  const daysLeft = daysBetween(input.today, nextDue);
  return { status, colour: statusColour(status), missingPeriods, missedMilestones, nextDue, daysLeft };
}

/**
 * A 督办单's states and the 办结 chain (issue 18): issued → (签收) acknowledged → (反馈, 申请办结)
 * replied → (审核) reviewed → (领导审批) approved → (销号) closed; 退回重办 sends a replied,
 * reviewed or approved notice back as returned, and the unit replies again.
 */
export const NoticeStatus = z.enum(['issued', 'acknowledged', 'replied', 'reviewed', 'approved', 'returned', 'closed']);
export type NoticeStatus = z.infer<typeof NoticeStatus>;

export type NoticeAction = 'acknowledge' | 'reply' | 'review' | 'approve' | 'return' | 'close' | 'request_extension';

/** The states each action starts from. */
export const noticeActionFrom: Record<NoticeAction, readonly NoticeStatus[]> = {
  acknowledge: ['issued'],
  reply: ['issued', 'acknowledged', 'returned'],
  review: ['replied'],
  approve: ['reviewed'],
  return: ['replied', 'reviewed', 'approved'],
  close: ['approved'],
  request_extension: ['issued', 'acknowledged', 'returned'],
};

/** States in which the unit still owes a reply (so the reply can be overdue). */
export const awaitingReply: readonly NoticeStatus[] = ['issued', 'acknowledged', 'returned'];

/** The actions a notice in a state allows. */
export function noticeActions(status: NoticeStatus): NoticeAction[] {
  return (Object.keys(noticeActionFrom) as NoticeAction[]).filter((a) => noticeActionFrom[a].includes(status));
}
