import { z } from 'zod';
import { addWorkingDays, chinaDate, type WorkingCalendar } from './working-time.ts';

/** A card tier: reached when a unit has this many missed reporting periods, or this many overdue 督办单 replies. */
const CardTier = z.strictObject({
  /** Closed reporting periods without a report, over all the unit's tasks. */
  missedPeriods: z.int().min(1).max(1000),
  /** 督办单 whose reply is overdue. */
  overdueNotices: z.int().min(1).max(1000),
});

/**
 * A plan's lights and reporting cadence as data (issue 18, decision 0133). Every field has
 * today's value as its default, so a plan that names none behaves as before.
 */
export const SupervisionRules = z
  .strictObject({
    /** How close a deadline or milestone counts as due soon (yellow), in days. */
    dueSoonDays: z.int().min(0).max(365).default(30),
    /**
     * Days after a reporting period ends by which its report is due: 10 is 每月10日前 for monthly
     * reporting, 5 is 每月5日前. A report filed later is marked late (迟报); a period still
     * without one after it is missing.
     */
    graceDays: z.int().min(0).max(90).default(10),
    /** 黄牌: a unit's first warning tier. */
    yellowCard: CardTier.default({ missedPeriods: 1, overdueNotices: 1 }),
    /** 红牌: the serious tier; its thresholds are at least the 黄牌's. */
    redCard: CardTier.default({ missedPeriods: 3, overdueNotices: 2 }),
  })
  .refine(
    (r) =>
      r.redCard.missedPeriods >= r.yellowCard.missedPeriods && r.redCard.overdueNotices >= r.yellowCard.overdueNotices,
    { message: 'the 红牌 thresholds must be at least the 黄牌 ones', path: ['redCard'] },
  );
export type SupervisionRules = z.infer<typeof SupervisionRules>;

/** The rules of a plan from what is stored (absent fields take today's defaults). */
export function supervisionRulesOf(stored: unknown): SupervisionRules {
  return SupervisionRules.parse(stored ?? {});
}

export const Card = z.enum(['yellow', 'red']);
export type Card = z.infer<typeof Card>;

/** A unit's card under a plan's rules: 红牌 first, then 黄牌, else none. */
export function unitCard(
  rules: Pick<SupervisionRules, 'yellowCard' | 'redCard'>,
  unit: { missedPeriods: number; overdueNotices: number },
): Card | null {
  const reaches = (tier: { missedPeriods: number; overdueNotices: number }) =>
    unit.missedPeriods >= tier.missedPeriods || unit.overdueNotices >= tier.overdueNotices;
  if (reaches(rules.redCard)) return 'red';
  if (reaches(rules.yellowCard)) return 'yellow';
  return null;
}

/**
 * A 回复期限 given in working days ("5个工作日"): the `days`-th working day after the day of
 * issue (次日起算), over the holiday calendar the cases module keeps (法定节假日 and 调休).
 */
export function replyDueInWorkingDays(calendar: WorkingCalendar, issuedOn: string, days: number): string {
  return chinaDate(addWorkingDays(calendar, new Date(`${issuedOn}T12:00:00+08:00`), days));
}
