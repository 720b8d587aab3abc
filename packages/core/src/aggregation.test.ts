import { describe, expect, it } from 'vitest';
import { aggregateFigures, rollUp, type LeafFigure } from './aggregation.ts';

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
