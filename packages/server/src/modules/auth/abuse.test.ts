import { describe, expect, it } from 'vitest';
import { buildUser, fileTestContext, type TestContext } from '../../test/harness.ts';

// Issue 11 items 2 and 3: forwarded addresses are believed only from configured proxies, and
// every counter (rate limits, sign-in lockouts) lives in the database, shared by all servers.

const ctx = fileTestContext();
const proxied = fileTestContext({ trustProxy: ['10.9.0.0/16'] });

type App = TestContext['app'];
const signIn = (app: App, remoteAddress: string, username: string, password: string, forwardedFor?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    payload: { username, password },
  });
const intake = (app: App, remoteAddress: string, forwardedFor?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/public/cases',
    remoteAddress,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    payload: {},
  });

describe('forwarded addresses', () => {
  it('ignores a spoofed X-Forwarded-For when no proxy is trusted: sign-in and intake limits hold', async () => {
    const logins: number[] = [];
    for (let i = 0; i < 31; i++) {
      logins.push(
        (await signIn(ctx.app, '198.51.100.20', `guess-${i}`, 'wrong-password', `203.0.113.${i}`)).statusCode,
      );
    }
    expect(logins.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(logins[30]).toBe(429);

    const intakes: number[] = [];
    for (let i = 0; i < 21; i++) intakes.push((await intake(ctx.app, '198.51.100.21', `203.0.113.${i}`)).statusCode);
    expect(intakes.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(intakes[20]).toBe(429);
  });

  it('counts by the forwarded client address when the request came from a configured proxy', async () => {
    for (let i = 0; i < 31; i++) {
      const res = await signIn(proxied.app, '10.9.0.5', `guess-${i}`, 'wrong-password', `203.0.113.${i}`);
      expect(res.statusCode).toBe(401);
    }
    // One client behind the proxy is still limited.
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await intake(proxied.app, '10.9.0.5', '192.0.2.77')).statusCode);
    expect(statuses[30]).toBe(429);
  });
});

describe('sign-in lockout per account and source', () => {
  it('locks the stranger, not the owner signing in from their own address', async () => {
    const owner = await buildUser(ctx, { role: 'inspector', regionCode: '2301' });
    for (let i = 0; i < 4; i++) {
      expect((await signIn(ctx.app, '203.0.113.50', owner.username, 'wrong-password')).statusCode).toBe(401);
    }
    const fifth = await signIn(ctx.app, '203.0.113.50', owner.username, 'wrong-password');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    expect((await signIn(ctx.app, '203.0.113.50', owner.username, owner.password)).statusCode).toBe(429);
    expect((await signIn(ctx.app, '192.0.2.10', owner.username, owner.password)).statusCode).toBe(200);
  });

  it('waits longer after each failure past the threshold', async () => {
    const user = await buildUser(ctx, { role: 'inspector', regionCode: '2301' });
    const lockedUntil = async () =>
      (
        await ctx.db
          .selectFrom('sign_in_failure')
          .select('locked_until')
          .where('user_id', '=', user.id)
          .executeTakeFirstOrThrow()
      ).locked_until!;
    for (let i = 0; i < 5; i++) await signIn(ctx.app, '203.0.113.60', user.username, 'wrong-password');
    const first = (await lockedUntil()).getTime() - Date.now();
    // Let the first lock run out (moved into the past), then fail once more.
    await ctx.db
      .updateTable('sign_in_failure')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    expect((await signIn(ctx.app, '203.0.113.60', user.username, 'wrong-password')).statusCode).toBe(429);
    const second = (await lockedUntil()).getTime() - Date.now();
    expect(first).toBeGreaterThan(14 * 60_000);
    expect(second).toBeGreaterThan(29 * 60_000);
  });

  it('refuses the API token of a disabled account; a sign-in lockout leaves tokens working', async () => {
    const user = await buildUser(ctx, { role: 'inspector', regionCode: '2301' });
    const { token } = (await user.agent.post('/api/v1/auth/tokens', { name: 'bot' })).json();
    const me = () =>
      ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    for (let i = 0; i < 5; i++) await signIn(ctx.app, '127.0.0.1', user.username, 'wrong-password');
    expect((await signIn(ctx.app, '127.0.0.1', user.username, user.password)).statusCode).toBe(429);
    expect((await me()).statusCode).toBe(200);
    expect((await ctx.admin.patch(`/api/v1/users/${user.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await me()).statusCode).toBe(401);
  });
});

describe('two servers on one database', () => {
  it('share the public intake limit and the sign-in lockout', async () => {
    const other = await ctx.secondApp();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await intake(i % 2 ? other : ctx.app, '198.51.100.99')).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(statuses[20]).toBe(429);

    const user = await buildUser(ctx, { role: 'inspector', regionCode: '2301' });
    for (let i = 0; i < 4; i++) {
      const res = await signIn(i % 2 ? other : ctx.app, '203.0.113.70', user.username, 'wrong-password');
      expect(res.statusCode).toBe(401);
    }
    expect((await signIn(other, '203.0.113.70', user.username, 'wrong-password')).json().code).toBe('ACCOUNT_LOCKED');
    expect((await signIn(ctx.app, '203.0.113.70', user.username, user.password)).json().code).toBe('ACCOUNT_LOCKED');
  });
});
