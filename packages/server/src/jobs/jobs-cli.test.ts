import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test/cli.ts';

const run = (args: string[], env: Record<string, string>) => runCli(args, env);

describe('chuangcheng jobs reminders', () => {
  it('runs the reminder job once as of a date, and refuses a malformed date', () => {
    // An empty database (migrated by the command itself) keeps this light; what the job
    // creates, and that it creates it once, is tested in reminders.test.ts.
    const env = { CHUANGCHENG_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'cc-jobs-')) };
    const json = run(['jobs', 'reminders', '--as-of', '2019-06-15', '--json'], env);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ asOf: '2019-06-15', tasks: 0, notices: 0, actionItems: 0, escalated: 0 });
    const bad = run(['jobs', 'reminders', '--as-of', '15.06.2019'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--as-of');
  }, 600_000);
});
