import { describe, expect, it } from 'vitest';
import { buildUser, fileTestContext } from '../../test/harness.ts';
import { noticeOnTask21 } from '../../test/province.ts';
import { unitId } from './fixtures.ts';

const ctx = fileTestContext();

describe('the issuing office’s number prefix, set over the API (decision 0144)', () => {
  it('is set by an administrator in scope, numbers the next 督办单, and refuses bad input, clashes and others', async () => {
    const office = await unitId(ctx.db, '省精神文明办');
    const url = `/api/v1/supervision/office-prefixes/${office}`;
    const set = await ctx.admin.put(url, { prefix: '黑文明督' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ orgUnitId: office, name: '省精神文明办', prefix: '黑文明督' });
    expect((await ctx.admin.get('/api/v1/supervision/office-prefixes')).json().items).toEqual([set.json()]);
    const notice = await ctx.admin.post('/api/v1/notices', await noticeOnTask21(ctx));
    expect(notice.json().number).toMatch(/^黑文明督〔\d{4}〕\d+号$/);

    const bad = await ctx.admin.put(url, { prefix: '黑 文明' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.prefix');
    const other = await unitId(ctx.db, '省住建厅');
    const clash = await ctx.admin.put(`/api/v1/supervision/office-prefixes/${other}`, { prefix: '黑文明督' });
    expect(clash.statusCode).toBe(409);
    const city = await buildUser(ctx, { role: 'city_admin', regionCode: '2306' });
    expect((await city.agent.put(url, { prefix: '庆文明督' })).statusCode).toBe(403);
    const officer = await buildUser(ctx, { role: 'unit_officer', regionCode: '23', orgUnitId: office });
    expect((await officer.agent.put(url, { prefix: '庆文明督' })).statusCode).toBe(403);
    expect((await ctx.admin.get('/api/v1/supervision/office-prefixes')).json().items[0].prefix).toBe('黑文明督');
  });
});
