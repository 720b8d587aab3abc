import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, createTestContext, type TestContext } from '../../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

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

  it('404 for a region without a map and for an unknown region; 400 for a malformed code', async () => {
    const noMap = await ctx.admin.get('/api/v1/geo/2301');
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
