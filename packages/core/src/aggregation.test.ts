import { describe, expect, it } from 'vitest';
import { aggregateFigures, composeTargetValues, type LeafFigure, type TargetComposition } from './aggregation.ts';
import type { IndicatorAggregation } from './indicators.ts';

const leaf = (path: string, numerator: number | null, denominator: number | null, approved = true): LeafFigure => ({
  path,
  numerator,
  denominator,
  approved,
});

describe('aggregateFigures', () => {
  it('recomputes a ratio from summed numerators and denominators, never the mean of ratios', () => {
    // 900 of 1,000 (90 %) and 50 of 100 (50 %): 950 / 1,100 = 86.36 %, not (90 + 50) / 2 = 70 %.
    const a = aggregateFigures([leaf('a', 900, 1000), leaf('b', 50, 100, false)], 3, 'ratio', 100);
    expect(a.value).toBeCloseTo((950 / 1100) * 100, 9);
    expect(a).toMatchObject({ numerator: 950, denominator: 1100, reported: 2, expected: 3, unapproved: 1 });
  });

  it('counts a region for a ratio only with both figures', () => {
    const a = aggregateFigures([leaf('a', 900, 1000), leaf('b', 50, null)], 2, 'ratio', 100);
    expect(a.value).toBeCloseTo(90);
    expect(a.reported).toBe(1);
  });

  it('sums and averages', () => {
    const leaves = [leaf('a', 10, null), leaf('b', 20, null), leaf('c', null, null)];
    expect(aggregateFigures(leaves, 3, 'sum', 1)).toMatchObject({ value: 30, reported: 2, expected: 3 });
    expect(aggregateFigures(leaves, 3, 'average', 1)).toMatchObject({ value: 15, reported: 2 });
  });

  it('has no value when nothing is reported or the denominator is zero', () => {
    expect(aggregateFigures([], 4, 'ratio', 100)).toMatchObject({ value: null, reported: 0, expected: 4 });
    expect(aggregateFigures([leaf('a', 0, 0)], 1, 'ratio', 100).value).toBeNull();
  });
});

/** The indicator's own rule over every unit (what a target without a definition gets). */
const rollUp = (
  leaves: LeafFigure[],
  expected: string[],
  wanted: string[],
  aggregation: IndicatorAggregation,
  factor: number,
) => composeTargetValues(leaves, expected, wanted, { aggregation, factor, combine: 'data_set', unitRoots: null });

describe('rollUp', () => {
  const leaves = [
    leaf('23/2301/230102', 90, 100),
    leaf('23/2301/230103', 300, 400),
    leaf('23/2302/230202', 10, 100, false),
  ];
  const expected = ['23/2301/230102', '23/2301/230103', '23/2302/230202', '23/2302/230203'];

  it('aggregates every wanted region on the way up, with coverage', () => {
    const out = rollUp(leaves, expected, ['23', '23/2301', '23/2302', '23/2302/230203'], 'ratio', 100);
    expect(out.get('23/2301')).toMatchObject({ numerator: 390, denominator: 500, reported: 2, expected: 2 });
    expect(out.get('23/2301')!.value).toBeCloseTo(78);
    expect(out.get('23/2302')).toMatchObject({ value: 10, reported: 1, expected: 2, unapproved: 1 });
    // Province: 400 / 600, three of four counties reported.
    expect(out.get('23')!.value).toBeCloseTo((400 / 600) * 100, 9);
    expect(out.get('23')).toMatchObject({ reported: 3, expected: 4, unapproved: 1 });
    expect(out.get('23/2302/230203')).toMatchObject({ value: null, reported: 0, expected: 1 });
  });

  it('counts the reporters on time beside those that reported', () => {
    const late = [{ ...leaves[0]!, timely: false }, { ...leaves[1]!, timely: true }, leaves[2]!];
    const out = rollUp(late, expected, ['23', '23/2301'], 'ratio', 100);
    // 230102 late, 230103 on time, 230202 without a submission time counts as on time (a module's figure).
    expect(out.get('23/2301')).toMatchObject({ reported: 2, expected: 2, timely: 1 });
    expect(out.get('23')).toMatchObject({ reported: 3, expected: 4, timely: 2 });
  });

  it("aggregates everything under the root path ''", () => {
    const out = rollUp(leaves, expected, [''], 'ratio', 100);
    expect(out.get('')).toMatchObject({ numerator: 400, denominator: 600, reported: 3, expected: 4 });
  });

  it('averages over reporting regions for average elements', () => {
    const pm = [leaf('23/2301', 40, null), leaf('23/2302', 60, null), leaf('23/2303', 50, null)];
    const out = rollUp(pm, ['23/2301', '23/2302', '23/2303'], ['23', '23/2302'], 'average', 1);
    expect(out.get('23')!.value).toBeCloseTo(50);
    expect(out.get('23/2302')!.value).toBe(60);
  });
});

describe('composeTargetValues: which units count and how they combine (issue 16)', () => {
  // Four prefectures report PM2.5 (μg/m³); the province is '23'.
  const pm = [
    leaf('23/2301', 70, null),
    leaf('23/2302', 40, null),
    leaf('23/2303', 30, null),
    leaf('23/2304', 20, null),
  ];
  const all = ['23/2301', '23/2302', '23/2303', '23/2304'];
  const population = new Map([
    ['23/2301', 1000],
    ['23/2302', 400],
    ['23/2303', 300],
    ['23/2304', 300],
  ]);
  const compose = (
    combine: TargetComposition['combine'],
    unitRoots: string[] | null,
    aggregation: IndicatorAggregation = 'average',
    leaves: LeafFigure[] = pm,
  ) =>
    composeTargetValues(leaves, all, ['23', '23/2301', '23/2303'], {
      aggregation,
      factor: 1,
      combine,
      unitRoots,
      population,
    });

  it("data_set: the indicator's own rule over every unit", () => {
    // (70 + 40 + 30 + 20) / 4 = 40.
    expect(compose('data_set', null).get('23')).toMatchObject({ value: 40, reported: 4, expected: 4 });
  });

  it('mean over a restricted set: only the listed units count, in the value and in the coverage', () => {
    // The cities that missed the standard: 2301 and 2302 → (70 + 40) / 2 = 55, 2 of 2 expected.
    const out = compose('mean', ['23/2301', '23/2302']);
    expect(out.get('23')).toMatchObject({ value: 55, reported: 2, expected: 2 });
    // A unit outside the set has no value for the target and is not expected.
    expect(out.get('23/2303')).toMatchObject({ value: null, reported: 0, expected: 0 });
  });

  it('population-weighted mean', () => {
    // (70×1000 + 40×400 + 30×300 + 20×300) / 2000 = (70000 + 16000 + 9000 + 6000) / 2000 = 50.5.
    expect(compose('population_weighted_mean', null).get('23')).toMatchObject({ value: 50.5, reported: 4 });
  });

  it('population-weighted mean over a restricted set', () => {
    // 2301 and 2302: (70×1000 + 40×400) / 1400 = 86000 / 1400 = 61.428…
    expect(compose('population_weighted_mean', ['23/2301', '23/2302']).get('23')!.value).toBeCloseTo(86000 / 1400, 9);
  });

  it('a unit without a population figure cannot be weighted: it counts as not reported', () => {
    const out = composeTargetValues([...pm, leaf('23/2305', 100, null)], [...all, '23/2305'], ['23'], {
      aggregation: 'average',
      factor: 1,
      combine: 'population_weighted_mean',
      unitRoots: null,
      population,
    });
    expect(out.get('23')).toMatchObject({ value: 50.5, reported: 4, expected: 5 });
  });

  it('a sum indicator averaged per unit: mean = Σ / units reporting', () => {
    // Counts 70, 40, 30, 20 summed are 160; their unweighted mean is 40.
    expect(compose('data_set', null, 'sum').get('23')!.value).toBe(160);
    expect(compose('mean', null, 'sum').get('23')!.value).toBe(40);
  });

  it('rates stay ratios of sums whatever the combination, restricted to the set', () => {
    const rates = [leaf('23/2301', 900, 1000), leaf('23/2302', 50, 100), leaf('23/2303', 10, 100)];
    // 2301 and 2302 only: (900 + 50) / (1000 + 100) = 86.36 %, not the mean 70 %.
    const out = composeTargetValues(rates, all, ['23'], {
      aggregation: 'ratio',
      factor: 100,
      combine: 'mean',
      unitRoots: ['23/2301', '23/2302'],
    });
    expect(out.get('23')!.value).toBeCloseTo((950 / 1100) * 100, 9);
    expect(out.get('23')).toMatchObject({ reported: 2, expected: 2 });
  });

  it('a group of prefectures covers their counties', () => {
    const counties = [leaf('23/2301/230102', 5, null), leaf('23/2302/230202', 7, null)];
    const out = composeTargetValues(counties, ['23/2301/230102', '23/2302/230202'], ['23'], {
      aggregation: 'sum',
      factor: 1,
      combine: 'data_set',
      unitRoots: ['23/2301'],
    });
    expect(out.get('23')).toMatchObject({ value: 5, reported: 1, expected: 1 });
  });
});
