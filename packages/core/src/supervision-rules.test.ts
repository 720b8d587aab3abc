import { describe, expect, it } from 'vitest';
import { deriveTaskStatus } from './supervision.ts';
import { replyDueInWorkingDays, SupervisionRules, supervisionRulesOf, unitCard } from './supervision-rules.ts';
import { buildWorkingCalendar } from './working-time.ts';

describe('a plan’s lights and cadence as data', () => {
  it('defaults to today’s values, so a plan naming none behaves as before', () => {
    expect(supervisionRulesOf({})).toEqual({
      dueSoonDays: 30,
      graceDays: 10,
      yellowCard: { missedPeriods: 1, overdueNotices: 1 },
      redCard: { missedPeriods: 3, overdueNotices: 2 },
    });
    expect(supervisionRulesOf(null)).toEqual(supervisionRulesOf({}));
    expect(supervisionRulesOf({ graceDays: 5 }).graceDays).toBe(5);
  });

  it('refuses a 红牌 below the 黄牌, unknown keys and out-of-range days', () => {
    const bad = SupervisionRules.safeParse({ yellowCard: { missedPeriods: 4, overdueNotices: 1 } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['redCard']);
    expect(SupervisionRules.safeParse({ grace: 5 }).success).toBe(false);
    expect(SupervisionRules.safeParse({ graceDays: -1 }).success).toBe(false);
    expect(SupervisionRules.safeParse({ dueSoonDays: 1.5 }).success).toBe(false);
  });

  it('gives cards by the tiers: 红牌 first, then 黄牌', () => {
    const rules = supervisionRulesOf({});
    expect(unitCard(rules, { missedPeriods: 0, overdueNotices: 0 })).toBeNull();
    expect(unitCard(rules, { missedPeriods: 1, overdueNotices: 0 })).toBe('yellow');
    expect(unitCard(rules, { missedPeriods: 0, overdueNotices: 1 })).toBe('yellow');
    expect(unitCard(rules, { missedPeriods: 3, overdueNotices: 0 })).toBe('red');
    expect(unitCard(rules, { missedPeriods: 0, overdueNotices: 2 })).toBe('red');
    const strict = supervisionRulesOf({
      yellowCard: { missedPeriods: 1, overdueNotices: 1 },
      redCard: { missedPeriods: 1, overdueNotices: 1 },
    });
    expect(unitCard(strict, { missedPeriods: 1, overdueNotices: 0 })).toBe('red');
  });

  it('moves the due-soon and late thresholds of the status logic', () => {
    const task = {
      today: '2019-05-08',
      start: '2019-01-01',
      deadline: '2019-06-20',
      cadence: 'monthly' as const,
      submittedPeriods: ['2019-01', '2019-02', '2019-03'],
      completed: false,
    };
    // April's report: due by 05-10 by default, so not missing on 05-08; by 05-05 under 每月5日前.
    expect(deriveTaskStatus({ ...task, ...supervisionRulesOf({}) }).status).toBe('on_track');
    expect(deriveTaskStatus({ ...task, ...supervisionRulesOf({ graceDays: 5 }) }).missingPeriods).toEqual(['2019-04']);
    expect(deriveTaskStatus({ ...task, ...supervisionRulesOf({ graceDays: 5 }) }).status).toBe('behind');
    // 43 days to the deadline: on track by default, due soon at 60 days.
    expect(deriveTaskStatus({ ...task, ...supervisionRulesOf({ dueSoonDays: 60 }) }).status).toBe('due_soon');
  });
});

describe('a reply deadline in working days', () => {
  // 2026's National Day: 10-01 to 10-07 off, Sunday 09-20 and Saturday 10-10 worked (调休).
  const calendar = buildWorkingCalendar([
    {
      year: 2026,
      source: '国务院办公厅关于2026年部分节假日安排的通知',
      holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
      workdays: ['2026-09-20', '2026-10-10'],
    },
  ]);
  it('counts from the next day over holidays and 调休 working weekends', () => {
    // Tue 09-29 + 5: Wed 09-30, Thu 10-08, Fri 10-09, Sat 10-10 (worked), Mon 10-12.
    expect(replyDueInWorkingDays(calendar, '2026-09-29', 5)).toBe('2026-10-12');
    // A Friday + 1 is the Monday; the 调休 Sunday counts.
    expect(replyDueInWorkingDays(calendar, '2026-12-04', 1)).toBe('2026-12-07');
    expect(replyDueInWorkingDays(calendar, '2026-09-18', 1)).toBe('2026-09-20');
  });
});
