import { describe, expect, it } from 'vitest';
import {
  countCases,
  currentStageDeadline,
  handlingWorkingMinutes,
  stageDeadline,
  stageOf,
  stageToEscalate,
  type StageClocks,
  type StatsCase,
} from './case-clocks.ts';
import { caseRates, deadlineColour } from './case-stats.ts';
import type { StageLimits } from './cases.ts';
import { buildWorkingCalendar, deadlineAfter } from './working-time.ts';

// 2026 as the State Council's notice fixes it (国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04):
// 春节 15–23 February off, Saturdays 14 and 28 February worked; 国庆 1–7 October off, Sunday
// 20 September and Saturday 10 October worked.
const calendar = buildWorkingCalendar([
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知',
    holidays: [
      ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => `2026-02-${d}`),
      ...['1', '2', '3', '4', '5', '6', '7'].map((d) => `2026-10-0${d}`),
    ],
    workdays: ['2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10'],
  },
]);

/** An instant given in China time. */
const cst = (local: string) => new Date(`${local}+08:00`);

const stages: StageLimits = {
  accept: { amount: 2, unit: 'hours' },
  dispatch: { amount: 2, unit: 'hours' },
  verify: { amount: 1, unit: 'days' },
};
const limits = { stages, handle: { amount: 3, unit: 'days' as const } };

describe('stage clocks across the Spring Festival and its 调休 Saturdays', () => {
  it('gives each stage its own limit, the unit counted from dispatch', () => {
    // Reported Friday 13 Feb 16:00: 1.5 h that day, the last 0.5 h on the worked Saturday 14 Feb.
    expect(stageDeadline(calendar, 'accept', cst('2026-02-13T16:00:00'), limits)).toEqual(cst('2026-02-14T09:00:00'));
    // Accepted Saturday 11:00: 1 h before lunch, 1 h after 13:30.
    expect(stageDeadline(calendar, 'dispatch', cst('2026-02-14T11:00:00'), limits)).toEqual(cst('2026-02-14T14:30:00'));
    // Dispatched Saturday 17:00 with 3 working days (次日起算): 15–23 Feb are off, so the days
    // are Tue 24, Wed 25 and Thu 26 Feb; due Thursday 17:30, not three days after the report.
    expect(stageDeadline(calendar, 'handle', cst('2026-02-14T17:00:00'), limits)).toEqual(cst('2026-02-26T17:30:00'));
    // Handled Friday 27 Feb 10:00: 1 working day to verify ends on the worked Saturday 28 Feb.
    expect(stageDeadline(calendar, 'verify', cst('2026-02-27T10:00:00'), limits)).toEqual(cst('2026-02-28T17:30:00'));
  });

  it('counts a day limit from the moment when a category says from_report', () => {
    // 3 × 7.5 h = 22.5 working hours from Saturday 14 Feb 17:00: 0.5 h on the 14th, 7.5 h on the
    // 24th and 25th (15.5 h), the last 7 h on the 26th: 3.5 h before lunch, 3.5 h after → 17:00.
    expect(
      stageDeadline(calendar, 'handle', cst('2026-02-14T17:00:00'), { ...limits, dayRule: 'from_report' }),
    ).toEqual(cst('2026-02-26T17:00:00'));
    expect(deadlineAfter(calendar, cst('2026-02-14T17:00:00'), { amount: 3, unit: 'days' }, 'next_day')).toEqual(
      cst('2026-02-26T17:30:00'),
    );
  });

  it('verifies across 国庆: handled the day before, due the first working day after the week off', () => {
    expect(stageDeadline(calendar, 'verify', cst('2026-09-30T10:00:00'), limits)).toEqual(cst('2026-10-08T17:30:00'));
    // The worked Sunday 20 September counts: handled Saturday 19th, verified by Sunday 17:30.
    expect(stageDeadline(calendar, 'verify', cst('2026-09-19T10:00:00'), limits)).toEqual(cst('2026-09-20T17:30:00'));
  });
});

describe('escalation once per stage', () => {
  const base: StageClocks = {
    status: 'submitted',
    acceptDeadline: cst('2026-03-02T10:30:00'),
    dispatchDeadline: null,
    deadline: cst('2026-03-05T17:30:00'),
    verifyDeadline: null,
    pausedAt: null,
    escalatedStages: [],
  };
  const late = cst('2026-03-02T11:00:00');

  it('names the running stage once it is past its own deadline', () => {
    expect(stageOf('submitted')).toBe('accept');
    expect(stageToEscalate(base, cst('2026-03-02T10:00:00'))).toBeNull();
    expect(stageToEscalate(base, late)).toBe('accept');
    const accepted = { ...base, status: 'accepted' as const, dispatchDeadline: cst('2026-03-02T14:00:00') };
    expect(stageToEscalate(accepted, late)).toBeNull();
    expect(stageToEscalate(accepted, cst('2026-03-02T14:01:00'))).toBe('dispatch');
    const handled = { ...base, status: 'handled' as const, verifyDeadline: cst('2026-03-03T17:30:00') };
    expect(currentStageDeadline(handled)).toEqual(cst('2026-03-03T17:30:00'));
    expect(stageToEscalate(handled, cst('2026-03-03T17:31:00'))).toBe('verify');
    expect(stageToEscalate({ ...base, status: 'handling' }, cst('2026-03-06T08:00:00'))).toBe('handle');
  });

  it('never twice for a stage, never on a paused clock, never for a finished case', () => {
    expect(stageToEscalate({ ...base, escalatedStages: ['accept'] }, late)).toBeNull();
    expect(stageToEscalate({ ...base, pausedAt: cst('2026-03-02T09:00:00') }, late)).toBeNull();
    expect(stageToEscalate({ ...base, status: 'closed' }, late)).toBeNull();
  });
});

describe('the yellow "due soon" warning in working time', () => {
  // 4 working hours dispatched Friday 6 March 14:00: 3.5 h on Friday, 0.5 h on Monday → 09:00.
  const start = cst('2026-03-06T14:00:00');
  const deadline = deadlineAfter(calendar, start, { amount: 4, unit: 'hours' });

  it('is yellow on the Sunday before a Monday 09:00 deadline: 30 working minutes of 240 left', () => {
    expect(deadline).toEqual(cst('2026-03-09T09:00:00'));
    // 21 calendar hours of 67 are left (more than a quarter): calendar time said green.
    expect(deadlineColour(calendar, cst('2026-03-08T12:00:00'), start, deadline)).toBe('yellow');
  });

  it('is green with 1.5 working hours left on Friday afternoon, red one minute after the deadline', () => {
    expect(deadlineColour(calendar, cst('2026-03-06T16:00:00'), start, deadline)).toBe('green');
    expect(deadlineColour(calendar, cst('2026-03-09T09:01:00'), start, deadline)).toBe('red');
  });
});

describe('handling time in working time', () => {
  it('counts Friday 16:00 to Monday 10:00 as 3 working hours, less the time paused', () => {
    expect(handlingWorkingMinutes(calendar, cst('2026-03-06T16:00:00'), cst('2026-03-09T10:00:00'), 0)).toBe(180);
    expect(handlingWorkingMinutes(calendar, cst('2026-03-06T16:00:00'), cst('2026-03-09T10:00:00'), 60)).toBe(120);
  });

  it('counts whole minutes, as stored, when a case closes seconds into working time', () => {
    const reported = new Date(cst('2026-03-09T10:00:00').getTime() + 526);
    expect(handlingWorkingMinutes(calendar, reported, cst('2026-03-09T10:00:01'), 0)).toBe(0);
    expect(handlingWorkingMinutes(calendar, reported, cst('2026-03-09T10:10:40'), 0)).toBe(11);
  });
});

describe('statistics definitions', () => {
  const now = cst('2026-12-06T12:00:00');
  const closed = (over: Partial<StatsCase> = {}): StatsCase => ({
    reportedAt: cst('2026-10-12T09:00:00'),
    status: 'closed',
    acceptedAt: cst('2026-10-12T10:00:00'),
    merged: false,
    deadline: cst('2026-10-14T17:30:00'),
    pausedAt: null,
    handledAt: cst('2026-10-14T11:00:00'),
    closedAt: cst('2026-10-15T10:00:00'),
    verifiedCount: 1,
    reworkCount: 0,
    reopenCount: 0,
    handlingMinutes: 1410,
    ratings: [],
    ...over,
  });

  it('counts a case in the month it was reported, not the month it was entered', () => {
    // Reported 30 October, entered (created) on 30 November: October has it, November does not.
    const late = closed({ reportedAt: cst('2026-10-30T16:00:00') });
    expect(countCases([late], '2026-10-01', '2026-10-31', now).cases).toBe(1);
    expect(countCases([late], '2026-11-01', '2026-11-30', now).cases).toBe(0);
  });

  it('counts as accepted (立案) only cases the desk accepted and did not merge away', () => {
    const counts = countCases(
      [
        closed(),
        closed({ status: 'submitted', acceptedAt: null, handledAt: null, closedAt: null }),
        closed({ status: 'rejected', acceptedAt: null, handledAt: null, closedAt: null }),
        closed({ status: 'duplicate', merged: true, handledAt: null, closedAt: null }),
      ],
      '2026-10-01',
      '2026-10-31',
      now,
    );
    expect(counts).toMatchObject({ cases: 4, accepted: 1, closed: 1 });
  });

  it("judges 按期 on the unit's handling, not on the inspector's closing date", () => {
    // Handled Wednesday 11:00, due Wednesday 17:30, verified Thursday: on time.
    const onTime = countCases([closed()], '2026-10-01', '2026-10-31', now);
    expect(onTime).toMatchObject({ due: 1, closed: 1, closedOnTime: 1 });
    const lateHandling = countCases(
      [closed({ handledAt: cst('2026-10-15T09:00:00') })],
      '2026-10-01',
      '2026-10-31',
      now,
    );
    expect(lateHandling.closedOnTime).toBe(0);
  });

  it('counts a reporter\'s "not fixed" reopening as rework', () => {
    const reopened = closed({ verifiedCount: 2, reopenCount: 1 });
    const counts = countCases([reopened, closed()], '2026-10-01', '2026-10-31', now);
    expect(counts).toMatchObject({ verified: 2, reworked: 1 });
    expect(caseRates({ ...counts }).reworkRate).toBe(0.5);
  });

  it('counts one rating per case, the latest', () => {
    const ratedTwice = closed({
      ratings: [
        { satisfaction: 2, at: cst('2026-10-16T09:00:00') },
        { satisfaction: 5, at: cst('2026-10-20T09:00:00') },
      ],
    });
    const ratedOnce = closed({ ratings: [{ satisfaction: 4, at: cst('2026-10-16T09:00:00') }] });
    const counts = countCases([ratedTwice, ratedOnce], '2026-10-01', '2026-10-31', now);
    expect(counts).toMatchObject({ ratings: 2, ratingSum: 9 });
    expect(caseRates(counts).satisfaction).toBe(4.5);
  });

  it('reports handling time in calendar hours and in working hours without pauses', () => {
    // Monday 12 Oct 09:00 → Thursday 15 Oct 10:00 is 73 calendar hours and 7 + 7.5 + 7.5 + 1.5
    // = 23.5 working hours.
    const minutes = handlingWorkingMinutes(calendar, cst('2026-10-12T09:00:00'), cst('2026-10-15T10:00:00'), 0);
    expect(minutes).toBe(1410);
    const counts = countCases([closed({ handlingMinutes: minutes })], '2026-10-01', '2026-10-31', now);
    expect(caseRates(counts)).toMatchObject({ avgHandlingHours: 73, avgHandlingWorkingHours: 23.5 });
  });
});
