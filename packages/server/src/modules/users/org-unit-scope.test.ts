import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, fileTestContext, type Agent } from '../../test/harness.ts';
import { changedTables, rowCounts } from '../../test/openapi-routes.ts';
import { unitId } from '../supervision/fixtures.ts';

// Issue 11, item 1: a 大庆 administrator bound an account to 哈尔滨市精神文明办 (and then to
// 省委宣传部), which then read and answered 哈尔滨's notices and filed the province's reports.

const ctx = fileTestContext();
let daqing: Agent;
let harbinOffice: string;
let propaganda: string;
let daqingOffice: string;

beforeAll(async () => {
  daqing = (await buildUser(ctx, { role: 'city_admin', regionCode: '2306' })).agent;
  harbinOffice = await unitId(ctx.db, '哈尔滨市精神文明办');
  propaganda = await unitId(ctx.db, '省委宣传部');
  daqingOffice = await unitId(ctx.db, '大庆市精神文明办');
});

const account = (orgUnitId: string, regionCode = '2306') => ({
  username: `u${Math.random().toString(36).slice(2, 10)}`,
  displayName: '联络员',
  password: 'Lantern-orbit-7391-quartz',
  role: 'unit_officer',
  regionCode,
  orgUnitId,
});

describe('binding an account to an organisation', () => {
  it('refuses a city administrator another city’s or the province’s unit, writing nothing', async () => {
    const before = await rowCounts(ctx);
    for (const unit of [harbinOffice, propaganda]) {
      const res = await daqing.post('/api/v1/users', account(unit));
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('OUT_OF_SCOPE');
    }
    expect(changedTables(before, await rowCounts(ctx))).toEqual([]);
    expect((await daqing.post('/api/v1/users', account(daqingOffice))).statusCode).toBe(201);
  });

  it('refuses re-binding an existing account to a unit outside the administrator’s scope', async () => {
    const created = (await daqing.post('/api/v1/users', account(daqingOffice))).json();
    const before = await rowCounts(ctx);
    for (const unit of [harbinOffice, propaganda]) {
      const res = await daqing.patch(`/api/v1/users/${created.id}`, { orgUnitId: unit });
      expect(res.statusCode, res.body).toBe(403);
    }
    expect(changedTables(before, await rowCounts(ctx))).toEqual([]);
    const after = (await daqing.get(`/api/v1/users/${created.id}`)).json();
    expect(after.orgUnitId).toBe(daqingOffice);
  });

  it('keeps an account and its organisation in one place, even for the province', async () => {
    const mismatched = await ctx.admin.post('/api/v1/users', account(propaganda, '2306'));
    expect(mismatched.statusCode).toBe(400);
    expect(mismatched.json().errors[0].field).toBe('body.orgUnitId');
    const liaison = await ctx.admin.post('/api/v1/users', account(propaganda, '23'));
    expect(liaison.statusCode, liaison.body).toBe(201);
    // Moving the account to 大庆 while it stays bound to the provincial department is refused too.
    const moved = await ctx.admin.patch(`/api/v1/users/${liaison.json().id}`, { regionCode: '2306' });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().errors[0].field).toBe('body.orgUnitId');
  });
});
