import { describe, expect, it } from 'vitest';
import { buildUser, fileTestContext } from '../../test/harness.ts';
import { checkAdminPassword } from '../../bootstrap.ts';
import { ConfigError } from '../../config.ts';

// Issue 11 item 6 and the session rules: strong passwords, idle timeout, sign-out elsewhere
// after a new password, Secure cookies whenever the request came over HTTPS.

const ctx = fileTestContext();
const proxied = fileTestContext({ trustProxy: ['10.9.0.0/16'] });

const newUser = (username: string, password: string) => ({
  username,
  displayName: 'Zhang Wei',
  password,
  role: 'inspector',
  regionCode: '2301',
});
const me = (cookieOrToken: { cookie?: string; token?: string }) =>
  ctx.app.inject({
    method: 'GET',
    url: '/api/v1/auth/me',
    headers: cookieOrToken.token
      ? { authorization: `Bearer ${cookieOrToken.token}` }
      : { cookie: cookieOrToken.cookie! },
  });

describe('password strength', () => {
  it('refuses common, sequential and name-based passwords with a field error in the request language', async () => {
    for (const password of ['1234567890', 'password12', 'qwertyuiop', 'zhangwei-2301', 'Zhang Wei 1234']) {
      const res = await ctx.admin.post('/api/v1/users', newUser('zhangwei-2301', password));
      expect(res.statusCode, password).toBe(400);
      expect(res.json().code).toBe('WEAK_PASSWORD');
      expect(res.json().errors[0].field).toBe('body.password');
      expect(res.json().title).toContain('密码');
    }
    const english = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: ctx.admin.cookie, 'x-csrf-token': ctx.admin.csrfToken, 'accept-language': 'en' },
      payload: newUser('zhangwei-2301', 'password12'),
    });
    expect(english.json().title).toMatch(/too easy to guess/);
    expect((await ctx.admin.get('/api/v1/users?q=zhangwei-2301')).json().items).toHaveLength(0);
    const strong = await ctx.admin.post('/api/v1/users', newUser('zhangwei-2301', 'lantern-orchard-pebble-41'));
    expect(strong.statusCode).toBe(201);
  });

  it('refuses a weak password on a reset', async () => {
    const user = await buildUser(ctx, { role: 'inspector', regionCode: '2301' });
    const res = await ctx.admin.patch(`/api/v1/users/${user.id}`, { password: `${user.username}1` });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('WEAK_PASSWORD');
    expect((await ctx.loginAs(user.username, user.password)).cookie).toBeTruthy();
  });

  it('refuses a weak first administrator password with a one-line configuration error', () => {
    expect(() => checkAdminPassword('admin12345')).toThrow(ConfigError);
    expect(() => checkAdminPassword('password123')).toThrow(/CHUANGCHENG_ADMIN_PASSWORD is too easy to guess/);
    expect(() => checkAdminPassword('test-admin-password-1')).not.toThrow();
  });
});

describe('a new password', () => {
  it('changed by the owner ends every other session, keeps this one and the API tokens', async () => {
    const user = await buildUser(ctx, { role: 'auditor', regionCode: '23' });
    const other = await ctx.loginAs(user.username, user.password);
    const { token } = (await user.agent.post('/api/v1/auth/tokens', { name: 'bot' })).json();
    const wrong = await user.agent.post('/api/v1/auth/password', {
      currentPassword: 'not-the-password',
      newPassword: 'lantern-orchard-pebble-42',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('body.currentPassword');
    const weak = await user.agent.post('/api/v1/auth/password', {
      currentPassword: user.password,
      newPassword: 'password12',
    });
    expect(weak.json().code).toBe('WEAK_PASSWORD');
    expect((await me({ cookie: other.cookie })).statusCode).toBe(200);

    const changed = await user.agent.post('/api/v1/auth/password', {
      currentPassword: user.password,
      newPassword: 'lantern-orchard-pebble-42',
    });
    expect(changed.statusCode).toBe(204);
    expect((await me({ cookie: other.cookie })).statusCode).toBe(401);
    expect((await me({ cookie: user.agent.cookie })).statusCode).toBe(200);
    expect((await me({ token })).statusCode).toBe(200);
    await expect(ctx.loginAs(user.username, user.password)).rejects.toThrow(/401/);
    expect((await ctx.loginAs(user.username, 'lantern-orchard-pebble-42')).cookie).toBeTruthy();
    const audit = await ctx.admin.get(`/api/v1/audit?action=user.password_change&entityId=${user.id}`);
    expect(audit.json().items).toHaveLength(1);
  });

  it('reset by an administrator ends all the account’s sessions and revokes its API tokens', async () => {
    const user = await buildUser(ctx, { role: 'auditor', regionCode: '23' });
    const { token } = (await user.agent.post('/api/v1/auth/tokens', { name: 'bot' })).json();
    const reset = await ctx.admin.patch(`/api/v1/users/${user.id}`, { password: 'lantern-orchard-pebble-43' });
    expect(reset.statusCode).toBe(200);
    expect((await me({ cookie: user.agent.cookie })).statusCode).toBe(401);
    expect((await me({ token })).statusCode).toBe(401);
    expect((await me({ cookie: ctx.admin.cookie })).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('end after the idle timeout as well as at their absolute expiry', async () => {
    const user = await buildUser(ctx, { role: 'auditor', regionCode: '23' });
    expect((await me({ cookie: user.agent.cookie })).statusCode).toBe(200);
    const idle = new Date(Date.now() - (ctx.config.sessionIdleMinutes + 1) * 60_000);
    await ctx.db.updateTable('user_session').set({ last_seen: idle }).where('user_id', '=', user.id).execute();
    expect((await me({ cookie: user.agent.cookie })).statusCode).toBe(401);
  });

  it('get a Secure cookie when the request came over HTTPS through a trusted proxy, not from anyone', async () => {
    const signIn = (remoteAddress: string) =>
      proxied.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress,
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: 'admin', password: 'test-admin-password-1' },
      });
    const viaProxy = (await signIn('10.9.0.5')).cookies.find((c) => c.name === 'cc_session');
    expect(viaProxy?.secure).toBe(true);
    const spoofed = (await signIn('192.0.2.50')).cookies.find((c) => c.name === 'cc_session');
    expect(spoofed?.secure).toBeFalsy();
  });
});
