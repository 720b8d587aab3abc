import { describe, expect, it } from 'vitest';
import { buildUser, fileTestContext } from '../../test/harness.ts';
import { TEST_ADMIN_PASSWORD } from '../../test/databases.ts';

const ctx = fileTestContext();

const login = (username: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('sign-in', () => {
  it('sets an HttpOnly SameSite session cookie and returns the account with a CSRF token', async () => {
    const res = await login('admin', TEST_ADMIN_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'cc_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const body = res.json();
    expect(body.user.username).toBe('admin');
    expect(body.user.role).toBe('province_admin');
    expect(body.user.regionCode).toBe('23');
    expect(body.user.permissions).toContain('user.write');
    expect(body.csrfToken.length).toBeGreaterThan(20);
  });

  it('refuses a wrong password and an unknown user alike, with problem+json', async () => {
    for (const res of [await login('admin', 'wrong-password'), await login('nobody-here', 'whatever-pass')]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('INVALID_CREDENTIALS');
    }
  });

  it('locks an account after five failures, even against the right password, and audits it', async () => {
    const user = await buildUser(ctx, { role: 'inspector', regionCode: '2301' });
    for (let i = 0; i < 4; i++) expect((await login(user.username, 'wrong-password')).statusCode).toBe(401);
    const fifth = await login(user.username, 'wrong-password');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    const right = await login(user.username, user.password);
    expect(right.statusCode).toBe(429);
    const audit = await ctx.admin.get(`/api/v1/audit?action=user.lock&entityId=${user.id}`);
    expect(audit.json().items).toHaveLength(1);
  });

  it('rate-limits sign-in attempts from one address, whatever the user name', async () => {
    const attempt = (i: number) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '198.51.100.7',
        payload: { username: `guess-${i}`, password: 'wrong-password' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await attempt(i)).statusCode);
    expect(statuses.every((s) => s === 401)).toBe(true);
    const limited = await attempt(30);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
  });

  it('rejects a disabled account', async () => {
    const user = await buildUser(ctx, { role: 'inspector', regionCode: '2301' });
    expect((await ctx.admin.patch(`/api/v1/users/${user.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await login(user.username, user.password)).json().code).toBe('ACCOUNT_DISABLED');
    // Disabling also ended the session the account already had.
    expect((await user.agent.get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});

describe('sessions and CSRF', () => {
  it('refuses a cookie-authenticated write without the CSRF token and writes nothing', async () => {
    const res = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/regions/2301/population',
      headers: { cookie: ctx.admin.cookie },
      payload: { population: 1, year: 2020 },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_FAILED');
    const region = await ctx.admin.get('/api/v1/regions/2301');
    expect(region.json().population).not.toBe(1);
  });

  it('signs out everywhere', async () => {
    const user = await buildUser(ctx, { role: 'auditor', regionCode: '23' });
    const second = await ctx.loginAs(user.username, user.password);
    expect((await user.agent.post('/api/v1/auth/logout-all')).statusCode).toBe(204);
    expect((await user.agent.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await second.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('signs out one session only with logout', async () => {
    const user = await buildUser(ctx, { role: 'auditor', regionCode: '23' });
    const second = await ctx.loginAs(user.username, user.password);
    expect((await user.agent.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await user.agent.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await second.get('/api/v1/auth/me')).statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  it('authenticate machine clients without CSRF until revoked', async () => {
    const created = await ctx.admin.post('/api/v1/auth/tokens', { name: 'ci-bot' });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^cct_/);
    const auth = { authorization: `Bearer ${token}` };
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth });
    expect(me.json().user.username).toBe('admin');
    const write = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/regions/230102/population',
      headers: auth,
      payload: { population: 720000, year: 2020 },
    });
    expect(write.statusCode).toBe(200);
    expect((await ctx.admin.delete(`/api/v1/auth/tokens/${id}`)).statusCode).toBe(204);
    const after = await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth });
    expect(after.statusCode).toBe(401);
    const bogus = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: 'Bearer cct_nope' },
    });
    expect(bogus.statusCode).toBe(401);
  });
});
