import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test/cli.ts';
import { systemActorOfRoot } from '../bootstrap.ts';
import { resetPassword } from '../modules/users/service.ts';
import { createTestContext, type TestContext } from '../test/harness.ts';

const run = (args: string[], env: Record<string, string>) => runCli(args, env);

describe('a lost password is reset from the command line', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('signs the account out everywhere, takes the new password and writes an audit row', async () => {
    const before = ctx.admin;
    expect((await before.get('/api/v1/auth/me')).statusCode).toBe(200);

    await resetPassword(ctx.db, await systemActorOfRoot(ctx.db), 'admin', 'Reset-From-The-Shell-2026');

    expect((await before.get('/api/v1/auth/me')).statusCode).toBe(401);
    const after = await ctx.loginAs('admin', 'Reset-From-The-Shell-2026');
    const audit = await after.get('/api/v1/audit?entityType=user&action=user.update_with_password');
    const rows = audit.json().items as { after: { username: string } }[];
    expect(rows.map((row) => row.after.username)).toContain('admin');
    expect(JSON.stringify(rows)).not.toContain('Reset-From-The-Shell-2026');
  });

  it('refuses an unknown account without changing anything', async () => {
    await expect(
      resetPassword(ctx.db, await systemActorOfRoot(ctx.db), 'nobody-here', 'Another-Password-2026'),
    ).rejects.toMatchObject({ status: 404 });
  });
});

// Each command starts Node and opens a database: slow when the machine is busy.
describe('chuangcheng users reset-password', { timeout: 900_000 }, () => {
  it('prints a generated password when none is given, takes a given one, refuses a short one', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-reset-'));
    const env = { CHUANGCHENG_DATA_DIR: dataDir };
    try {
      const regions = path.join(dataDir, 'regions.csv');
      fs.writeFileSync(regions, 'code,name,parent_code\n99,测试省,\n');
      expect(run(['regions', 'import', '--file', regions], env).code).toBe(0);
      const created = run(['users', 'create', '--username', 'office', '--role', 'province_admin', '--region', '99'], {
        ...env,
        CHUANGCHENG_NEW_PASSWORD: 'First-Password-2026',
      });
      expect(created.code, created.stderr).toBe(0);

      const generated = run(['users', 'reset-password', '--username', 'office', '--json'], env);
      expect(generated.code, generated.stderr).toBe(0);
      const answer = JSON.parse(generated.stdout) as { username: string; password: string };
      expect(answer.username).toBe('office');
      expect(answer.password.length).toBeGreaterThanOrEqual(10);

      const given = run(['users', 'reset-password', '--username', 'office', '--password', 'Chosen-Password-2026'], env);
      expect(given.code, given.stderr).toBe(0);
      expect(given.stdout).toContain('signed out everywhere');
      expect(given.stdout).not.toContain('Chosen-Password-2026');

      // An unknown account and the audit rows are the service tests' (above); each spawn is slow.
      const short = run(['users', 'reset-password', '--username', 'office', '--password', 'short'], env);
      expect(short.code).toBe(2);
      expect(short.stderr).toContain('--password');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
