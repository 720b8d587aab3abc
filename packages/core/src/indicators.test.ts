import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  decimalYear,
  IndicatorCatalogue,
  IndicatorPeriod,
  indicatorPeriodBounds,
  indicatorPeriodOf,
  indicatorPeriodsBetween,
  indicatorPeriodType,
  periodTime,
  sourceKindOf,
} from './indicators.ts';

describe('periods', () => {
  it('parses the three period types', () => {
    expect(indicatorPeriodType('2019')).toBe('year');
    expect(indicatorPeriodType('2019Q3')).toBe('quarter');
    expect(indicatorPeriodType('2019-07')).toBe('month');
    expect(() => indicatorPeriodType('2019-Q3')).toThrow();
    expect(IndicatorPeriod.safeParse('2019-13').success).toBe(false);
    expect(IndicatorPeriod.safeParse('2019Q5').success).toBe(false);
  });

  it('knows bounds, containing periods and ranges', () => {
    expect(indicatorPeriodBounds('2019Q1')).toEqual({ start: '2019-01-01', end: '2019-03-31' });
    expect(indicatorPeriodBounds('2020-02')).toEqual({ start: '2020-02-01', end: '2020-02-29' });
    expect(indicatorPeriodBounds('2019')).toEqual({ start: '2019-01-01', end: '2019-12-31' });
    expect(indicatorPeriodOf('quarter', '2019-08-15')).toBe('2019Q3');
    expect(indicatorPeriodOf('month', '2019-08-15')).toBe('2019-08');
    expect(indicatorPeriodsBetween('2019Q3', '2020Q2')).toEqual(['2019Q3', '2019Q4', '2020Q1', '2020Q2']);
    expect(indicatorPeriodsBetween('2019-11', '2020-02')).toEqual(['2019-11', '2019-12', '2020-01', '2020-02']);
    expect(indicatorPeriodsBetween('2020', '2019')).toEqual([]);
    expect(comparePeriods('2019Q4', '2019')).toBe(0);
    expect(comparePeriods('2019-06', '2019Q3')).toBe(-1);
  });

  it('places periods on a decimal-year axis at the end of their last day', () => {
    expect(decimalYear('2020-12-31')).toBe(2021);
    expect(periodTime('2019')).toBe(2020);
    expect(periodTime('2019Q2')).toBeCloseTo(2019 + 181 / 365, 12);
  });

  it('puts form and Excel entries in one source kind', () => {
    expect(sourceKindOf('form')).toBe('entry');
    expect(sourceKindOf('excel')).toBe('entry');
    expect(sourceKindOf('cases')).toBe('cases');
  });
});

describe('IndicatorCatalogue', () => {
  const base = {
    dataSets: [
      {
        code: 'heating',
        name: '供热',
        periodType: 'quarter',
        regionLevel: 3,
        elements: [
          { code: 'heated-area', name: '集中供热面积', unit: '万平方米', aggregation: 'sum' },
          { code: 'built-area', name: '城镇建筑面积', unit: '万平方米', aggregation: 'sum' },
          { code: 'pm25', name: 'PM2.5', unit: 'μg/m³', aggregation: 'average' },
        ],
      },
    ],
    indicators: [
      {
        code: 'heating-coverage',
        name: '集中供热普及率',
        unit: '%',
        direction: 'higher_is_better',
        aggregation: 'ratio',
        numerator: 'heated-area',
        denominator: 'built-area',
        factor: 100,
      },
    ],
  };

  it('accepts a consistent catalogue', () => {
    expect(IndicatorCatalogue.safeParse(base).success).toBe(true);
  });

  it('names the field of each inconsistency', () => {
    const bad = structuredClone(base) as typeof base & { indicators: Record<string, unknown>[] };
    bad.indicators.push({
      code: 'pm25-ratio',
      name: 'x',
      unit: '%',
      direction: 'lower_is_better',
      aggregation: 'average',
      numerator: 'pm25',
      denominator: 'no-such',
    });
    bad.indicators.push({
      code: 'pm25-avg',
      name: 'x',
      unit: 'μg/m³',
      direction: 'lower_is_better',
      aggregation: 'sum',
      numerator: 'pm25',
    });
    const result = IndicatorCatalogue.safeParse(bad);
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toContain("indicators.1.denominator: no data element 'no-such'");
    expect(issues).toContain("indicators.1.aggregation: an indicator with a denominator aggregates as 'ratio'");
    expect(issues).toContain(
      "indicators.2.aggregation: aggregation must be 'average', the rule of data element 'pm25'",
    );
  });

  it("a target's combination defaults to the indicator's rule and is refused for rates and title counts", () => {
    const withPm = {
      ...structuredClone(base),
      indicators: [
        ...base.indicators,
        {
          code: 'pm25-mean',
          name: 'PM2.5',
          unit: 'μg/m³',
          direction: 'lower_is_better',
          aggregation: 'average',
          numerator: 'pm25',
        },
      ],
    };
    const ok = IndicatorCatalogue.parse({
      ...withPm,
      targets: [
        { plan: 'plan', target: 'ta', indicator: 'pm25-mean', combine: 'population_weighted_mean' },
        { plan: 'plan', target: 'tb', indicator: 'heating-coverage' },
      ],
    });
    expect(ok.targets.map((t) => t.combine)).toEqual(['population_weighted_mean', 'data_set']);
    const result = IndicatorCatalogue.safeParse({
      ...withPm,
      targets: [
        { plan: 'plan', target: 'ta', indicator: 'heating-coverage', combine: 'mean' },
        {
          plan: 'plan',
          target: 'tb',
          titles: { title: 'national_civilized', as: 'count', levels: [2] },
          combine: 'mean',
        },
      ],
    });
    const issues = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toContain(
      "targets.0.combine: indicator 'heating-coverage' is a rate, combined as the ratio of sums: use 'data_set'",
    );
    expect(issues).toContain("targets.1.combine: a title count is combined as counted: use 'data_set'");
    const unknown = IndicatorCatalogue.safeParse({
      ...withPm,
      targets: [{ plan: 'plan', target: 'tc', indicator: 'pm25-mean', combine: 'median' }],
    });
    expect(unknown.error!.issues.map((i) => i.path.join('.'))).toEqual(['targets.0.combine']);
  });
});
