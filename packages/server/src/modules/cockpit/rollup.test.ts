import crypto from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '@chuangcheng/core';
import { fileTestContext } from '../../test/harness.ts';
import { loadCatalogue } from '../indicators/catalogue.ts';
import { loadRegionTree } from '../indicators/region-tree.ts';
import type { RegionNode, RegionTree } from '../indicators/index.ts';
import { EvaluationSource, evaluateTargets, indicatorSeries } from './evaluate.ts';
import { DataSetRollup } from './rollup.ts';

// Issue 13: the SQL roll-up (sums per group, scope, element and period in the database) must form
// exactly what core composeTargetValues forms from the figures read one by one (the in-memory
// path, the specification), on generated data: random figures and source kinds, entries in every
// approval state, late and timely figures, missing values, scoped and weighted targets. Values are
// whole numbers, so that sums are exact in any order.

const SET = 'rt-quarterly';
const PLAN = 'rt-plan';
const PERIODS = ['2019Q1', '2019Q2', '2019Q3', '2019Q4', '2020Q1', '2020Q2'];
const AS_OF = '2020-09-15';
const NUMERATORS = ['rt-n1', 'rt-n2'];
const DENOMINATORS = ['rt-d1', 'rt-d2'];
const AVERAGED = 'rt-a';
const STATUSES = ['draft', 'submitted', 'approved_city', 'approved_province', 'returned'] as const;

/** Indicators: two ratios, a sum and an average; targets over them with scopes and combinations. */
const INDICATORS = [
  { code: 'rt-r11', num: 'rt-n1', den: 'rt-d1', aggregation: 'ratio', factor: 100 },
  { code: 'rt-r22', num: 'rt-n2', den: 'rt-d2', aggregation: 'ratio', factor: 100 },
  { code: 'rt-s1', num: 'rt-n1', den: null, aggregation: 'sum', factor: 1 },
  { code: 'rt-av', num: AVERAGED, den: null, aggregation: 'average', factor: 1 },
] as const;
const TARGETS = [
  { code: 'rt-t1', indicator: 'rt-r11', scope: { kind: 'province' }, combine: 'data_set' },
  { code: 'rt-t2', indicator: 'rt-r22', scope: { kind: 'regions', regionCodes: ['2301'] }, combine: 'data_set' },
  { code: 'rt-t3', indicator: 'rt-s1', scope: { kind: 'province' }, combine: 'mean' },
  { code: 'rt-t4', indicator: 'rt-av', scope: { kind: 'province' }, combine: 'data_set' },
  { code: 'rt-t5', indicator: 'rt-s1', scope: { kind: 'province' }, combine: 'population_weighted_mean' },
  { code: 'rt-t6', indicator: 'rt-s1', scope: { kind: 'province' }, combine: 'data_set' },
] as const;

const ctx = fileTestContext();
let tree: RegionTree;

beforeAll(async () => {
  const db = ctx.db;
  await sql`insert into indicator_data_set (code, name, period_type, region_level, source, position)
            values (${SET}, '汇总测试季报', 'quarter', 3, 'entry', 900)`.execute(db);
  const elements = [...NUMERATORS, ...DENOMINATORS, AVERAGED];
  for (const [i, code] of elements.entries()) {
    await sql`insert into indicator_data_element (code, data_set_code, name, unit, aggregation, is_integer, required, position)
              values (${code}, ${SET}, ${code}, '个', ${code === AVERAGED ? 'average' : 'sum'}, true, false, ${i})`.execute(
      db,
    );
  }
  for (const [i, ind] of INDICATORS.entries()) {
    await sql`insert into indicator (code, name, unit, direction, aggregation, numerator_code, denominator_code, factor, position)
              values (${ind.code}, ${ind.code}, ${ind.factor === 100 ? '%' : '个'}, 'higher_is_better', ${ind.aggregation},
                      ${ind.num}, ${ind.den}, ${ind.factor}, ${900 + i})`.execute(db);
  }
  await sql`insert into plan (id, code, name, issuing_region_code, period_start, period_end, reporting_cadence, current_version)
            values (gen_random_uuid(), ${PLAN}, '汇总测试计划', '23', '2019-01-01', '2021-12-31', 'quarterly', 1)`.execute(
    db,
  );
  for (const [i, t] of TARGETS.entries()) {
    const id = crypto.randomUUID();
    await sql`insert into plan_target (id, plan_id, code, title, comparator, value, unit, deadline, direction, scope, source_text, position)
              select ${id}, p.id, ${t.code}, ${t.code}, 'at_least', ${40 + i * 5}, '%', '2021-12-31', 'higher_is_better',
                     ${JSON.stringify(t.scope)}::jsonb, 'rollup test', ${i}
              from plan p where p.code = ${PLAN}`.execute(db);
    await sql`insert into indicator_target_link (target_id, indicator_code, baseline_period, combine)
              values (${id}, ${t.indicator}, '2019Q2', ${t.combine})`.execute(db);
  }
  const loaded = await loadRegionTree(db);
  // Populations for the counties (some without one), for the population-weighted mean.
  const nodes = loaded.nodes.map((n, i) =>
    n.level === 3 ? { ...n, population: i % 5 === 0 ? null : 1000 + i * 37 } : n,
  );
  tree = { ...loaded, nodes, byCode: new Map(nodes.map((n) => [n.code, n])) };
});

type Mode = 'complete' | 'complete-mixed-approval' | 'sparse';

const periodEnd = (period: string) => {
  const year = Number(period.slice(0, 4));
  const q = Number(period.slice(5));
  return new Date(Date.UTC(year, q * 3, 0));
};
const daysAfter = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000 + 3_600_000 * 5);

/** Replaces the test data set's figures, entries and entry events with generated ones. */
async function generate(seed: number, mode: Mode, counties: readonly RegionNode[]): Promise<void> {
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const db = ctx.db;
  await sql`delete from observation where data_set_code = ${SET}`.execute(db);
  await sql`delete from data_entry_event where data_set_code = ${SET}`.execute(db);
  await sql`delete from data_entry where data_set_code = ${SET}`.execute(db);
  const observations: Record<string, unknown>[] = [];
  const entries: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  const elements = [...NUMERATORS, ...DENOMINATORS, AVERAGED];
  const uniformStatus = pick(['approved_province', 'submitted'] as const);
  for (const county of counties) {
    const prefecture = county.code.slice(0, 4);
    for (const period of PERIODS) {
      const end = periodEnd(period);
      const status = mode === 'complete' ? uniformStatus : pick(STATUSES);
      const submitted = daysAfter(end, Math.floor(next() * 40) - 5);
      entries.push({ data_set_code: SET, region_code: county.code, prefecture_code: prefecture, period, status });
      const event = (action: string, from: string, to: string, at: Date) =>
        events.push({
          id: crypto.randomUUID(),
          data_set_code: SET,
          region_code: county.code,
          prefecture_code: prefecture,
          period,
          action,
          from_status: from,
          to_status: to,
          actor_name: 'test',
          at,
        });
      if (status !== 'draft') {
        event('submit', 'draft', 'submitted', submitted);
        if (status !== 'submitted') {
          event(
            status === 'returned' ? 'return' : 'approve',
            'submitted',
            status,
            daysAfter(submitted, 1 + Math.floor(next() * 20)),
          );
        }
      }
      for (const element of elements) {
        if (mode === 'sparse' && next() < 0.25) continue;
        // Entries mostly; sometimes a module's or the demo's figure instead or as well.
        const kinds =
          mode === 'complete' ? ['form'] : pick([['form'], ['form'], ['demo'], ['cases', 'demo'], ['form', 'demo']]);
        for (const source of kinds) {
          const created = daysAfter(end, Math.floor(next() * 50) - 10);
          observations.push({
            data_set_code: SET,
            data_element_code: element,
            region_code: county.code,
            prefecture_code: prefecture,
            period,
            value: DENOMINATORS.includes(element)
              ? mode === 'sparse' && next() < 0.05
                ? 0
                : 500 + Math.floor(next() * 500)
              : Math.floor(next() * 480),
            source,
            created_at: created,
            updated_at: daysAfter(created, Math.floor(next() * 3)),
          });
        }
      }
    }
  }
  for (let i = 0; i < observations.length; i += 500) {
    await db
      .insertInto('observation')
      .values(observations.slice(i, i + 500) as never)
      .execute();
  }
  await db
    .insertInto('data_entry')
    .values(entries as never)
    .execute();
  if (events.length)
    await db
      .insertInto('data_entry_event')
      .values(events as never)
      .execute();
}

describe('the SQL roll-up forms what core composeTargetValues forms', () => {
  it('agrees with the in-memory path on generated data (series, statuses, panels, stamps)', async () => {
    const catalogue = await loadCatalogue(ctx.db);
    const links = catalogue.links.filter((l) => l.ref.planCode === PLAN);
    expect(links).toHaveLength(TARGETS.length);
    const harbin = tree.byCode.get('2301')!;
    const province = tree.byCode.get('23')!;
    const harbinRegions = tree.nodes.filter((n) => n.path === harbin.path || n.path.startsWith(`${harbin.path}/`));
    const counties = harbinRegions.filter((n) => n.level === 3);
    const cities = tree.nodes.filter((n) => n.level === 2);
    const set = catalogue.dataSetByCode.get(SET)!;
    let decided = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom<Mode>('complete', 'complete-mixed-approval', 'sparse'),
        async (seed, mode) => {
          await generate(seed, mode, counties);
          for (const [root, regions] of [
            [harbin, harbinRegions],
            [province, [province, ...cities]],
          ] as const) {
            const memory = await evaluateTargets(new EvaluationSource(ctx.db, catalogue, tree), {
              root,
              regions,
              asOf: AS_OF,
              links,
              withLaggingSince: true,
              rollUp: 'memory',
            });
            const inSql = await evaluateTargets(new EvaluationSource(ctx.db, catalogue, tree), {
              root,
              regions,
              asOf: AS_OF,
              links,
              withLaggingSince: true,
              rollUp: 'sql',
            });
            expect(inSql).toEqual(memory);
            // The roll-up's own series, wherever it decides them, equal the in-memory series.
            const source = new EvaluationSource(ctx.db, catalogue, tree);
            const scopes = links.map(() => null).concat([[harbin.path]] as never);
            const rollup = await DataSetRollup.load(
              source,
              set,
              [...NUMERATORS, ...DENOMINATORS, AVERAGED],
              scopes,
              root,
              regions,
            );
            for (const ind of INDICATORS) {
              const indicator = catalogue.indicatorByCode.get(ind.code)!;
              for (const definition of [
                { unitRoots: null, combine: 'data_set' as const },
                { unitRoots: [harbin.path], combine: 'data_set' as const },
                ...(ind.den === null
                  ? [
                      { unitRoots: null, combine: 'mean' as const },
                      { unitRoots: null, combine: 'population_weighted_mean' as const },
                    ]
                  : []),
              ]) {
                const rolled = await rollup.series({
                  numerator: ind.num,
                  denominator: ind.den,
                  aggregation: ind.aggregation,
                  factor: ind.factor,
                  ...definition,
                });
                const reference = await indicatorSeries(source, indicator, root, regions, definition);
                if (root === harbin && (mode === 'complete' || ind.den === null)) expect(rolled).not.toBeNull();
                if (rolled === null) continue;
                decided++;
                expect(rolled.series).toEqual(reference.series);
                expect(rolled.expected).toEqual(reference.expected);
              }
            }
          }
        },
      ),
      { numRuns: 9 },
    );
    expect(decided).toBeGreaterThan(40);
  }, 600_000);
});
