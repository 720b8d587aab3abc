import { describe, expect, it } from 'vitest';
import type { IndicatorSeries } from '@chuangcheng/core';
import { seriesPeriods, seriesRows, toCsv } from './series-table.ts';
import { point } from './test-series.ts';

const series = {
  regions: [
    { region: { code: '23', name: '黑龙江省', level: 1 }, points: [point('2019Q2', 2), point('2019Q1', 1)] },
    { region: { code: '2301', name: '哈尔滨市', level: 2 }, points: [point('2019Q3', 3), point('2019Q1', null)] },
  ],
} as unknown as IndicatorSeries;

describe('seriesPeriods', () => {
  it('collects every period in time order', () => {
    expect(seriesPeriods(series)).toEqual(['2019Q1', '2019Q2', '2019Q3']);
  });
});

describe('seriesRows', () => {
  it('lists region by region, each in period order', () => {
    expect(seriesRows(series).map((r) => r.key)).toEqual(['23/2019Q1', '23/2019Q2', '2301/2019Q1', '2301/2019Q3']);
  });
});

describe('toCsv', () => {
  it('starts with a byte-order mark, quotes what needs quoting and leaves missing values empty', () => {
    expect(
      toCsv(
        ['地区', '值'],
        [
          ['哈尔滨市', 87.5],
          ['a, "b"', null],
        ],
      ),
    ).toBe('\uFEFF地区,值\r\n哈尔滨市,87.5\r\n"a, ""b""",\r\n');
  });
});
