import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CockpitView, TargetEvaluation } from '@chuangcheng/core';
import { fileTestContext } from '../../test/harness.ts';
import { drainOutbox } from '../../outbox/worker.ts';
import { systemActor } from '../auth/actor.ts';
import { importCatalogueFile } from '../indicators/catalogue.ts';
import { recordObservations } from '../indicators/observations.ts';

// Issue 16: how a region's value is formed is part of the target. The seed's PM2.5 target counts
// the cities of the group pm25-noncompliant-2015 and combines them as an unweighted mean; the
// youth-palace target counts the national poverty counties. The cockpit returns exactly those
// values; a catalogue can ask for a population-weighted mean; import refuses a combination that
// does not fit the indicator, naming file:line:field.

const ctx = fileTestContext();
const actor = systemActor('23', '23');
const SEED_CATALOGUE = path.resolve(import.meta.dirname, '../../../../../data/indicators/heilongjiang.yaml');

/** PM2.5 (μg/m³) of three cities in 2015 and 2019; 七台河 (2309), outside the group below, reads 10. */
const PM25: Record<string, [number, number]> = {
  '2301': [70, 60],
  '2302': [40, 36],
  '2303': [30, 27],
  '2309': [10, 9],
};

beforeAll(async () => {
  await ctx.db.transaction().execute((trx) =>
    recordObservations(
      trx,
      actor,
      Object.entries(PM25).flatMap(([regionCode, [y2015, y2019]]) => [
        { element: 'pm25-annual-mean', regionCode, period: '2015', value: y2015, source: 'demo' as const },
        { element: 'pm25-annual-mean', regionCode, period: '2019', value: y2019, source: 'demo' as const },
      ]),
    ),
  );
});

async function provincePm25(): Promise<TargetEvaluation> {
  await drainOutbox(ctx);
  const res = await ctx.admin.get('/api/v1/cockpit?asOf=2020-06-30');
  expect(res.statusCode).toBe(200);
  return (res.json() as CockpitView).targets.find((t) => t.target.code === 'pm25-reduction')!;
}

describe('a target says which units count and how they are combined', () => {
  it('ships the groups the seed scopes to: the 20 national poverty counties and the provisional PM2.5 list', async () => {
    const groups = (await ctx.admin.get('/api/v1/region-groups')).json() as {
      items: { code: string; name: string; members: { code: string }[] }[];
    };
    const poverty = groups.items.find((g) => g.code === 'national-poverty-counties')!;
    expect(poverty.members).toHaveLength(20);
    const pm = groups.items.find((g) => g.code === 'pm25-noncompliant-2015')!;
    expect(pm.name).toContain('暂定');
    const res = await ctx.admin.get('/api/v1/cockpit?asOf=2020-06-30');
    const palaces = (res.json() as CockpitView).targets.find(
      (t) => t.target.code === 'rural-school-youth-palace-coverage',
    )!;
    // Expected reporters are the 20 poverty counties, not the 121 county-level units.
    expect(palaces.target.scope).toMatchObject({ kind: 'groups', groupCodes: ['national-poverty-counties'] });
    // 哈尔滨 has one poverty county (延寿县): the target applies to it; 大庆 (2306) has one too (林甸县),
    // 七台河 (2309) none: the target does not apply there.
    const applies = async (region: string) =>
      ((await ctx.admin.get(`/api/v1/cockpit?region=${region}&asOf=2020-06-30`)).json() as CockpitView).targets.some(
        (t) => t.target.code === 'rural-school-youth-palace-coverage',
      );
    expect(await applies('2301')).toBe(true);
    expect(await applies('2309')).toBe(false);
  });

  it('the PM2.5 target is the unweighted mean over the group members only', async () => {
    // Narrow the provisional list to three cities, as a statistician would once the 2015 figures are checked.
    const put = await ctx.admin.put('/api/v1/region-groups/pm25-noncompliant-2015', {
      name: '2015年PM2.5未达标地级以上城市',
      kind: 'custom',
      description: '测试',
      memberCodes: ['2301', '2302', '2303'],
    });
    expect(put.statusCode, put.body).toBe(200);
    const pm25 = await provincePm25();
    expect(pm25.measure).toMatchObject({ kind: 'indicator', combine: 'mean' });
    // 2015: (70 + 40 + 30) / 3 = 46.67; goal 0.85 × 46.67 = 39.67; 2019: (60 + 36 + 27) / 3 = 41.
    expect(pm25.baseline!.value).toBeCloseTo(140 / 3, 9);
    expect(pm25.targetValue).toBeCloseTo((0.85 * 140) / 3, 9);
    expect(pm25.latest).toEqual({ period: '2019', value: 41 });
    // 七台河 reports but is not in the group: neither counted nor expected.
    expect(pm25.coverage).toMatchObject({ reported: 3, expected: 3 });
  });

  it('a catalogue can combine the units by population, from the census figures', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-combine-'));
    const file = path.join(dir, 'weighted.yaml');
    const seed = fs.readFileSync(SEED_CATALOGUE, 'utf8');
    expect(seed).toContain('    combine: mean\n');
    fs.writeFileSync(file, seed.replace('    combine: mean\n', '    combine: population_weighted_mean\n'));
    await importCatalogueFile(ctx.db, actor, file);
    const pm25 = await provincePm25();
    expect(pm25.measure).toMatchObject({ combine: 'population_weighted_mean' });
    // Census 2020: 哈尔滨 10,009,854, 齐齐哈尔 4,067,489, 鸡西 1,502,060.
    const w = [10_009_854, 4_067_489, 1_502_060];
    const mean = (v: number[]) => (v[0]! * w[0]! + v[1]! * w[1]! + v[2]! * w[2]!) / (w[0]! + w[1]! + w[2]!);
    expect(pm25.baseline!.value).toBeCloseTo(mean([70, 40, 30]), 6);
    expect(pm25.latest!.value).toBeCloseTo(mean([60, 36, 27]), 6);
    await importCatalogueFile(ctx.db, actor, SEED_CATALOGUE);
    expect((await provincePm25()).measure).toMatchObject({ combine: 'mean' });
  });

  it('refuses a combination that does not fit the indicator, naming file:line:field, and writes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-combine-'));
    const file = path.join(dir, 'bad.yaml');
    const seed = fs.readFileSync(SEED_CATALOGUE, 'utf8');
    const bad = seed.replace(
      "{ plan: heilongjiang-2018-2020, target: urban-sewage-treatment-rate, indicator: urban-sewage-treatment-rate, baseline: { period: '2017' } }",
      "{ plan: heilongjiang-2018-2020, target: urban-sewage-treatment-rate, indicator: urban-sewage-treatment-rate, baseline: { period: '2017' }, combine: mean }",
    );
    expect(bad).not.toBe(seed);
    fs.writeFileSync(file, bad.replace('    combine: mean\n', '    combine: population_weighted_mean\n'));
    const line = bad.split('\n').findIndex((l) => l.includes('combine: mean }')) + 1;
    const error = await importCatalogueFile(ctx.db, actor, file).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).not.toBeNull();
    const message = JSON.stringify(error, Object.getOwnPropertyNames(error));
    expect(message).toContain(`bad.yaml:${line}: targets[17].combine`);
    expect(message).toContain("indicator 'urban-sewage-treatment-rate' is a rate, combined as the ratio of sums");
    // Nothing written: the PM2.5 target still combines as the seed says.
    expect((await provincePm25()).measure).toMatchObject({ combine: 'mean' });
  });
});
