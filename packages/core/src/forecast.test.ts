import { describe, expect, it } from 'vitest';
import {
  evaluateTarget,
  expectedAt,
  laggingSince,
  meetsGoal,
  progressPercent,
  resolveGoal,
  weightedLinearForecast,
  type TargetSpec,
} from './forecast.ts';

const heating: TargetSpec = {
  comparator: 'at_least',
  value: 87,
  valueMax: null,
  direction: 'higher_is_better',
  deadline: '2020-12-31',
};
const pm25: TargetSpec = {
  comparator: 'reduce_by_percent',
  value: 15,
  valueMax: null,
  direction: 'lower_is_better',
  deadline: '2020-12-31',
};
const yearly = (start: number, values: number[]) => values.map((value, i) => ({ period: String(start + i), value }));

describe('goals', () => {
  it('resolves percent reductions from the baseline and ranges by direction', () => {
    expect(resolveGoal(pm25, 60)).toEqual({ goal: 51, goalMax: null });
    expect(resolveGoal(pm25, null)).toBeNull();
    expect(resolveGoal({ ...heating, comparator: 'increase_by_percent', value: 10 }, 50)!.goal).toBeCloseTo(55);
    const cities: TargetSpec = { ...heating, comparator: 'count_between', value: 5, valueMax: 7 };
    expect(resolveGoal(cities, 2)).toEqual({ goal: 5, goalMax: 7 });
    expect(resolveGoal({ ...cities, direction: 'lower_is_better' }, 9)).toEqual({ goal: 7, goalMax: 7 });
  });

  it('meets by direction, with 5 % tolerance for approximately', () => {
    expect(meetsGoal(87, 87, heating)).toBe(true);
    expect(meetsGoal(86.9, 87, heating)).toBe(false);
    expect(meetsGoal(50.5, 51, pm25)).toBe(true);
    expect(meetsGoal(51.5, 51, pm25)).toBe(false);
    const about = { comparator: 'approximately', direction: 'higher_is_better' } as const;
    expect(meetsGoal(11.4, 12, about)).toBe(true);
    expect(meetsGoal(11.3, 12, about)).toBe(false);
  });
});

describe('progress', () => {
  it('is the share of the way from baseline to goal, clamped to 0-100', () => {
    expect(progressPercent(80, 50, 87, heating)).toBeCloseTo((30 / 37) * 100, 6);
    expect(progressPercent(40, 50, 87, heating)).toBe(0);
    expect(progressPercent(90, 50, 87, heating)).toBe(100);
  });

  it('is correct for lower-is-better targets', () => {
    // baseline 60, goal 51 (down 15 %), latest 54: 6 of the 9 units done.
    expect(progressPercent(54, 60, 51, pm25)).toBeCloseTo(66.6667, 3);
    expect(progressPercent(65, 60, 51, pm25)).toBe(0);
    expect(progressPercent(45, 60, 51, pm25)).toBe(100);
  });

  it('handles a baseline already beyond the goal', () => {
    expect(progressPercent(95, 90, 87, heating)).toBe(100);
    expect(progressPercent(86, 90, 87, heating)).toBe(0);
  });

  it('scores 100 for an approximately target met within its tolerance (docs: gaps of issue 16)', () => {
    // 约 12 小时 from 8, now 11.5: 11.5 ≥ 12 × 0.95 = 11.4, met → 100, not 3.5 / 4 = 87.5.
    const about = { comparator: 'approximately', direction: 'higher_is_better' } as const;
    expect(progressPercent(11.5, 8, 12, about)).toBe(100);
    expect(progressPercent(11.3, 8, 12, about)).toBeCloseTo(82.5, 9); // 3.3 / 4
  });
});

describe('expected value on the straight line', () => {
  it('interpolates between baseline and deadline and clamps outside', () => {
    expect(expectedAt(50, 2018, 90, 2021, 2019.5)).toBeCloseTo(70);
    expect(expectedAt(50, 2018, 90, 2021, 2017)).toBe(50);
    expect(expectedAt(50, 2018, 90, 2021, 2022)).toBe(90);
  });
});

describe('time-weighted linear forecast', () => {
  it('weighs recent points more (hand-computed: weights 1, 2, 3 give 55, plain least squares 53.3)', () => {
    const points = [
      { t: 1, v: 10 },
      { t: 2, v: 20 },
      { t: 3, v: 40 },
    ];
    expect(weightedLinearForecast(points, 4)).toBeCloseTo(55, 9);
  });

  it('is exact on a straight line, whatever the order of the points', () => {
    const points = [3, 1, 2, 5].map((t) => ({ t, v: 2 * t + 1 }));
    expect(weightedLinearForecast(points, 10)).toBeCloseTo(21, 9);
  });

  it('needs two points at distinct times', () => {
    expect(weightedLinearForecast([{ t: 1, v: 3 }], 2)).toBeNull();
    expect(
      weightedLinearForecast(
        [
          { t: 1, v: 3 },
          { t: 1, v: 4 },
        ],
        2,
      ),
    ).toBeNull();
  });
});

describe('evaluateTarget', () => {
  // Years end at 2017.0, 2018.0, 2019.0; the deadline 2020-12-31 ends at 2021.0.
  it('at risk: a straight trend that reaches 86 of 87 (16 of 17 of the way)', () => {
    const e = evaluateTarget(heating, yearly(2016, [70, 74, 78]), '2019-06-30', null);
    expect(e.baseline).toEqual({ period: '2016', value: 70, source: 'first_observation' });
    expect(e.latest).toEqual({ period: '2018', value: 78 });
    expect(e.progress).toBeCloseTo((8 / 17) * 100, 6);
    // 2019-06-30 ends at 2019 + 181/365; 0.62397 of the way from 2017.0 to 2021.0.
    expect(e.expectedToday).toBeCloseTo(70 + 17 * ((2019 + 181 / 365 - 2017) / 4), 6);
    expect(e.forecast).toBeCloseTo(86, 9);
    expect(e.status).toBe('at_risk');
  });

  it('off track, on track and achieved', () => {
    expect(evaluateTarget(heating, yearly(2016, [70, 71, 72]), '2019-06-30', null).status).toBe('off_track');
    expect(evaluateTarget(heating, yearly(2016, [70, 76, 82]), '2019-06-30', null).status).toBe('on_track');
    expect(evaluateTarget(heating, yearly(2016, [70, 80, 88]), '2019-06-30', null).status).toBe('achieved');
  });

  it('ignores periods that have not ended at asOf, and is off track after a missed deadline', () => {
    const series = yearly(2016, [70, 76, 82, 84]);
    expect(evaluateTarget(heating, series, '2019-06-30', null).latest!.period).toBe('2018');
    const late = evaluateTarget(heating, series, '2021-03-01', null);
    expect(late.latest!.period).toBe('2019');
    expect(late.status).toBe('off_track');
  });

  it('PM2.5 down 15 % from the 2015 value: goal 51, weighted trend 48.1 → on track', () => {
    const e = evaluateTarget(pm25, yearly(2015, [60, 58, 55, 53]), '2019-03-01', {
      period: '2015',
      value: null,
      source: 'plan',
    });
    expect(e.baseline).toEqual({ period: '2015', value: 60, source: 'plan' });
    expect(e.goal).toBeCloseTo(51);
    expect(e.progress).toBeCloseTo((7 / 9) * 100, 6);
    // weights 1..4 at t = 2016..2019: mean t 2018, mean v 55.3, slope −2.4 → 55.3 − 2.4 × 3.
    expect(e.forecast).toBeCloseTo(48.1, 9);
    expect(e.status).toBe('on_track');
  });

  it('a yearly baseline period of a quarterly series is its last quarter', () => {
    const series = [
      { period: '2017Q3', value: 70 },
      { period: '2017Q4', value: 72 },
      { period: '2018Q1', value: 74 },
    ];
    const e = evaluateTarget(heating, series, '2018-06-30', { period: '2017', value: null, source: 'link' });
    expect(e.baseline).toEqual({ period: '2017Q4', value: 72, source: 'link' });
    expect(e.progress).toBeCloseTo((2 / 15) * 100, 6);
  });

  it('leaves points before the baseline out of the trend', () => {
    const series = yearly(2015, [90, 70, 74, 78]);
    const e = evaluateTarget(heating, series, '2019-06-30', { period: '2016', value: null, source: 'link' });
    expect(e.baseline).toEqual({ period: '2016', value: 70, source: 'link' });
    expect(e.forecast).toBeCloseTo(86, 9);
  });

  it('a baseline given with its value is a forecast point too', () => {
    const e = evaluateTarget(heating, [{ period: '2018', value: 78 }], '2019-06-30', {
      period: '2016',
      value: 70,
      source: 'link',
    });
    expect(e.forecast).toBeCloseTo(86, 9); // (2017, 70) and (2019, 78) weights 1, 2: slope 4
    expect(e.status).toBe('at_risk');
  });

  it('with a single point: at risk (no movement to judge), no data without points', () => {
    const one = evaluateTarget(heating, [{ period: '2018', value: 78 }], '2019-06-30', null);
    expect(one.forecast).toBeNull();
    expect(one.status).toBe('at_risk');
    const none = evaluateTarget(heating, [], '2019-06-30', null);
    expect(none.status).toBe('no_data');
    expect(none.progress).toBeNull();
  });

  it('counts: 5-7 cities from 1 in 2017 with 3 in 2018 is on track', () => {
    const cities: TargetSpec = { ...heating, comparator: 'count_between', value: 5, valueMax: 7 };
    const e = evaluateTarget(cities, yearly(2017, [1, 3]), '2019-06-30', null);
    expect(e.forecast).toBeCloseTo(7, 9);
    expect(e.progress).toBeCloseTo(50);
    expect(e.status).toBe('on_track');
  });
});

describe('laggingSince', () => {
  it('finds the first period of the current run of lagging statuses', () => {
    const target: TargetSpec = { ...heating, deadline: '2021-12-31', value: 100 };
    const series = yearly(2015, [60, 70, 80, 82, 83, 84]);
    // Known at the end of 2018 (t = 2016..2019, weights 1..4): mean 76.8, slope 6.8 → 104 by 2022: on track.
    expect(evaluateTarget(target, series.slice(0, 4), '2019-01-01', null).forecast).toBeCloseTo(104, 9);
    expect(evaluateTarget(target, series.slice(0, 4), '2019-01-01', null).status).toBe('on_track');
    expect(evaluateTarget(target, series.slice(0, 5), '2020-01-01', null).status).toBe('at_risk');
    const status = evaluateTarget(target, series, '2021-01-01', null).status;
    expect(status).toBe('off_track');
    expect(laggingSince(target, series, '2021-01-01', null, status)).toBe('2019');
    expect(laggingSince(target, series, '2021-01-01', null, 'on_track')).toBeNull();
  });

  // Issue 16, fault 1: the status is recomputed at the end of every period, with or without a value.
  it('lags from the first period after the baseline even when that period has no value', () => {
    const target: TargetSpec = { ...heating, value: 80 };
    const baseline = { period: '2017', value: null, source: 'link' as const };
    const series = [
      { period: '2017', value: 50 },
      { period: '2019', value: 55 },
    ];
    // At asOf 2020-03-01: points (2018.0, 50) w1 and (2020.0, 55) w2 → the line through both,
    // slope 2.5 a year → 57.5 at 2021.0; r = 7.5 / 30 = 0.25 → off track.
    const now = evaluateTarget(target, series, '2020-03-01', baseline);
    expect(now.forecast).toBeCloseTo(57.5, 9);
    expect(now.status).toBe('off_track');
    // At the end of 2018 only the baseline is known: no movement, at risk. So lagging since 2018, not 2019.
    expect(evaluateTarget(target, series, '2018-12-31', baseline).status).toBe('at_risk');
    expect(laggingSince(target, series, '2020-03-01', baseline, now.status)).toBe('2018');
  });

  // Issue 16, fault 2: off track because the deadline passed without new data.
  it('gives a target that went off track at its deadline the period in which the deadline passed', () => {
    const target: TargetSpec = { ...heating, value: 80 };
    const baseline = { period: '2017', value: null, source: 'link' as const };
    const series = yearly(2017, [50, 60, 70]);
    // Known at the end of 2019 and of 2020: points (2018, 50), (2019, 60), (2020, 70) on one line,
    // slope 10 → 80 at 2021.0, the goal: on track until the deadline (2020-12-31) has passed.
    expect(evaluateTarget(target, series, '2019-12-31', baseline).forecast).toBeCloseTo(80, 9);
    expect(evaluateTarget(target, series, '2020-12-31', baseline).status).toBe('on_track');
    const now = evaluateTarget(target, series, '2021-03-01', baseline);
    expect(now.status).toBe('off_track');
    expect(laggingSince(target, series, '2021-03-01', baseline, now.status)).toBe('2021');
    // A quarterly series lags from the first quarter after the deadline.
    const quarterly = [
      { period: '2017Q4', value: 50 },
      { period: '2018Q4', value: 60 },
      { period: '2019Q4', value: 70 },
    ];
    expect(laggingSince(target, quarterly, '2021-06-30', baseline, 'off_track')).toBe('2021Q1');
  });
});

describe('baseline rule (issue 16): late reporters are not rewarded', () => {
  const baseline = { period: '2017', value: null, source: 'link' as const };

  it('gives no progress to a region without a value in the baseline period', () => {
    // First report 2018 = 80, then 86 in 2019: from its first report it would score (86 − 80) / (87 − 80) = 85.7 %.
    const late = evaluateTarget(heating, yearly(2018, [80, 86]), '2020-03-01', baseline);
    expect(late.baseline).toEqual({ period: '2018', value: 80, source: 'first_observation' });
    expect(late.progress).toBeNull();
    // The trend still gives a forecast: (2019, 80) and (2020, 86), slope 6 → 92 at 2021.0: on track.
    expect(late.forecast).toBeCloseTo(92, 9);
    expect(late.status).toBe('on_track');
    // A first report that already meets the goal is achieved, but scores no 100 %.
    const met = evaluateTarget(heating, yearly(2019, [90]), '2020-03-01', baseline);
    expect(met.status).toBe('achieved');
    expect(met.progress).toBeNull();
  });

  it('measures a region with a baseline value as before, and keeps the first observation when no baseline period is named', () => {
    const onTime = evaluateTarget(heating, yearly(2017, [73, 80, 86]), '2020-03-01', baseline);
    expect(onTime.progress).toBeCloseTo((13 / 14) * 100, 9); // (86 − 73) / (87 − 73)
    expect(evaluateTarget(heating, yearly(2018, [80, 86]), '2020-03-01', null).progress).toBeCloseTo((6 / 7) * 100, 9);
  });
});

describe('forecast range', () => {
  it('clamps the trend to the values the measure can take', () => {
    // 80, 90 in 2017, 2018 (weights 1, 2): the line rises 10 a year and reaches 110 at the end of 2020.
    const share = { ...heating, range: { min: 0, max: 100 } };
    expect(evaluateTarget(heating, yearly(2017, [80, 90]), '2019-01-01', null).forecast).toBeCloseTo(110, 6);
    const clamped = evaluateTarget(share, yearly(2017, [80, 90]), '2019-01-01', null);
    expect(clamped.forecast).toBe(100);
    expect(clamped.status).toBe('achieved');
    // A falling concentration does not go below zero.
    const falling = evaluateTarget(
      { ...pm25, range: { min: 0, max: null } },
      yearly(2015, [40, 20]),
      '2017-01-01',
      null,
    );
    expect(falling.forecast).toBe(0);
  });
});
