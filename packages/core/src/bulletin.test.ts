import { describe, expect, it } from 'vitest';
import { BulletinPeriod, bulletinSpan, honourRoll, onTimeRate, rankUnits, type BulletinUnit } from './bulletin.ts';
import { periodsFallingDue } from './supervision.ts';

const unit = (name: string, figures: Partial<BulletinUnit> = {}): BulletinUnit => ({
  id: name,
  name,
  done: 0,
  onTrack: 1,
  lagging: 0,
  overdue: 0,
  reportsDue: 1,
  reportsOnTime: 1,
  reportsLate: 0,
  reportsMissing: 0,
  missingEver: 0,
  overdueNotices: 0,
  overdueActionItems: 0,
  ...figures,
});

describe('bulletin periods', () => {
  it('accepts a month or an ISO week and nothing else', () => {
    for (const ok of ['2019-05', '2019-12', '2019-W01', '2020-W53'])
      expect(BulletinPeriod.safeParse(ok).success).toBe(true);
    for (const bad of ['2019', '2019-13', '2019-Q2', '2019-W00', '2019-W54', '2019-5']) {
      expect(BulletinPeriod.safeParse(bad).success).toBe(false);
    }
  });

  it('spans a month, or an ISO week from Monday to Sunday', () => {
    expect(bulletinSpan('2019-05')).toEqual({
      kind: 'month',
      year: 2019,
      issue: 5,
      start: '2019-05-01',
      end: '2019-05-31',
    });
    expect(bulletinSpan('2020-02').end).toBe('2020-02-29');
    // 2019-01-04 is a Friday: week 1 starts on Monday 2018-12-31.
    expect(bulletinSpan('2019-W01')).toMatchObject({ start: '2018-12-31', end: '2019-01-06' });
    expect(bulletinSpan('2019-W21')).toMatchObject({ kind: 'week', issue: 21, start: '2019-05-20', end: '2019-05-26' });
    // 2021-01-04 is a Monday.
    expect(bulletinSpan('2021-W01').start).toBe('2021-01-04');
  });
});

describe('reports falling due in a period', () => {
  const task = { cadence: 'monthly' as const, start: '2018-01-01', deadline: '2020-12-31', graceDays: 10 };
  it('counts the reports whose deadline passed in the period, once', () => {
    // April's report is due by 05-10: it falls due in May, not in April or June.
    expect(periodsFallingDue(task, '2019-05-01', '2019-05-31')).toEqual(['2019-04']);
    expect(periodsFallingDue(task, '2019-04-01', '2019-04-30')).toEqual(['2019-03']);
    expect(periodsFallingDue(task, '2019-05-20', '2019-05-26')).toEqual([]);
    expect(periodsFallingDue(task, '2019-05-05', '2019-05-11')).toEqual(['2019-04']);
  });
  it('follows the grace days and stops at the deadline', () => {
    expect(periodsFallingDue({ ...task, graceDays: 5 }, '2019-05-01', '2019-05-05')).toEqual([]);
    expect(periodsFallingDue({ ...task, graceDays: 5 }, '2019-05-01', '2019-05-06')).toEqual(['2019-04']);
    expect(periodsFallingDue({ ...task, deadline: '2019-03-31' }, '2019-05-01', '2019-05-31')).toEqual([]);
    expect(periodsFallingDue(task, '2017-05-01', '2017-05-31')).toEqual([]);
  });
});

describe('ranking and the 红黑榜', () => {
  const exemplary = unit('省司法厅');
  const late = unit('省水利厅', { reportsOnTime: 0, reportsLate: 1 });
  const missing = unit('省民政厅', { reportsOnTime: 0, reportsMissing: 1, lagging: 1, missingEver: 3 });
  const noticeOverdue = unit('省商务厅', { overdueNotices: 1 });
  const nothingDue = unit('省科协', { reportsDue: 0, reportsOnTime: 0 });

  it('ranks by on-time rate, then missing reports, overdue tasks and notices, then name', () => {
    const ranked = rankUnits([nothingDue, missing, late, noticeOverdue, exemplary]).map((u) => u.name);
    expect(ranked).toEqual(['省司法厅', '省商务厅', '省水利厅', '省民政厅', '省科协']);
    expect(onTimeRate(late)).toBe(0);
    expect(onTimeRate(nothingDue)).toBeNull();
    // Equal figures: pinyin order (si fa < shui li).
    expect(rankUnits([unit('省水利厅'), unit('省司法厅')]).map((u) => u.name)).toEqual(['省水利厅', '省司法厅']);
  });

  it('puts on the 红榜 only units with everything on time, and says why a unit is on the 黑榜', () => {
    const { red, black } = honourRoll([missing, late, noticeOverdue, exemplary, nothingDue]);
    expect(red.map((u) => u.name)).toEqual(['省司法厅']);
    expect(black.map((b) => [b.unit.name, b.reasons])).toEqual([
      ['省商务厅', ['overdue_notice']],
      ['省水利厅', ['late']],
      ['省民政厅', ['missing']],
    ]);
    // An earlier month still missing keeps a unit off the 红榜 though this month's report was on time.
    expect(honourRoll([unit('省司法厅', { missingEver: 1, lagging: 1 })]).red).toEqual([]);
  });
});
