import { describe, expect, it } from 'vitest';
import { forecastSegment, observedPoints, sparklineOption, valueExtent } from './chart-options.ts';
import { point } from '../indicators/test-series.ts';

describe('valueExtent', () => {
  it('pads the span by a tenth on each side', () => {
    expect(valueExtent([60, null, 80, 70])).toEqual({ min: 58, max: 82 });
  });
  it('gives a single value some room', () => {
    expect(valueExtent([50])).toEqual({ min: 45, max: 55 });
    expect(valueExtent([0])).toEqual({ min: -1, max: 1 });
    expect(valueExtent([null])).toBeNull();
  });
});

describe('observedPoints', () => {
  it('places each period at the end of its last day and leaves gaps out', () => {
    expect(observedPoints([point('2018', 60), point('2019', null), point('2020', 75)])).toEqual([
      [2019, 60],
      [2021, 75],
    ]);
  });
});

describe('forecastSegment', () => {
  it('runs from the last observation to the deadline', () => {
    // 2020-12-31 ends the year: 2021.0 on the time axis.
    expect(
      forecastSegment(
        [
          [2019, 60],
          [2020, 70],
        ],
        '2020-12-31',
        82,
      ),
    ).toEqual([
      [2020, 70],
      [2021, 82],
    ]);
  });
  it('is empty without a forecast, without observations, or at the deadline already', () => {
    expect(forecastSegment([[2020, 70]], '2020-12-31', null)).toEqual([]);
    expect(forecastSegment([], '2020-12-31', 80)).toEqual([]);
    expect(forecastSegment([[2021, 70]], '2020-12-31', 80)).toEqual([]);
  });
});

describe('sparklineOption', () => {
  it('keeps the target and the forecast inside the value axis', () => {
    const option = sparklineOption({
      series: [point('2018', 60), point('2019', 70)],
      deadline: '2020-12-31',
      targetValue: 90,
      forecast: 80,
      colour: '#faad14',
      ink: '#000',
      labels: { value: 'v', target: 't', forecast: 'f' },
      formatValue: String,
    }) as { yAxis: { min: number; max: number }; series: { data: unknown[]; markLine?: { data: unknown[] } }[] };
    expect(option.yAxis).toEqual({ type: 'value', show: false, min: 57, max: 93 });
    expect(option.series[0]!.markLine!.data).toEqual([{ yAxis: 90, name: 't' }]);
    expect(option.series[1]!.data).toEqual([
      [2020, 70],
      [2021, 80],
    ]);
  });
});
