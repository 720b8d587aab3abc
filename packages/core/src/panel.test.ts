import { describe, expect, it } from 'vitest';
import { composeTargetValues, type LeafFigure, type TargetComposition } from './aggregation.ts';
import { evaluateTarget, type TargetSpec } from './forecast.ts';
import { fixedPanelSeries, type PanelPeriod } from './panel.ts';

const leaf = (path: string, numerator: number, denominator: number | null = null): LeafFigure => ({
  path,
  numerator,
  denominator,
  approved: true,
});

const average: TargetComposition = { aggregation: 'average', factor: 1, combine: 'data_set', unitRoots: null };
const ratio: TargetComposition = { aggregation: 'ratio', factor: 100, combine: 'data_set', unitRoots: null };

/** The published figure: every unit that reported in the period. */
const published = (p: PanelPeriod, region: string, composition: TargetComposition) =>
  composeTargetValues(
    p.leaves,
    p.leaves.map((l) => l.path),
    [region],
    composition,
  ).get(region)!.value;

describe('fixedPanelSeries (issue 16: progress and forecasts compare like with like)', () => {
  // Three cities; 2303 starts reporting in 2018, 2302 skips 2018.
  const periods: PanelPeriod[] = [
    { period: '2017', leaves: [leaf('23/2301', 60), leaf('23/2302', 80)] },
    { period: '2018', leaves: [leaf('23/2301', 58), leaf('23/2303', 40)] },
    { period: '2019', leaves: [leaf('23/2301', 56), leaf('23/2302', 76), leaf('23/2303', 38)] },
  ];

  it('keeps the units that reported in the first and the latest period, and interpolates their gaps', () => {
    const panel = fixedPanelSeries(periods, '23', '2017', '2019', average)!;
    expect(panel.units).toEqual(['23/2301', '23/2302']);
    expect(panel.lateStarters).toBe(1);
    expect(panel.stopped).toBe(0);
    // 2018: 2302 is interpolated halfway between 80 (end of 2017) and 76 (end of 2019) = 78.
    expect(panel.imputed).toBe(1);
    expect(panel.points).toEqual([
      { period: '2017', value: 70 }, // (60 + 80) / 2
      { period: '2018', value: 68 }, // (58 + 78) / 2
      { period: '2019', value: 66 }, // (56 + 76) / 2
    ]);
    // The published series jumps with who reported: 70, 49, 56.67.
    expect(periods.map((p) => published(p, '23', average))).toEqual([70, 49, (56 + 76 + 38) / 3]);
  });

  it('interpolates a rate by its numerator and denominator, then recomputes the ratio of sums', () => {
    const counties: PanelPeriod[] = [
      { period: '2017', leaves: [leaf('23/2301/230102', 90, 100), leaf('23/2301/230103', 40, 100)] },
      { period: '2018', leaves: [leaf('23/2301/230102', 95, 100)] },
      { period: '2019', leaves: [leaf('23/2301/230102', 100, 100), leaf('23/2301/230103', 60, 200)] },
    ];
    const panel = fixedPanelSeries(counties, '23/2301', '2017', '2019', ratio)!;
    // 230103 in 2018: numerator 50 (halfway 40 → 60), denominator 150 (halfway 100 → 200).
    expect(panel.points.map((p) => p.period)).toEqual(['2017', '2018', '2019']);
    expect(panel.points[0]!.value).toBeCloseTo(65, 9); // 130 / 200
    expect(panel.points[1]!.value).toBeCloseTo(58, 9); // (95 + 50) / (100 + 150) = 145 / 250
    expect(panel.points[2]!.value).toBeCloseTo((160 / 300) * 100, 9);
    expect(panel.imputed).toBe(1);
  });

  it('leaves out a unit that stopped reporting, so the mean does not fall only because it is gone', () => {
    // PM2.5, lower is better, down 15 % from 2015: 哈尔滨-like 70 reported in 2015 and never since.
    const pm: PanelPeriod[] = [
      { period: '2015', leaves: [leaf('23/2301', 70), leaf('23/2302', 50)] },
      { period: '2018', leaves: [leaf('23/2302', 49)] },
      { period: '2019', leaves: [leaf('23/2302', 48)] },
    ];
    const target: TargetSpec = {
      comparator: 'reduce_by_percent',
      value: 15,
      valueMax: null,
      direction: 'lower_is_better',
      deadline: '2020-12-31',
    };
    const baseline = { period: '2015', value: null, source: 'plan' as const };
    // Published: 60 in 2015, 48 in 2019: 20 % down, "achieved" only because 70 stopped reporting.
    const publishedSeries = pm.map((p) => ({ period: p.period, value: published(p, '23', average)! }));
    expect(evaluateTarget(target, publishedSeries, '2020-06-30', baseline).status).toBe('achieved');
    // On the panel (2302 alone): 50 → 48, goal 42.5: progress 2 / 7.5 = 26.7 %, not achieved.
    const panel = fixedPanelSeries(pm, '23', '2015', '2019', average)!;
    expect(panel.units).toEqual(['23/2302']);
    expect(panel.stopped).toBe(1);
    const onPanel = evaluateTarget(target, panel.points, '2020-06-30', baseline);
    expect(onPanel.goal).toBeCloseTo(42.5, 9);
    expect(onPanel.progress).toBeCloseTo((2 / 7.5) * 100, 9);
    expect(onPanel.status).not.toBe('achieved');
  });

  it('has no panel when no unit reported in both periods', () => {
    const disjoint: PanelPeriod[] = [
      { period: '2017', leaves: [leaf('23/2301', 1)] },
      { period: '2019', leaves: [leaf('23/2302', 2)] },
    ];
    expect(fixedPanelSeries(disjoint, '23', '2017', '2019', average)).toBeNull();
  });

  it('holds only the units the target counts and can weigh', () => {
    const weighted: TargetComposition = {
      aggregation: 'average',
      factor: 1,
      combine: 'population_weighted_mean',
      unitRoots: ['23/2301', '23/2302'],
      population: new Map([
        ['23/2301', 3],
        ['23/2302', 1],
        ['23/2303', 5],
      ]),
    };
    const p: PanelPeriod[] = [
      { period: '2017', leaves: [leaf('23/2301', 40), leaf('23/2302', 80), leaf('23/2303', 10), leaf('23/2304', 9)] },
      { period: '2019', leaves: [leaf('23/2301', 36), leaf('23/2302', 72), leaf('23/2303', 10), leaf('23/2304', 9)] },
    ];
    const panel = fixedPanelSeries(p, '23', '2017', '2019', weighted)!;
    // 2303 is outside the target's units, 2304 has no population: the panel is 2301 and 2302.
    expect(panel.units).toEqual(['23/2301', '23/2302']);
    // (40 × 3 + 80 × 1) / 4 = 50; (36 × 3 + 72 × 1) / 4 = 45.
    expect(panel.points).toEqual([
      { period: '2017', value: 50 },
      { period: '2019', value: 45 },
    ]);
  });
});
