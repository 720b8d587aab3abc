import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { CockpitMap, CockpitRanking, CockpitView, LaggingList } from '@chuangcheng/core';
import { buildUser, fileTestContext, type Agent } from '../../test/harness.ts';
import { REPO_ROOT } from '../../config.ts';
import { drainOutbox } from '../../outbox/worker.ts';
import { systemActor } from '../auth/actor.ts';
import { importPlan, validatePlanFile } from '../plans/import.ts';
import { generateDemo, removeDemo } from '../indicators/demo.ts';
import { recordObservations } from '../indicators/observations.ts';
import { importRegions } from '../regions/import-regions.ts';

// The cockpit on demo data: every target of the seed plan with a status and a forecast, the map,
// the ranking, the lagging list; scope refusals; demo data kept apart from real data.

const ctx = fileTestContext();
let harbin: Agent;
let daoliOfficer: Agent;
const actor = systemActor('23', '23');

beforeAll(async () => {
  await generateDemo(ctx.db, actor, { seed: 7 });
  harbin = (await buildUser(ctx, { role: 'city_admin', regionCode: '2301' })).agent;
  daoliOfficer = (await buildUser(ctx, { role: 'unit_officer', regionCode: '230102' })).agent;
});

describe('the province cockpit on demo data', () => {
  it('shows every quantified target of the seed plan with a status and a forecast, as of the demo date', async () => {
    const res = await ctx.admin.get('/api/v1/cockpit');
    expect(res.statusCode).toBe(200);
    const view = res.json() as CockpitView;
    expect(view.asOf).toBe('2020-06-30');
    expect(view.region).toEqual({ code: '23', name: '黑龙江省', level: 1 });
    expect(view.children).toHaveLength(13);
    expect(view.targets).toHaveLength(21);
    for (const t of view.targets) {
      expect(t.status, t.target.code).not.toBe('no_data');
      expect(t.forecast, t.target.code).not.toBeNull();
      expect(t.progress, t.target.code).not.toBeNull();
      expect(t.series.length, t.target.code).toBeGreaterThanOrEqual(2);
    }
    // The demo trends give the province every status but "no data".
    expect(view.counts.achieved).toBeGreaterThan(0);
    expect(view.counts.on_track).toBeGreaterThan(0);
    expect(view.counts.at_risk).toBeGreaterThan(0);
    expect(view.counts.off_track).toBeGreaterThan(0);
    const pm25 = view.targets.find((t) => t.target.code === 'pm25-reduction')!;
    // Down 15 % from the 2015 unweighted mean of the group's cities (provisionally all 13).
    expect(pm25.measure).toMatchObject({ kind: 'indicator', combine: 'mean' });
    expect(pm25.coverage).toMatchObject({ expected: 13 });
    expect(pm25.baseline).toMatchObject({ period: '2015', source: 'link' });
    expect(pm25.targetValue).toBeCloseTo(pm25.baseline!.value * 0.85, 9);
    const pilots = view.targets.find((t) => t.target.code === 'waste-recycling-rate-pilots')!;
    expect(pilots.series.at(-1)!.coverage).toEqual({ reported: 4, expected: 4, timely: 4 });
    const cities = view.targets.find((t) => t.target.code === 'national-civilized-cities')!;
    expect(cities.measure).toMatchObject({ kind: 'titles', title: 'national_civilized', as: 'count' });
    expect(cities.latest).toEqual({ period: '2019', value: 4 });
  });

  it('is reproducible for a seed', async () => {
    const before = (await ctx.admin.get('/api/v1/cockpit')).json() as CockpitView;
    await generateDemo(ctx.db, actor, { seed: 7 });
    const after = (await ctx.admin.get('/api/v1/cockpit')).json() as CockpitView;
    expect(after.targets.map((t) => [t.latest, t.status])).toEqual(before.targets.map((t) => [t.latest, t.status]));
  }, 240_000); // demo data generation: slow on a busy machine, not a timing assertion

  it('drills down: a city shows its own targets (no province-only counts), a county its county targets', async () => {
    const city = (await harbin.get('/api/v1/cockpit')).json() as CockpitView;
    expect(city.region.code).toBe('2301');
    expect(city.ancestors.map((a) => a.code)).toEqual(['23']);
    expect(city.targets.map((t) => t.target.code)).not.toContain('national-civilized-cities');
    expect(city.targets.map((t) => t.target.code)).toContain('waste-recycling-rate-pilots');
    const daqing = (await ctx.admin.get('/api/v1/cockpit?region=2306')).json() as CockpitView;
    expect(daqing.targets.map((t) => t.target.code)).toContain('waste-recycling-rate-pilots');
    const jixi = (await ctx.admin.get('/api/v1/cockpit?region=2303')).json() as CockpitView;
    expect(jixi.targets.map((t) => t.target.code)).not.toContain('waste-recycling-rate-pilots');
    const county = (await daoliOfficer.get('/api/v1/cockpit')).json() as CockpitView;
    expect(county.region.code).toBe('230102');
    expect(county.children).toEqual([]);
    expect(county.targets.map((t) => t.target.code)).toContain('central-heating-coverage');
    expect(county.targets.map((t) => t.target.code)).not.toContain('pm25-reduction');
  });

  it('colours the prefectures by a target or an indicator', async () => {
    const byTarget = (await ctx.admin.get('/api/v1/cockpit/map?target=central-heating-coverage')).json() as CockpitMap;
    expect(byTarget.items).toHaveLength(13);
    expect(byTarget.items.every((i) => i.status !== null && i.value !== null)).toBe(true);
    const pilots = (await ctx.admin.get('/api/v1/cockpit/map?target=waste-recycling-rate-pilots')).json() as CockpitMap;
    expect(
      pilots.items
        .filter((i) => i.status !== null)
        .map((i) => i.region.code)
        .sort(),
    ).toEqual(['2301', '2302', '2306', '2310']);
    const byIndicator = (await ctx.admin.get('/api/v1/cockpit/map?indicator=pm25-concentration')).json() as CockpitMap;
    expect(byIndicator.items.every((i) => i.period === '2019' && i.status === null)).toBe(true);
    const neither = await ctx.admin.get('/api/v1/cockpit/map');
    expect(neither.statusCode).toBe(400);
    expect(neither.json().errors[0].field).toBe('querystring.target');
  });

  it('opens the map on the first target whose cities do not all share one colour', async () => {
    // On 2016-06-30 every city is on track for the panel's first indicator target, so a map of it
    // would be one colour: the server skips it for the next target with a spread of statuses.
    const asOf = '2016-06-30';
    const view = (await ctx.admin.get(`/api/v1/cockpit?asOf=${asOf}`)).json() as CockpitView;
    const statusesOf = async (target: string, date = asOf) => {
      const map = (await ctx.admin.get(`/api/v1/cockpit/map?asOf=${date}&target=${target}`)).json() as CockpitMap;
      return new Set(map.items.map((i) => i.status ?? 'no_data').filter((s) => s !== 'no_data'));
    };
    const firstIndicatorTarget = view.targets.find((e) => e.measure.kind === 'indicator')!.target.code;
    expect(firstIndicatorTarget).toBe('good-people-board-rate');
    expect([...(await statusesOf(firstIndicatorTarget))]).toEqual(['on_track']);
    expect(view.mapDefault).toEqual({ kind: 'target', code: 'civilized-family-participation' });
    expect((await statusesOf(view.mapDefault!.code)).size).toBeGreaterThan(1);
    // Every target before it in the panel would paint the cities in at most one colour.
    const before = view.targets.slice(
      0,
      view.targets.findIndex((e) => e.target.code === view.mapDefault!.code),
    );
    expect(before.length).toBeGreaterThan(0);
    for (const e of before) expect((await statusesOf(e.target.code)).size, e.target.code).toBeLessThanOrEqual(1);
    // The choice follows the date: at the demo date it is again a target with several colours.
    const now = (await ctx.admin.get('/api/v1/cockpit')).json() as CockpitView;
    expect(now.mapDefault?.kind).toBe('target');
    expect((await statusesOf(now.mapDefault!.code, now.asOf)).size).toBeGreaterThan(1);
    // A county has no children to colour.
    const county = (await daoliOfficer.get('/api/v1/cockpit')).json() as CockpitView;
    expect(county.mapDefault).toBeNull();
  });

  it('ranks the cities by mean progress', async () => {
    const ranking = (await ctx.admin.get('/api/v1/cockpit/ranking')).json() as CockpitRanking;
    expect(ranking.items).toHaveLength(13);
    const scores = ranking.items.map((i) => i.score!);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(ranking.items[0]!.rank).toBe(1);
  });

  it('pages the lagging list, longest lagging first', async () => {
    const first = (await ctx.admin.get('/api/v1/cockpit/lagging?limit=20')).json() as LaggingList;
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    const since = first.items.map((i) => i.laggingSince ?? '9999');
    expect(first.items.every((i) => i.status === 'off_track' || i.status === 'at_risk')).toBe(true);
    const second = (
      await ctx.admin.get(`/api/v1/cockpit/lagging?limit=20&cursor=${first.nextCursor}`)
    ).json() as LaggingList;
    expect(second.items[0]).not.toEqual(first.items[0]);
    expect(since[0]! <= (second.items[0]!.laggingSince ?? '9999')).toBe(true);
    const county = (await daoliOfficer.get('/api/v1/cockpit/lagging')).json() as LaggingList;
    expect(county.items.every((i) => i.region.code === '230102')).toBe(true);
  });

  it('gives the lagging list numbered pages with a total, sorted by a column on request', async () => {
    const all: LaggingList['items'] = [];
    for (let cursor: string | null = ''; cursor !== null;) {
      const page = (
        await ctx.admin.get(`/api/v1/cockpit/lagging?limit=200${cursor ? `&cursor=${cursor}` : ''}`)
      ).json() as LaggingList;
      all.push(...page.items);
      cursor = page.nextCursor;
    }
    const key = (i: LaggingList['items'][number]) => `${i.target.code}/${i.region.code}`;
    const two = (await ctx.admin.get('/api/v1/cockpit/lagging?page=2&limit=20')).json() as LaggingList;
    expect(two.total).toBe(all.length);
    expect(two.items.map(key)).toEqual(all.slice(20, 40).map(key));
    // Without a page there is no count, as before.
    expect(((await ctx.admin.get('/api/v1/cockpit/lagging?limit=20')).json() as LaggingList).total).toBeUndefined();
    // The least progress first, and its reverse (rows without progress last either way).
    const least = (await ctx.admin.get('/api/v1/cockpit/lagging?page=1&limit=200&sort=progress')).json() as LaggingList;
    const progress = least.items.map((i) => i.progress).filter((p): p is number => p !== null);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const most = (
      await ctx.admin.get('/api/v1/cockpit/lagging?page=1&limit=200&sort=progress&order=descend')
    ).json() as LaggingList;
    const everyProgress = all.map((i) => i.progress).filter((p): p is number => p !== null);
    expect(most.items[0]!.progress).toBe(Math.max(...everyProgress));
    expect(least.items[0]!.progress).toBe(Math.min(...everyProgress));
    const byRegion = (
      await ctx.admin.get('/api/v1/cockpit/lagging?page=1&limit=200&sort=region')
    ).json() as LaggingList;
    // By region: each region's rows in one block.
    const codes = byRegion.items.map((i) => i.region.code);
    const blocks = codes.filter((code, index) => index === 0 || codes[index - 1] !== code);
    expect(blocks).toEqual([...new Set(codes)]);
    expect(blocks.length).toBeGreaterThan(1);
    // The Excel export has every row, in the order asked for, in the caller's scope.
    const { default: ExcelJS } = await import('exceljs');
    const res = await ctx.admin.get('/api/v1/cockpit/lagging/export.xlsx?sort=progress');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell(1, 1).value)).toContain(`共 ${all.length} 条`);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['滞后起始', '地区', '目标']);
    const sheetRegions: string[] = [];
    for (let n = 3; n <= sheet.rowCount; n++) sheetRegions.push(String(sheet.getCell(n, 2).value));
    const allLeast: LaggingList['items'] = [];
    for (let page = 1; allLeast.length < all.length; page++) {
      const body = (
        await ctx.admin.get(`/api/v1/cockpit/lagging?page=${page}&limit=200&sort=progress`)
      ).json() as LaggingList;
      allLeast.push(...body.items);
    }
    expect(sheetRegions).toEqual(allLeast.map((i) => i.region.name));
    expect((await harbin.get('/api/v1/cockpit/lagging/export.xlsx?region=23')).statusCode).toBe(403);
    expect((await ctx.admin.get('/api/v1/cockpit/lagging?page=0')).statusCode).toBe(400);
    expect((await ctx.admin.get('/api/v1/cockpit/lagging?sort=name')).statusCode).toBe(400);
  });

  it('refuses regions outside the scope', async () => {
    for (const url of [
      '/api/v1/cockpit?region=2306',
      '/api/v1/cockpit/ranking?region=23',
      '/api/v1/cockpit/lagging?region=2302',
    ]) {
      const res = await harbin.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('OUT_OF_SCOPE');
    }
    expect((await harbin.get('/api/v1/indicators/central-heating-coverage/series?region=23')).statusCode).toBe(403);
  });

  it('exports a series table', async () => {
    const res = await ctx.admin.get('/api/v1/indicators/central-heating-coverage/series.xlsx?region=23&children=true');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('what every request read is kept per cache generation (issue 13, decision 0191)', () => {
  const cockpitGeneration = async () =>
    (await ctx.db.selectFrom('cache_generation').select('generation').where('name', '=', 'cockpit').executeTakeFirst())
      ?.generation ?? 0;

  it('answers a warm map, ranking and lagging page with the body it formed, and decides the scope per request', async () => {
    for (const url of [
      '/api/v1/cockpit/map?target=central-heating-coverage',
      '/api/v1/cockpit/map?indicator=pm25-concentration',
      '/api/v1/cockpit/ranking',
      '/api/v1/cockpit/lagging?limit=5',
      '/api/v1/cockpit/lagging?page=2&limit=5&sort=progress&order=descend',
    ]) {
      const first = await ctx.admin.get(url);
      const second = await ctx.admin.get(url);
      expect(first.statusCode, url).toBe(200);
      expect(second.headers['content-type'], url).toMatch(/^application\/json/);
      expect(second.body, url).toBe(first.body);
      // The province's kept views and region rows do not widen a city's scope.
      expect((await harbin.get(url.includes('?') ? `${url}&region=23` : `${url}?region=23`)).statusCode, url).toBe(403);
    }
    const page1 = (await ctx.admin.get('/api/v1/cockpit/lagging?limit=5')).json() as LaggingList;
    const page2 = (
      await ctx.admin.get(`/api/v1/cockpit/lagging?limit=5&cursor=${page1.nextCursor}`)
    ).json() as LaggingList;
    expect(page2.items[0]).not.toEqual(page1.items[0]);
    // A client that accepts brotli (as browsers do) gets the kept view's brotli copy, one that
    // accepts only gzip its gzip copy: the same JSON either way.
    for (const url of ['/api/v1/cockpit', '/api/v1/cockpit/ranking']) {
      const plain = await ctx.admin.get(url);
      const encoded = (acceptEncoding: string) =>
        ctx.app.inject({
          method: 'GET',
          url,
          headers: { cookie: ctx.admin.cookie, 'accept-encoding': acceptEncoding },
        });
      // The brotli copy is made after the view is kept (decision 0213): gzip until it is there.
      const early = await encoded('gzip, deflate, br, zstd');
      expect(['gzip', 'br'], url).toContain(early.headers['content-encoding']);
      const browser = await vi.waitFor(
        async () => {
          const res = await encoded('gzip, deflate, br, zstd');
          expect(res.headers['content-encoding'], url).toBe('br');
          return res;
        },
        { timeout: 30_000, interval: 20 },
      );
      expect(browser.headers.vary, url).toMatch(/accept-encoding/i);
      expect(zlib.brotliDecompressSync(browser.rawPayload).toString(), url).toBe(plain.body);
      const zipped = await encoded('br;q=0.5, gzip;q=0.8');
      expect(zipped.headers['content-encoding'], url).toBe('gzip');
      expect(zipped.headers.vary, url).toMatch(/accept-encoding/i);
      expect(zlib.gunzipSync(zipped.rawPayload).toString(), url).toBe(plain.body);
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      const refused = await ctx.app.inject({
        method: 'GET',
        url,
        headers: { cookie: ctx.admin.cookie, 'accept-encoding': 'gzip;q=0' },
      });
      expect(refused.headers['content-encoding'], url).toBeUndefined();
      expect(refused.body, url).toBe(plain.body);
    }
    // A refusal is not kept: the same bad cursor is refused again, a good one still answers.
    expect((await ctx.admin.get('/api/v1/cockpit/lagging?cursor=bad')).statusCode).toBe(400);
    expect((await ctx.admin.get('/api/v1/cockpit/lagging?cursor=bad')).statusCode).toBe(400);
    expect((await ctx.admin.get('/api/v1/cockpit/map?target=no-such-target')).statusCode).toBe(404);
  });

  it('shows a region renamed by an import at the next request (the import moves the generation)', async () => {
    const nameOf = async () =>
      ((await ctx.admin.get('/api/v1/cockpit/ranking')).json() as CockpitRanking).items.find(
        (i) => i.region.code === '2301',
      )!.region.name;
    const before = await nameOf();
    expect(before).toBe('哈尔滨市');
    const generation = await cockpitGeneration();
    const row = { code: '2301', level: 2, parentCode: '23', path: '23/2301', prefectureCode: '2301' };
    await importRegions(ctx.db, actor, [{ ...row, name: '哈尔滨市（测试）' }], 'test');
    expect(await cockpitGeneration()).toBe(generation + 1);
    expect(await nameOf()).toBe('哈尔滨市（测试）');
    await importRegions(ctx.db, actor, [{ ...row, name: before }], 'test');
    expect(await nameOf()).toBe(before);
  });

  it('moves the generation when a population (a weight of the means) is set', async () => {
    const before = await ctx.db
      .selectFrom('region')
      .select(['population', 'population_year'])
      .where('code', '=', '2301')
      .executeTakeFirstOrThrow();
    const generation = await cockpitGeneration();
    const res = await ctx.admin.put('/api/v1/regions/2301/population', { population: 9_000_000, year: 2020 });
    expect(res.statusCode).toBe(200);
    expect(await cockpitGeneration()).toBe(generation + 1);
    const restore = {
      population: before.population === null ? null : Number(before.population),
      year: before.population_year,
    };
    expect((await ctx.admin.put('/api/v1/regions/2301/population', restore)).statusCode).toBe(200);
  });

  it('shows a revised plan target at the next request (the plan import emits plan.imported)', async () => {
    const shipped = path.join(REPO_ROOT, 'data/plans/heilongjiang-2018-2020.yaml');
    const heatingTarget = async () =>
      ((await ctx.admin.get('/api/v1/cockpit?region=23')).json() as CockpitView).targets.find(
        (t) => t.target.code === 'central-heating-coverage',
      )!.targetValue;
    await drainOutbox(ctx); // earlier tests' events (demo data) are delivered first
    expect(await heatingTarget()).toBe(87);
    const plan = parseYaml(fs.readFileSync(shipped, 'utf8')) as {
      programmes: { tasks: { targets?: { code: string; value: number }[] }[] }[];
    };
    const heating = plan.programmes
      .flatMap((p) => p.tasks.flatMap((t) => t.targets ?? []))
      .find((t) => t.code === 'central-heating-coverage')!;
    heating.value = 91;
    const revised = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cc-cockpit-plan-')), 'plan.yaml');
    fs.writeFileSync(revised, stringifyYaml(plan, { lineWidth: 0 }));
    const generation = await cockpitGeneration();
    await importPlan(ctx.db, actor, await validatePlanFile(ctx.db, revised));
    await drainOutbox(ctx);
    expect(await cockpitGeneration()).toBeGreaterThan(generation);
    expect(await heatingTarget()).toBe(91);
    await importPlan(ctx.db, actor, await validatePlanFile(ctx.db, shipped));
    await drainOutbox(ctx);
    expect(await heatingTarget()).toBe(87);
  });

  it('refuses a signed-out session at once although its views are kept', async () => {
    const { agent } = await buildUser(ctx, { role: 'city_admin', regionCode: '2301' });
    expect((await agent.get('/api/v1/cockpit/ranking')).statusCode).toBe(200);
    expect((await agent.post('/api/v1/auth/logout')).statusCode).toBeLessThan(300);
    expect((await agent.get('/api/v1/cockpit/ranking')).statusCode).toBe(401);
    expect((await agent.get('/api/v1/cockpit')).statusCode).toBe(401);
  });
});

describe('coverage decides whether a status is shown (issue 16)', () => {
  const heatingOf = async (region: string) =>
    ((await ctx.admin.get(`/api/v1/cockpit?region=${region}`)).json() as CockpitView).targets.find(
      (t) => t.target.code === 'central-heating-coverage',
    )!;

  it('expects the 121 official county-level units, not the development zone and the four Daxing’anling districts', async () => {
    expect((await heatingOf('23')).coverage!.expected).toBe(121);
    // 大庆: 10 county-level codes, 大庆高新区 reports through the city.
    expect((await heatingOf('2306')).coverage!.expected).toBe(9);
    // 大兴安岭: 漠河、呼玛、塔河; 加格达奇/松岭/新林/呼中 do not count.
    expect((await heatingOf('2327')).coverage).toMatchObject({ reported: 3, expected: 3 });
    const catalogue = (await ctx.admin.get('/api/v1/indicators/catalogue')).json();
    expect(catalogue.dataSets[0].completeness).toEqual({ minReportingRate: 80, timelyDays: 15, minTimelyRate: 0 });
  });

  it('shows the late reporter (依兰县) and the county with a gap (通河县, nothing for 2018)', async () => {
    const harbinHeating = await heatingOf('2301');
    expect(harbinHeating.completeness.minReportingRate).toBe(80);
    // 2020Q2: all 18 reported, 依兰县 40 days after the quarter (late), the others after 10 days.
    expect(harbinHeating.coverage).toEqual({ reported: 18, expected: 18, timely: 17 });
    // 2018Q4: 通河县 (gap) and 木兰县 (starts in 2019) missing.
    expect(harbinHeating.series.find((p) => p.period === '2018Q4')!.coverage).toEqual({
      reported: 16,
      expected: 18,
      timely: 15,
    });
    const tonghe = await heatingOf('230128');
    expect(tonghe.series.some((p) => p.period.startsWith('2018'))).toBe(false);
    expect(tonghe.series.some((p) => p.period === '2019Q1')).toBe(true);
    // Issue 16, fixed panel: Harbin's trend runs over the 17 counties that reported in the
    // baseline (2017Q4) and the latest quarter; 木兰县 is left out, 通河县's 2018 is interpolated.
    expect(harbinHeating.panel).toEqual({
      from: '2017Q4',
      to: '2020Q2',
      units: 17,
      lateStarters: 1,
      stopped: 0,
      imputed: 4,
    });
    // The late starter is not rewarded: its first report is not a baseline, it scores no progress.
    const mulan = await heatingOf('230127');
    expect(mulan.series[0]!.period).toBe('2019Q1');
    expect(mulan.baseline).toMatchObject({ period: '2019Q1', source: 'first_observation' });
    expect(mulan.progress).toBeNull();
    expect(mulan.panel).toMatchObject({ from: '2019Q1', units: 1, imputed: 0 });
  });

  it('reads "insufficient data" where too few reporters report, keeps it out of the lagging list and the score', async () => {
    // Youth palaces count the 20 national poverty counties (issue 16); in the demo three of 绥化's
    // five report nothing: the province reads 17 of 20 (85 %, a status), 绥化 2 of 5 (below 80 %).
    const province = (await ctx.admin.get('/api/v1/cockpit')).json() as CockpitView;
    const palaces = province.targets.find((t) => t.target.code === 'rural-school-youth-palace-coverage')!;
    expect(palaces.coverage).toMatchObject({ reported: 17, expected: 20 });
    expect(palaces.status).not.toBe('insufficient_data');
    const suihua = (await ctx.admin.get('/api/v1/cockpit?region=2312')).json() as CockpitView;
    const suihuaPalaces = suihua.targets.find((t) => t.target.code === 'rural-school-youth-palace-coverage')!;
    expect(suihuaPalaces.coverage).toMatchObject({ reported: 2, expected: 5 });
    expect(suihuaPalaces.status).toBe('insufficient_data');
    expect(suihuaPalaces.laggingSince).toBeNull();
    expect(suihuaPalaces.latest).not.toBeNull();
    expect(suihua.counts.insufficient_data).toBeGreaterThanOrEqual(1);
    const lagging = (await ctx.admin.get('/api/v1/cockpit/lagging?limit=200')).json() as LaggingList;
    expect(
      lagging.items.some((i) => i.target.code === 'rural-school-youth-palace-coverage' && i.region.code === '2312'),
    ).toBe(false);
    // Every lagging target has a "lagging since" and carries its coverage.
    expect(lagging.items.every((i) => i.laggingSince !== null && i.coverage !== null)).toBe(true);
    const ranking = (await ctx.admin.get('/api/v1/cockpit/ranking')).json() as CockpitRanking;
    expect(ranking.items.every((i) => i.scored <= i.applicable)).toBe(true);
    expect(ranking.items.some((i) => i.scored < i.applicable)).toBe(true);
  });
});

describe('demo data stays out of real deployments', () => {
  it('refuses a database with real observations unless forced; real entries win over demo figures', async () => {
    await ctx.db
      .transaction()
      .execute((trx) =>
        recordObservations(trx, actor, [
          { element: 'cases-filed', regionCode: '230102', period: '2019-07', value: 5, source: 'cases' },
        ]),
      );
    await expect(generateDemo(ctx.db, actor)).rejects.toMatchObject({ code: 'CONFLICT' });
    await generateDemo(ctx.db, actor, { force: true, seed: 7 });
    const series = (await ctx.admin.get('/api/v1/indicators/case-closure-rate/series?region=230102')).json();
    const july = series.regions[0].points.find((p: { period: string }) => p.period === '2019-07');
    // The module's figure (5 cases filed) is read, not the demo one.
    expect(july.denominator).toBe(5);
    const removed = await removeDemo(ctx.db, actor);
    expect(removed.observations).toBeGreaterThan(10_000);
    const after = await ctx.db.selectFrom('observation').select('source').distinct().execute();
    expect(after.map((r) => r.source)).toEqual(['cases']);
  }, 240_000); // demo data generation: slow on a busy machine, not a timing assertion
});
