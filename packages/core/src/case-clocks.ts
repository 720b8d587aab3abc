import type { CaseStage, CaseStatus, StageLimits, TimeLimit } from './cases.ts';
import type { CaseCounts } from './case-stats.ts';
import { chinaDate, deadlineAfter, workingMinutesBetween, type WorkingCalendar } from './working-time.ts';

/**
 * Stage clocks as 数字城管 counts them (GB/T 30428, 立案、处置和结案): every stage of a case has its
 * own time limit and its own party to blame when it runs over.
 *
 * - `accept` 受理/立案: from the report until the desk accepts (立案) or rejects it.
 * - `dispatch` 派遣: from acceptance until the desk dispatches it to a unit.
 * - `handle` 处置: the unit's limit (the category's 处置时限), from dispatch, so a slow dispatcher
 *   is never charged to the unit. 按期 is judged on this deadline against the unit's handling.
 * - `verify` 核查: from the unit's handling (or the reporter's "not fixed") until an inspector
 *   verifies it.
 *
 * A late `accept` or `dispatch` stage escalates to the dispatch desk's office, a late `verify`
 * stage to the inspectors' office, a late `handle` stage to the unit's superior; each once per case.
 */

/** Defaults of data/cases/categories.yaml when it names none: 2 working hours each to accept and to dispatch, 1 working day to verify. */
export const DEFAULT_STAGE_LIMITS: StageLimits = {
  accept: { amount: 2, unit: 'hours' },
  dispatch: { amount: 2, unit: 'hours' },
  verify: { amount: 1, unit: 'days' },
};

/** The stage whose clock runs in a status; none once the case is closed, rejected or merged. */
export function stageOf(status: CaseStatus): CaseStage | null {
  switch (status) {
    case 'submitted':
      return 'accept';
    case 'accepted':
      return 'dispatch';
    case 'dispatched':
    case 'handling':
      return 'handle';
    case 'handled':
      return 'verify';
    default:
      return null;
  }
}

/** The deadline of a stage that starts at `start`: the desk and inspector stages use their own limits, the unit's stage the category's. */
export function stageDeadline(
  calendar: WorkingCalendar,
  stage: CaseStage,
  start: Date,
  limits: { stages: StageLimits; handle: TimeLimit; dayRule?: 'next_day' | 'from_report' },
): Date {
  const limit = stage === 'handle' ? limits.handle : limits.stages[stage];
  return deadlineAfter(calendar, start, limit, limits.dayRule);
}

/** What a case's stage clocks look like now. */
export type StageClocks = {
  status: CaseStatus;
  acceptDeadline: Date | null;
  dispatchDeadline: Date | null;
  /** The unit's handling deadline. */
  deadline: Date;
  verifyDeadline: Date | null;
  pausedAt: Date | null;
  escalatedStages: readonly CaseStage[];
};

/** The running stage's deadline (null when no stage runs). */
export function currentStageDeadline(c: StageClocks): Date | null {
  switch (stageOf(c.status)) {
    case 'accept':
      return c.acceptDeadline;
    case 'dispatch':
      return c.dispatchDeadline;
    case 'handle':
      return c.deadline;
    case 'verify':
      return c.verifyDeadline;
    default:
      return null;
  }
}

/** When the running stage's clock started: report, acceptance, dispatch or handling. */
export function currentStageStart(c: {
  status: CaseStatus;
  reportedAt: Date;
  acceptedAt: Date | null;
  dispatchedAt: Date | null;
  handledAt: Date | null;
}): Date | null {
  switch (stageOf(c.status)) {
    case 'accept':
      return c.reportedAt;
    case 'dispatch':
      return c.acceptedAt ?? c.reportedAt;
    case 'handle':
      return c.dispatchedAt ?? c.reportedAt;
    case 'verify':
      return c.handledAt ?? c.reportedAt;
    default:
      return null;
  }
}

/**
 * The stage to escalate now, if any: the running stage is past its deadline with its clock
 * running (a paused clock waits on the reporter, nobody is late), and it has not escalated before.
 */
export function stageToEscalate(c: StageClocks, now: Date): CaseStage | null {
  const stage = stageOf(c.status);
  const deadline = currentStageDeadline(c);
  if (!stage || !deadline || c.pausedAt) return null;
  if (c.escalatedStages.includes(stage)) return null;
  return now.getTime() > deadline.getTime() ? stage : null;
}

/** Working minutes from report to closing with the working time spent paused taken out. */
export function handlingWorkingMinutes(
  calendar: WorkingCalendar,
  reportedAt: Date,
  closedAt: Date,
  pausedWorkingMinutes: number,
): number {
  // whole minutes, as stored (`problem_case.handling_minutes` is an integer): a case closed within working
  // hours is seldom a whole number of minutes after its report
  return Math.max(0, Math.round(workingMinutesBetween(calendar, reportedAt, closedAt) - pausedWorkingMinutes));
}

/** One case as the statistics see it (the reference definition the SQL of the server follows). */
export type StatsCase = {
  reportedAt: Date;
  status: CaseStatus;
  acceptedAt: Date | null;
  /** Merged into another case (a duplicate). */
  merged: boolean;
  deadline: Date;
  pausedAt: Date | null;
  handledAt: Date | null;
  closedAt: Date | null;
  verifiedCount: number;
  reworkCount: number;
  /** Times the reporter said "not fixed" after closing. */
  reopenCount: number;
  /** Report to closing in working minutes, pauses excluded (set when closed). */
  handlingMinutes: number | null;
  ratings: readonly { satisfaction: number; at: Date }[];
};

/** The counts of a set of cases: every count the rates read (`CaseCounts`) and the totals beside them. */
export type StatsCounts = Required<CaseCounts> & { cases: number; accepted: number; open: number; overdueOpen: number };

const OPEN: readonly CaseStatus[] = ['submitted', 'accepted', 'dispatched', 'handling', 'handled'];

/**
 * The counts of the cases REPORTED from `from` to `to` (China dates, inclusive), as of `now`;
 * each definition is stated in CASE_STATS_DEFINITIONS.
 */
export function countCases(cases: readonly StatsCase[], from: string, to: string, now: Date): StatsCounts {
  const counts: StatsCounts = {
    cases: 0,
    accepted: 0,
    due: 0,
    closed: 0,
    closedOnTime: 0,
    verified: 0,
    reworked: 0,
    closedHoursSum: 0,
    closedWorkingMinutesSum: 0,
    closedTimed: 0,
    ratingSum: 0,
    ratings: 0,
    open: 0,
    overdueOpen: 0,
  };
  for (const c of cases) {
    const day = chinaDate(c.reportedAt);
    if (day < from || day > to) continue;
    const open = OPEN.includes(c.status);
    const late = open && (c.pausedAt ?? now).getTime() > c.deadline.getTime();
    const closed = c.status === 'closed';
    counts.cases++;
    if (c.acceptedAt && !c.merged) counts.accepted++;
    if (closed || late) counts.due++;
    if (closed) {
      counts.closed++;
      if (c.handledAt && c.handledAt.getTime() <= c.deadline.getTime()) counts.closedOnTime++;
      counts.closedHoursSum += (c.closedAt!.getTime() - c.reportedAt.getTime()) / 3_600_000;
      if (c.handlingMinutes !== null) {
        counts.closedWorkingMinutesSum += c.handlingMinutes;
        counts.closedTimed++;
      }
    }
    if (c.verifiedCount > 0) counts.verified++;
    if (c.reworkCount > 0 || c.reopenCount > 0) counts.reworked++;
    const latest = [...c.ratings].sort((a, b) => b.at.getTime() - a.at.getTime())[0];
    if (latest) {
      counts.ratings++;
      counts.ratingSum += latest.satisfaction;
    }
    if (open) counts.open++;
    if (late) counts.overdueOpen++;
  }
  return counts;
}

/** Each figure of the case statistics, defined exactly, with an example (for the page, the Excel export and the docs). */
export const CASE_STATS_DEFINITIONS: readonly { key: string; zh: string; en: string }[] = [
  {
    key: 'period',
    zh: '统计口径：按上报时间（reportedAt，北京时间）所在日期统计，不按录入时间。例：11月30日接到的热线12月2日才录入，计入11月。',
    en: 'Period: a case counts in the period of its report time (reportedAt, China time), not of its entry. E.g. a hotline call of 30 Nov entered on 2 Dec counts in November.',
  },
  {
    key: 'cases',
    zh: '受理数：该期间上报的全部案件。',
    en: 'Reported (受理): every case reported in the period.',
  },
  {
    key: 'accepted',
    zh: '立案数：经受理审核立案（或直接派遣）的案件，不含从未审核的待受理案件、不予立案的案件和被合并的重复案件。例：上报10件，1件待受理、1件不予立案、1件合并，立案7件。',
    en: 'Accepted (立案): cases the desk accepted (or dispatched directly); submitted cases never reviewed, rejected cases and duplicates merged away are not counted. E.g. 10 reported, 1 still submitted, 1 rejected, 1 merged: 7 accepted.',
  },
  {
    key: 'due',
    zh: '应结案数：已结案的案件，加上处置时限已过仍未结案的案件（暂停计时的按暂停时刻判断）。',
    en: "Due (应结案): closed cases plus open cases past the unit's handling deadline (a paused clock is judged at the moment it stopped).",
  },
  {
    key: 'closureRate',
    zh: '结案率 = 结案数 ÷ 应结案数。例：应结案972件，结案911件，结案率93.72%。',
    en: 'Closure rate (结案率) = closed ÷ due. E.g. 911 closed of 972 due: 93.72 %.',
  },
  {
    key: 'onTimeRate',
    zh: '按期结案率 = 按期结案数 ÷ 应结案数；按期指承办单位在处置时限（自派遣起算，含批准的延期和暂停顺延）内完成处置，不看核查结案的日期。例：单位周三处置、时限周四，核查员下周一结案，仍为按期。',
    en: 'On-time rate (按期结案率) = closed on time ÷ due; on time means the unit recorded its handling by its handling deadline (counted from dispatch, with approved extensions and pauses), whatever day the inspector closed it. E.g. handled Wednesday, due Thursday, verified next Monday: on time.',
  },
  {
    key: 'reworkRate',
    zh: '返工率 = 返工案件数 ÷ 经过核查的案件数；返工指核查未通过，或结案后举报人反馈“未解决”而重新核查。例：核查10件，2件核查未通过、1件被举报人反馈未解决，返工率30%。',
    en: 'Rework rate (返工率) = reworked cases ÷ cases verified at least once; reworked means a failed verification or a reporter\'s "not fixed" reopening. E.g. 10 verified, 2 failed, 1 reopened by its reporter: 30 %.',
  },
  {
    key: 'avgHandlingHours',
    zh: '平均办理时长（自然小时）：已结案案件从上报到结案的日历时间平均值。',
    en: 'Average handling time (calendar hours): mean time from report to closing over closed cases.',
  },
  {
    key: 'avgHandlingWorkingHours',
    zh: '平均办理时长（工作小时）：同上，只计工作时间（工作日8:30–12:00、13:30–17:30，节假日和调休按国务院通知），扣除暂停计时的时间。例：周五16:00上报、下周一10:00结案，为3个工作小时。',
    en: 'Average handling time (working hours): the same in working time only (working days 08:30–12:00 and 13:30–17:30, holidays and 调休 as the State Council notices fix them), time paused excluded. E.g. reported Friday 16:00, closed Monday 10:00: 3 working hours.',
  },
  {
    key: 'satisfaction',
    zh: '满意度：每个案件只计最近一次评价（举报人多次评价只取最后一次）的平均分（1–5）；评价数为有评价的案件数。例：一件先评2分、返工后评5分，计5分。',
    en: 'Satisfaction: mean (1–5) of the latest rating of each case (a case rated twice counts once, by its last rating); ratings = cases rated. E.g. rated 2, then 5 after rework: counts 5.',
  },
  {
    key: 'overdueOpen',
    zh: '超期未结数：处置时限已过仍未结案的案件。',
    en: "Overdue open: open cases past the unit's handling deadline.",
  },
];
