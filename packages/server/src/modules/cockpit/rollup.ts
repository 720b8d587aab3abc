import {
  indicatorPeriodBounds,
  isWithinScope,
  type IndicatorAggregation,
  type SeriesPoint,
  type TargetCombination,
} from '@chuangcheng/core';
import {
  completenessOf,
  expectedReporter,
  observationRollup,
  type DataSetRow,
  type RegionNode,
  type RollupCell,
  type RollupInput,
  type RollupUnit,
} from '../indicators/index.ts';
import type { EvaluationSource } from './evaluate.ts';

/*
 * The roll-up of a large subtree in SQL (issue 13, decision 0184): the database sums each element's
 * counted figures per (scope, group, period), a group being the lowest wanted region above a
 * reporting unit; Node adds the groups up to every wanted region and pairs numerators with
 * denominators. Core `composeTargetValues` stays the specification: where the sums cannot say
 * which units hold both figures of a ratio (some units report one without the other), or which
 * are approved or timely for both, the caller falls back to reading the figures one by one.
 */

/** A cell's sums without its place (scope, element, group, period). */
type Sums = Omit<RollupCell, 'scope' | 'element' | 'group' | 'period'>;

/** An indicator as the roll-up evaluates it, with the target's definition. */
type RollupIndicator = {
  numerator: string;
  denominator: string | null;
  aggregation: IndicatorAggregation;
  factor: number;
  unitRoots: readonly string[] | null;
  combine: TargetCombination;
};

/** What `indicatorSeries` gives, formed from the roll-up's sums, plus what the fixed panel needs. */
type RolledSeries = {
  series: Map<string, SeriesPoint[]>;
  expected: Map<string, number>;
  /** Per wanted region: the units the target could count (with a weight for a weighted mean). */
  countable: Map<string, number>;
  /** Per wanted region: each period with any figure of the indicator's elements, and their latest stamp. */
  stamps: Map<string, Map<string, string>>;
};

const scopeKey = (roots: readonly string[] | null) => (roots === null ? '' : JSON.stringify([...roots].sort()));

/** The summed figures of one data set for the wanted regions of a subtree, for many indicators. */
export class DataSetRollup {
  /** Per `scope|path|period`: units with any unapproved figure, and with any late one (read when needed). */
  private mixed: Promise<Map<string, { unapproved: number; late: number }>> | null = null;

  private constructor(
    private readonly source: EvaluationSource,
    private readonly input: RollupInput,
    private readonly containingOf: (group: string) => string[],
    private readonly sums: Map<string, Sums>,
    private readonly periods: readonly string[],
    private readonly scopes: Map<string, number>,
    private readonly expectedUnits: Map<string, number>,
    private readonly weightedUnits: Map<string, number>,
    private readonly paths: readonly string[],
  ) {}

  /** Reads the sums of `elements` for `indicators`' scopes over the reporting units under root. */
  static async load(
    source: EvaluationSource,
    set: DataSetRow,
    elements: readonly string[],
    scopes: readonly (readonly string[] | null)[],
    root: RegionNode,
    regions: readonly RegionNode[],
  ): Promise<DataSetRollup> {
    const paths = regions.map((r) => r.path);
    const wanted = new Set(paths);
    const scopeIds = new Map<string, number>([['', 0]]);
    for (const roots of scopes) if (!scopeIds.has(scopeKey(roots))) scopeIds.set(scopeKey(roots), scopeIds.size);
    const rootsById = new Map<number, readonly string[] | null>([[0, null]]);
    for (const roots of scopes) rootsById.set(scopeIds.get(scopeKey(roots))!, roots);
    const units: RollupUnit[] = [];
    const expectedUnits = new Map<string, number>();
    const weightedUnits = new Map<string, number>();
    const containing = new Map<string, string[]>();
    const containingOf = (group: string) => {
      let list = containing.get(group);
      if (!list) {
        list = wanted.has('') ? [''] : [];
        const parts = group === '' ? [] : group.split('/');
        for (let i = 1; i <= parts.length; i++) {
          const p = parts.slice(0, i).join('/');
          if (wanted.has(p)) list.push(p);
        }
        containing.set(group, list);
      }
      return list;
    };
    const under = (n: RegionNode) => root.path === '' || isWithinScope(root.path, n.path);
    for (const n of source.tree.nodes) {
      if (n.level !== set.region_level || !under(n) || !expectedReporter(source.catalogue, set, n.code)) continue;
      // The lowest wanted region on the unit's path (itself included).
      const parts = n.path.split('/');
      let group: string | null = null;
      for (let i = parts.length; i >= 1 && group === null; i--) {
        const p = parts.slice(0, i).join('/');
        if (wanted.has(p)) group = p;
      }
      if (group === null && wanted.has('')) group = '';
      if (group === null) continue;
      const weight = n.population !== null && n.population !== undefined && n.population > 0 ? n.population : null;
      for (const [id, roots] of rootsById) {
        if (roots !== null && !roots.some((r) => isWithinScope(r, n.path))) continue;
        units.push({ code: n.code, group, scope: id, weight });
        for (const p of containingOf(group)) {
          expectedUnits.set(`${id}|${p}`, (expectedUnits.get(`${id}|${p}`) ?? 0) + 1);
          if (weight !== null) weightedUnits.set(`${id}|${p}`, (weightedUnits.get(`${id}|${p}`) ?? 0) + 1);
        }
      }
    }
    const input: RollupInput = {
      dataSetCode: set.code,
      elements,
      units,
      timelyDays: completenessOf(set).timelyDays,
      kinds: await observationRollup.sourceKinds(source.db),
    };
    const cells = await observationRollup.cells(source.db, input);
    const sums = new Map<string, Sums>();
    const periods = new Set<string>();
    for (const cell of cells) {
      periods.add(cell.period);
      for (const p of containingOf(cell.group))
        addCell(sums, `${cell.scope}|${cell.element}|${p}|${cell.period}`, cell);
    }
    const sorted = [...periods].sort((a, b) =>
      indicatorPeriodBounds(a).end.localeCompare(indicatorPeriodBounds(b).end),
    );
    return new DataSetRollup(source, input, containingOf, sums, sorted, scopeIds, expectedUnits, weightedUnits, paths);
  }

  private mixedUnits(): Promise<Map<string, { unapproved: number; late: number }>> {
    this.mixed ??= observationRollup.mixedUnits(this.source.db, this.input).then((rows) => {
      const out = new Map<string, { unapproved: number; late: number }>();
      for (const r of rows) {
        for (const p of this.containingOf(r.group)) {
          const key = `${r.scope}|${p}|${r.period}`;
          const m = out.get(key) ?? { unapproved: 0, late: 0 };
          m.unapproved += r.unapproved;
          m.late += r.late;
          out.set(key, m);
        }
      }
      return out;
    });
    return this.mixed;
  }

  /** The indicator's series for every wanted region, or null when the sums cannot decide it exactly. */
  async series(indicator: RollupIndicator): Promise<RolledSeries | null> {
    const scope = this.scopes.get(scopeKey(indicator.unitRoots))!;
    const ratio = indicator.aggregation === 'ratio';
    const weighted = !ratio && indicator.combine === 'population_weighted_mean';
    const average = !ratio && !weighted && (indicator.aggregation === 'average' || indicator.combine === 'mean');
    const series = new Map<string, SeriesPoint[]>();
    const expected = new Map<string, number>();
    const countable = new Map<string, number>();
    const stamps = new Map<string, Map<string, string>>();
    for (const path of this.paths) {
      const units = this.expectedUnits.get(`${scope}|${path}`) ?? 0;
      expected.set(path, units);
      countable.set(path, weighted ? (this.weightedUnits.get(`${scope}|${path}`) ?? 0) : units);
      const points: SeriesPoint[] = [];
      const periodStamps = new Map<string, string>();
      for (const period of this.periods) {
        const num = this.sums.get(`${scope}|${indicator.numerator}|${path}|${period}`);
        const den = indicator.denominator
          ? this.sums.get(`${scope}|${indicator.denominator}|${path}|${period}`)
          : undefined;
        // Every unit in the region with a figure of either element (whatever the target counts).
        const allNum = this.sums.get(`0|${indicator.numerator}|${path}|${period}`);
        const allDen = indicator.denominator
          ? this.sums.get(`0|${indicator.denominator}|${path}|${period}`)
          : undefined;
        if (allNum || allDen) {
          const a = allNum?.stamp ?? '';
          const b = allDen?.stamp ?? '';
          periodStamps.set(period, a > b ? a : b);
        }
        if (!num) continue;
        let point: SeriesPoint;
        if (ratio) {
          if (!den) continue;
          // Exact only when every unit holds both figures; approval and timeliness then pair up
          // when one element's units are all (or none) unapproved, or all (or none) timely.
          if (num.reported !== units || den.reported !== units) return null;
          let unapproved = pairUnion(num.unapproved, den.unapproved, units);
          let timely = pairIntersection(num.timely, den.timely, units);
          if (unapproved === null || timely === null) {
            // When each element's unapproved (late) units are as many as the units with any
            // unapproved (late) figure, both are that same set.
            const mixed = (await this.mixedUnits()).get(`${scope}|${path}|${period}`) ?? { unapproved: 0, late: 0 };
            if (unapproved === null && num.unapproved === mixed.unapproved && den.unapproved === mixed.unapproved) {
              unapproved = mixed.unapproved;
            }
            const lateNum = units - num.timely;
            const lateDen = units - den.timely;
            if (timely === null && lateNum === mixed.late && lateDen === mixed.late) timely = units - mixed.late;
            if (unapproved === null || timely === null) return null;
          }
          point = {
            period,
            value: den.total > 0 ? (num.total / den.total) * indicator.factor : null,
            numerator: num.total,
            denominator: den.total,
            coverage: { reported: units, expected: units, timely },
            unapproved,
          };
        } else if (weighted) {
          if (num.weightedReported === 0) continue;
          const mean = num.weightedTotal / num.weightSum;
          point = {
            period,
            value: mean * indicator.factor,
            numerator: null,
            denominator: null,
            coverage: { reported: num.weightedReported, expected: units, timely: num.weightedTimely },
            unapproved: num.weightedUnapproved,
          };
        } else {
          const value = average ? num.total / num.reported : num.total;
          point = {
            period,
            value: value * indicator.factor,
            numerator: null,
            denominator: null,
            coverage: { reported: num.reported, expected: units, timely: num.timely },
            unapproved: num.unapproved,
          };
        }
        points.push(point);
      }
      series.set(path, points);
      stamps.set(path, periodStamps);
    }
    return { series, expected, countable, stamps };
  }
}

function addCell(sums: Map<string, Sums>, key: string, cell: RollupCell): void {
  const s = sums.get(key);
  if (!s) {
    sums.set(key, {
      total: cell.total,
      reported: cell.reported,
      unapproved: cell.unapproved,
      timely: cell.timely,
      weightedTotal: cell.weightedTotal,
      weightSum: cell.weightSum,
      weightedReported: cell.weightedReported,
      weightedUnapproved: cell.weightedUnapproved,
      weightedTimely: cell.weightedTimely,
      stamp: cell.stamp,
    });
    return;
  }
  s.total += cell.total;
  s.reported += cell.reported;
  s.unapproved += cell.unapproved;
  s.timely += cell.timely;
  s.weightedTotal += cell.weightedTotal;
  s.weightSum += cell.weightSum;
  s.weightedReported += cell.weightedReported;
  s.weightedUnapproved += cell.weightedUnapproved;
  s.weightedTimely += cell.weightedTimely;
  if (cell.stamp > s.stamp) s.stamp = cell.stamp;
}

/** Units unapproved for either figure, when the two counts decide it (else null). */
function pairUnion(a: number, b: number, units: number): number | null {
  if (a === 0) return b;
  if (b === 0) return a;
  if (a === units || b === units) return units;
  return null;
}

/** Units timely for both figures, when the two counts decide it (else null). */
function pairIntersection(a: number, b: number, units: number): number | null {
  if (a === units) return b;
  if (b === units) return a;
  if (a === 0 || b === 0) return 0;
  return null;
}
