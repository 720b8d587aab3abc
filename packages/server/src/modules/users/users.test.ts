import { describe, expect, it } from 'vitest';
import { buildUser, fileTestContext } from '../../test/harness.ts';

const ctx = fileTestContext();

const newUser = (overrides: Record<string, unknown> = {}) => ({
  username: `u${Math.random().toString(36).slice(2, 10)}`,
  displayName: '测试用户',
  password: 'a-long-enough-password',
  role: 'city_admin',
  regionCode: '2306',
  ...overrides,
});

describe('the new-user walk: a 大庆 administrator cannot see 哈尔滨', () => {
  it('creates a city administrator for 大庆 who is refused 哈尔滨 and sees both changes audited', async () => {
    const body = newUser({ username: 'daqing-admin' });
    const created = await ctx.admin.post('/api/v1/users', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      username: 'daqing-admin',
      role: 'city_admin',
      regionCode: '2306',
      regionName: '大庆市',
    });

    const daqing = await ctx.loginAs('daqing-admin', body.password);
    expect((await daqing.get('/api/v1/regions/2306')).statusCode).toBe(200);
    const harbin = await daqing.get('/api/v1/regions/2301');
    expect(harbin.statusCode).toBe(403);
    expect(harbin.json().code).toBe('OUT_OF_SCOPE');
    expect((await daqing.get('/api/v1/regions?parent=2301')).statusCode).toBe(403);
    expect((await daqing.get('/api/v1/regions/230102/subtree')).statusCode).toBe(403);
    const search = await daqing.get('/api/v1/regions/search?q=' + encodeURIComponent('道里'));
    expect(search.json().items).toHaveLength(0);

    const audit = await ctx.admin.get('/api/v1/audit?entityType=user&action=user.create');
    const row = audit.json().items.find((r: { after: { username: string } }) => r.after.username === 'daqing-admin');
    expect(row.actorName).toBe('admin');
    expect(row.after).not.toHaveProperty('password_hash');
  });
});

describe('who may manage accounts', () => {
  it('keeps a city administrator inside their city and below their role', async () => {
    const harbin = await buildUser(ctx, { role: 'city_admin', regionCode: '2301' });
    expect(
      (await harbin.agent.post('/api/v1/users', newUser({ regionCode: '230102', role: 'inspector' }))).statusCode,
    ).toBe(201);
    const outside = await harbin.agent.post('/api/v1/users', newUser({ regionCode: '2306', role: 'inspector' }));
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('OUT_OF_SCOPE');
    const wider = await harbin.agent.post('/api/v1/users', newUser({ regionCode: '23', role: 'inspector' }));
    expect(wider.statusCode).toBe(403);
    const promote = await harbin.agent.post('/api/v1/users', newUser({ regionCode: '2301', role: 'province_admin' }));
    expect(promote.statusCode).toBe(403);
    expect(promote.json().code).toBe('FORBIDDEN');
    const list = await harbin.agent.get('/api/v1/users?limit=200');
    const regions = list.json().items.map((u: { regionCode: string }) => u.regionCode);
    expect(regions.every((code: string) => code.startsWith('2301'))).toBe(true);
  });

  it('refuses roles without user permissions', async () => {
    const inspector = await buildUser(ctx, { role: 'inspector', regionCode: '2301' });
    expect((await inspector.agent.get('/api/v1/users')).statusCode).toBe(403);
    expect(
      (await inspector.agent.post('/api/v1/users', newUser({ regionCode: '2301', role: 'inspector' }))).statusCode,
    ).toBe(403);
    const auditor = await buildUser(ctx, { role: 'auditor', regionCode: '23' });
    expect((await auditor.agent.get('/api/v1/users')).statusCode).toBe(200);
    expect((await auditor.agent.post('/api/v1/users', newUser())).statusCode).toBe(403);
  });

  it('does not let an administrator change their own role', async () => {
    const harbin = await buildUser(ctx, { role: 'city_admin', regionCode: '2301' });
    const res = await harbin.agent.patch(`/api/v1/users/${harbin.id}`, { role: 'inspector' });
    expect(res.statusCode).toBe(403);
  });
});

describe('bad input', () => {
  it('names the unknown field, the bad field and the taken user name, and writes nothing', async () => {
    const before = (await ctx.admin.get('/api/v1/users?limit=200')).json().items.length;
    const unknown = await ctx.admin.post('/api/v1/users', { ...newUser(), isRoot: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toContainEqual({ field: 'body.isRoot', message: '未知字段，请删除' });
    const short = await ctx.admin.post('/api/v1/users', newUser({ password: 'short' }));
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('body.password');
    const badRegion = await ctx.admin.post('/api/v1/users', newUser({ regionCode: '999999' }));
    expect(badRegion.statusCode).toBe(400);
    expect(badRegion.json().errors[0].field).toBe('body.regionCode');
    const body = newUser();
    expect((await ctx.admin.post('/api/v1/users', body)).statusCode).toBe(201);
    const dup = await ctx.admin.post('/api/v1/users', body);
    expect(dup.statusCode).toBe(409);
    const after = (await ctx.admin.get('/api/v1/users?limit=200')).json().items.length;
    expect(after).toBe(before + 1);
  });

  it('pages the user list with an opaque cursor', async () => {
    const first = (await ctx.admin.get('/api/v1/users?limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = (await ctx.admin.get(`/api/v1/users?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].username > first.items[1].username).toBe(true);
  });
});
