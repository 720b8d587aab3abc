import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config.ts';

const BIN = path.join(REPO_ROOT, 'packages/server/bin/chuangcheng.js');

function run(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('chuangcheng jobs reminders', () => {
  it('runs the reminder job once as of a date, and a repeat creates nothing', () => {
    const env = { CHUANGCHENG_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'cc-jobs-')) };
    expect(run(['dataset', 'heilongjiang'], env).code).toBe(0);
    const first = run(['jobs', 'reminders', '--as-of', '2019-06-15', '--json'], env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ asOf: '2019-06-15', notices: 0, escalated: 0 });
    expect(JSON.parse(first.stdout).tasks).toBeGreaterThan(0);
    const again = run(['jobs', 'reminders', '--as-of', '2019-06-15'], env);
    expect(again.stdout).toContain('reminders as of 2019-06-15: 0 task, 0 notice, 0 action item notifications');
    const bad = run(['jobs', 'reminders', '--as-of', '15.06.2019'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--as-of');
  }, 120_000);
});
