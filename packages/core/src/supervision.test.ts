import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  deriveTaskStatus,
  isLateReport,
  noticeActions,
  periodBounds,
  periodOf,
  periodsBetween,
  reportingDeadline,
  statusColour,
  type StatusInput,
} from './supervision.ts';

describe('reporting periods', () => {
  it('labels a date by cadence', () => {
    expect(periodOf('monthly', '2019-07-15')).toBe('2019-07');
    expect(periodOf('quarterly', '2019-07-15')).toBe('2019-Q3');
    expect(periodOf('half_yearly', '2019-06-30')).toBe('2019-H1');
    expect(periodOf('half_yearly', '2019-07-01')).toBe('2019-H2');
    expect(periodOf('yearly', '2019-07-15')).toBe('2019');
  });

  it('knows the bounds of each kind of period, leap years included', () => {
    expect(periodBounds('2020-02')).toEqual({ start: '2020-02-01', end: '2020-02-29' });
    expect(periodBounds('2019-02')).toEqual({ start: '2019-02-01', end: '2019-02-28' });
    expect(periodBounds('2019-Q4')).toEqual({ start: '2019-10-01', end: '2019-12-31' });
    expect(periodBounds('2019-H2')).toEqual({ start: '2019-07-01', end: '2019-12-31' });
    expect(periodBounds('2019')).toEqual({ start: '2019-01-01', end: '2019-12-31' });
  });

  it('lists the periods between two dates and does date arithmetic in UTC', () => {
    expect(periodsBetween('quarterly', '2018-02-10', '2018-12-31')).toEqual([
      '2018-Q1',
      '2018-Q2',
      '2018-Q3',
      '2018-Q4',
    ]);
    expect(periodsBetween('monthly', '2018-11-30', '2019-01-01')).toEqual(['2018-11', '2018-12', '2019-01']);
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(daysBetween('2020-01-01', '2020-12-31')).toBe(365);
    expect(daysBetween('2020-03-01', '2020-02-28')).toBe(-2);
  });
});

describe('deriveTaskStatus', () => {
  const base: StatusInput = {
    today: '2019-05-20',
    start: '2019-01-01',
    deadline: '2020-12-31',
    cadence: 'monthly',
    submittedPeriods: ['2019-01', '2019-02', '2019-03', '2019-04'],
    completed: false,
  };

  it('is on track when every closed period is reported and the deadline is far', () => {
    // April closed on 04-30; its grace ended on 05-10, so it counts; May is still open.
    expect(deriveTaskStatus(base)).toMatchObject({ status: 'on_track', colour: 'green', missingPeriods: [] });
  });

  it('is behind when the latest closed period has no report, listing every gap', () => {
    const verdict = deriveTaskStatus({ ...base, submittedPeriods: ['2019-01', '2019-03'] });
    expect(verdict).toMatchObject({ status: 'behind', colour: 'yellow', missingPeriods: ['2019-02', '2019-04'] });
  });

  it('counts a period as missing only after its grace days', () => {
    const verdict = deriveTaskStatus({
      ...base,
      today: '2019-05-10',
      submittedPeriods: ['2019-01', '2019-02', '2019-03'],
    });
    expect(verdict.status).toBe('on_track');
    expect(
      deriveTaskStatus({ ...base, today: '2019-05-11', submittedPeriods: ['2019-01', '2019-02', '2019-03'] }).status,
    ).toBe('behind');
  });

  it('is due soon within 30 days of the deadline or an open milestone', () => {
    expect(deriveTaskStatus({ ...base, deadline: '2019-06-15' })).toMatchObject({ status: 'due_soon', daysLeft: 26 });
    const milestone = deriveTaskStatus({ ...base, openMilestones: [{ code: 'm', due: '2019-06-01' }] });
    expect(milestone).toMatchObject({ status: 'due_soon', nextDue: '2019-06-01', daysLeft: 12 });
  });

  it('is overdue, red, once the deadline or an open milestone has passed', () => {
    expect(deriveTaskStatus({ ...base, deadline: '2019-05-19' })).toMatchObject({
      status: 'overdue',
      colour: 'red',
      daysLeft: -1,
    });
  });

  it('shows a passed milestone as a missed milestone, not the task as overdue', () => {
    const milestone = deriveTaskStatus({ ...base, openMilestones: [{ code: 'm', due: '2018-12-31' }] });
    expect(milestone).toMatchObject({
      status: 'milestone_missed',
      colour: 'red',
      missedMilestones: [{ code: 'm', due: '2018-12-31' }],
      nextDue: '2018-12-31',
      daysLeft: -140,
    });
    // The final deadline passing still makes the task overdue, the missed milestone listed.
    const both = deriveTaskStatus({
      ...base,
      deadline: '2019-05-01',
      openMilestones: [{ code: 'm', due: '2019-03-01' }],
    });
    expect(both).toMatchObject({ status: 'overdue', nextDue: '2019-05-01', missedMilestones: [{ code: 'm' }] });
  });

  it('is behind when any closed period is missing, even if the latest was filed', () => {
    // May filed (early), January to April not: not green.
    const verdict = deriveTaskStatus({ ...base, today: '2019-06-20', submittedPeriods: ['2019-05'] });
    expect(verdict).toMatchObject({
      status: 'behind',
      colour: 'yellow',
      missingPeriods: ['2019-01', '2019-02', '2019-03', '2019-04'],
    });
  });

  it('is done when the latest report declares completion, even after the deadline', () => {
    expect(deriveTaskStatus({ ...base, deadline: '2019-01-31', completed: true })).toMatchObject({
      status: 'done',
      colour: 'green',
    });
  });

  it('does not ask for reports after the deadline', () => {
    const verdict = deriveTaskStatus({
      ...base,
      today: '2021-06-01',
      start: '2020-10-01',
      deadline: '2020-12-31',
      submittedPeriods: ['2020-10', '2020-11', '2020-12'],
      completed: true,
    });
    expect(verdict.missingPeriods).toEqual([]);
  });

  it('maps every status to one colour', () => {
    expect(
      ['done', 'on_track', 'due_soon', 'behind', 'milestone_missed', 'overdue'].map((s) => statusColour(s as never)),
    ).toEqual(['green', 'green', 'yellow', 'yellow', 'red', 'red']);
  });
});

describe('late reports', () => {
  it('are filed after the period end plus the grace days', () => {
    expect(reportingDeadline('2019-04')).toBe('2019-05-10');
    expect(reportingDeadline('2019-Q4', 5)).toBe('2020-01-05');
    expect(isLateReport('2019-04', '2019-05-10')).toBe(false);
    expect(isLateReport('2019-04', '2019-05-11')).toBe(true);
    expect(isLateReport('2019', '2020-01-10')).toBe(false);
  });
});

describe('the 办结 chain of a notice', () => {
  it('allows each action only from its states', () => {
    expect(noticeActions('issued')).toEqual(['acknowledge', 'reply', 'request_extension']);
    expect(noticeActions('replied')).toEqual(['review', 'return']);
    expect(noticeActions('reviewed')).toEqual(['approve', 'return']);
    expect(noticeActions('approved')).toEqual(['return', 'close']);
    expect(noticeActions('returned')).toEqual(['reply', 'request_extension']);
    expect(noticeActions('closed')).toEqual([]);
  });
});
