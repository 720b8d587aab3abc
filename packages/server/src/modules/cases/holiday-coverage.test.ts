import { describe, expect, it } from 'vitest';
import { chinaDate } from '@chuangcheng/core';
import { buildUser, fileTestContext } from '../../test/harness.ts';

const ctx = fileTestContext();

describe('GET /api/v1/cases/holidays/coverage', () => {
  it('is quiet until 30 September 2026 and asks for 2027 from 1 October (the shipped calendar ends in 2026)', async () => {
    const september = (await ctx.admin.get('/api/v1/cases/holidays/coverage?on=2026-09-30')).json();
    expect(september.installed).toEqual([2023, 2024, 2025, 2026]);
    expect(september.missing).toEqual([]);
    const october = await ctx.admin.get('/api/v1/cases/holidays/coverage?on=2026-10-01');
    expect(october.statusCode).toBe(200);
    expect(october.json().missing).toEqual([{ year: 2027, due: 'next' }]);
  });

  it('says the current year is missing in 2027, and judges from today (China time) by default', async () => {
    const later = (await ctx.admin.get('/api/v1/cases/holidays/coverage?on=2027-03-01')).json();
    expect(later.missing).toEqual([{ year: 2027, due: 'current' }]);
    const today = (await ctx.admin.get('/api/v1/cases/holidays/coverage')).json();
    expect(today.on).toBe(chinaDate(new Date()));
  });

  it('answers a city administrator too (the warning is the same everywhere); refuses without a session and a malformed day', async () => {
    const { agent } = await buildUser(ctx, { role: 'city_admin', regionCode: '2306' });
    expect((await agent.get('/api/v1/cases/holidays/coverage?on=2026-10-01')).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/cases/holidays/coverage' })).statusCode).toBe(401);
    const bad = await ctx.admin.get('/api/v1/cases/holidays/coverage?on=2026-13-01');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('on');
  });
});
