import { describe, expect, it } from 'vitest';
import { buildUser, fileTestContext } from '../../test/harness.ts';

const ctx = fileTestContext();

describe('GET /api/v1/geo/:regionCode', () => {
  it("answers the province's 13 prefecture outlines, each with its region code and name", async () => {
    const res = await ctx.admin.get('/api/v1/geo/23');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.type).toBe('FeatureCollection');
    const cities = (await ctx.admin.get('/api/v1/regions?parent=23')).json().items as { code: string; name: string }[];
    expect(body.features.map((f: { properties: { code: string; name: string } }) => f.properties)).toEqual(
      cities.map((c) => expect.objectContaining({ code: c.code, name: c.name })),
    );
    const harbin = body.features.find((f: { properties: { code: string } }) => f.properties.code === '2301');
    expect(harbin.geometry.type).toBe('Polygon');
    expect(harbin.properties.centre[0]).toBeGreaterThan(120);
  });

  it("refuses the province's map to a city administrator, whose scope is one city", async () => {
    const { agent } = await buildUser(ctx, { role: 'city_admin', regionCode: '2301' });
    const res = await agent.get('/api/v1/geo/23');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('OUT_OF_SCOPE');
  });

  it("answers a city administrator the outlines of the counties of the city (哈尔滨's 18)", async () => {
    const { agent } = await buildUser(ctx, { role: 'city_admin', regionCode: '2301' });
    const res = await agent.get('/api/v1/geo/2301');
    expect(res.statusCode).toBe(200);
    const codes = res.json().features.map((f: { properties: { code: string } }) => f.properties.code);
    expect(codes).toHaveLength(18);
    expect(codes).toContain('230103');
    expect(codes.every((code: string) => /^2301\d\d$/.test(code))).toBe(true);
  });

  it('404 for a region without a map and for an unknown region; 400 for a malformed code', async () => {
    const noMap = await ctx.admin.get('/api/v1/geo/230103');
    expect(noMap.statusCode).toBe(404);
    expect(noMap.json().code).toBe('NOT_FOUND');
    expect((await ctx.admin.get('/api/v1/geo/99')).statusCode).toBe(404);
    const bad = await ctx.admin.get('/api/v1/geo/abc');
    expect(bad.statusCode).toBe(400);
  });

  it('refuses without a session', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/geo/23' })).statusCode).toBe(401);
  });
});

describe('GET /api/v1/public/regions/at', () => {
  const at = (query: string) => ctx.app.inject({ method: 'GET', url: `/api/v1/public/regions/at?${query}` });

  it('answers the prefecture a point lies in, without a session (南岗区, 哈尔滨)', async () => {
    const res = await at('lat=45.757&lng=126.668');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; name: string; level: number }[];
    // The province's outlines give the prefecture, 2301.json the county (data/geo/README.md).
    expect(items).toEqual([
      { code: '2301', name: '哈尔滨市', level: 2 },
      { code: '230103', name: '南岗区', level: 3 },
    ]);
  });

  it('answers 大庆 for a point in 大庆 and nothing for a point outside the province (北京)', async () => {
    const daqing = (await at('lat=46.5897&lng=125.1037')).json().items as { code: string }[];
    expect(daqing.map((item) => item.code)).toEqual(['2306', '230602']);
    expect((await at('lat=39.9087&lng=116.3975')).json()).toEqual({ items: [] });
  });

  it('refuses a missing or impossible coordinate with 400 naming the field', async () => {
    const missing = await at('lat=45.7');
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json())).toContain('lng');
    const impossible = await at('lat=95&lng=126');
    expect(impossible.statusCode).toBe(400);
    expect(JSON.stringify(impossible.json())).toContain('lat');
  });
});
