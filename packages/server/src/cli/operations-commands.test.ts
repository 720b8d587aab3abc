import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection.ts';
import { runCli } from '../test/cli.ts';

// The operators' commands that had no test (noted in session 11): `outbox status` and `outbox dead`,
// and the 督办单 number prefixes of `supervision notice-prefix(es)`. Each command starts Node and
// opens the data directory: slow when the machine is busy.

const run = (args: string[], env: Record<string, string>) => runCli(args, env);

/** A data directory holding one province and one city with a creation office. */
function dataDirWithOffice(): { dataDir: string; env: Record<string, string> } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ops-'));
  const env = { CHUANGCHENG_DATA_DIR: dataDir };
  const regions = path.join(dataDir, 'regions.csv');
  fs.writeFileSync(regions, 'code,name,parent_code\n99,测试省,\n9901,测试市,99\n');
  expect(run(['regions', 'import', '--file', regions], env).code).toBe(0);
  const units = path.join(dataDir, 'units.yaml');
  fs.writeFileSync(
    units,
    'units:\n' +
      "  - code: city-office\n    name: 测试市文明办\n    kind: creation_office\n    regionCode: '9901'\n" +
      "  - code: province-office\n    name: 测试省文明办\n    kind: creation_office\n    regionCode: '99'\n",
  );
  expect(run(['org-units', units], env).code).toBe(0);
  return { dataDir, env };
}

// The commands run on a data directory of their own (PGlite) whatever the tier's database is, so the
// PostgreSQL tiers would repeat the same run.
describe.skipIf(process.env.TEST_DB_KIND === 'postgres')(
  'chuangcheng outbox and supervision commands',
  { timeout: 900_000 },
  () => {
    it('reports the outbox, exits 3 while a dead letter waits, and lists it', async () => {
      const { dataDir, env } = dataDirWithOffice();
      const clean = run(['outbox', 'status', '--json'], env);
      expect(clean.code, clean.stderr).toBe(0);
      expect(JSON.parse(clean.stdout)).toMatchObject({ deadLetters: 0 });

      // A delivery that failed every attempt, as the worker leaves it.
      const handle = await openDatabase({ kind: 'pglite', dataDir });
      try {
        const event = await handle.db
          .insertInto('outbox_event')
          .values({ name: 'test.event', version: 1, payload: '{}', status: 'done' })
          .returning('id')
          .executeTakeFirstOrThrow();
        await handle.db
          .insertInto('outbox_delivery')
          .values({
            event_id: event.id,
            subscriber: 'test.subscriber',
            status: 'dead',
            attempts: 8,
            last_error: '模拟失败',
          })
          .execute();
      } finally {
        await handle.close();
      }

      const status = run(['outbox', 'status'], env);
      expect(status.code).toBe(3);
      expect(status.stdout).toContain('1 dead letters');
      const dead = run(['outbox', 'dead', '--json'], env);
      expect(dead.code, dead.stderr).toBe(0);
      expect(JSON.parse(dead.stdout)).toEqual([
        expect.objectContaining({
          name: 'test.event',
          subscriber: 'test.subscriber',
          attempts: 8,
          last_error: '模拟失败',
        }),
      ]);
      const badLimit = run(['outbox', 'dead', '--limit', 'none'], env);
      expect(badLimit.code).toBe(2);
      expect(badLimit.stderr).toContain('--limit must be a positive whole number');
    });

    it('sets an office’s 督办单 prefix, lists it, and refuses a clash, a bad prefix and an unknown office', () => {
      const { env } = dataDirWithOffice();
      expect(run(['supervision', 'notice-prefixes'], env).stdout).toContain('no prefixes configured');

      const set = run(['supervision', 'notice-prefix', '测试市文明办', '测市督', '--json'], env);
      expect(set.code, set.stderr).toBe(0);
      expect(JSON.parse(set.stdout)).toMatchObject({ name: '测试市文明办', prefix: '测市督' });

      const clash = run(['supervision', 'notice-prefix', '测试省文明办', '测市督'], env);
      expect(clash.code).toBe(2);
      expect(clash.stderr).toContain('测试市文明办');
      expect(run(['supervision', 'notice-prefix', '测试省文明办', '有 空格'], env).code).toBe(2);
      expect(run(['supervision', 'notice-prefix', '没有这个办', '测省督'], env).stderr).toContain(
        'no organisation named',
      );

      const listed = run(['supervision', 'notice-prefixes', '--json'], env);
      expect(listed.code, listed.stderr).toBe(0);
      expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ name: '测试市文明办', prefix: '测市督' })]);
    });
  },
);
