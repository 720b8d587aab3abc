import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './connection.ts';
import { migrate, MigrationError } from './migrate.ts';
import { acquireDataDirLock } from './lock.ts';
import { ConfigError } from '../config.ts';

let handle: DatabaseHandle | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

function migrationsDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-migrations-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('migrations', () => {
  it('apply in order, once, and a failing file leaves the database as it was', async () => {
    handle = await openDatabase({ kind: 'pglite', dataDir: null });
    const dir = migrationsDir({
      '20260101T0000_create-a.sql': 'create table a (id int primary key);',
      '20260102T0000_create-b.sql': 'create table b (id int); insert into b values (1);',
      '20260103T0000_broken.sql': 'create table c (id int); insert into c values (1); select * from no_such_table;',
    });
    const error = await migrate(handle.db, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).file).toBe('20260103T0000_broken.sql');
    expect((error as Error).message).toMatch(/no_such_table/);
    const tables = await sql<{
      name: string;
    }>`select tablename as name from pg_tables where schemaname = 'public' order by 1`.execute(handle.db);
    expect(tables.rows.map((r) => r.name)).toEqual(['a', 'b', 'schema_migration']);
    const recorded = await handle.db.selectFrom('schema_migration').select('name').orderBy('name').execute();
    expect(recorded.map((r) => r.name)).toEqual(['20260101T0000_create-a.sql', '20260102T0000_create-b.sql']);

    fs.writeFileSync(path.join(dir, '20260103T0000_broken.sql'), 'create table c (id int);');
    const again = await migrate(handle.db, dir);
    expect(again.applied).toEqual(['20260103T0000_broken.sql']);
    expect((await migrate(handle.db, dir)).applied).toEqual([]);
  });
});

describe('the data directory lock', () => {
  it('refuses a second owner with a message that says what to do, and takes over a stale lock', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-lock-'));
    const release = acquireDataDirLock(dir);
    // Our own pid counts as a live holder only for other processes; fake another live one.
    fs.writeFileSync(path.join(dir, 'chuangcheng.lock'), String(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrow(ConfigError);
    expect(() => acquireDataDirLock(dir)).toThrow(/in use by another Chuangcheng process/);
    // A pid that cannot exist: the lock is stale and is taken over.
    fs.writeFileSync(path.join(dir, 'chuangcheng.lock'), '999999999');
    const again = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'chuangcheng.lock'), 'utf8')).toBe(String(process.pid));
    again();
    release();
    expect(fs.existsSync(path.join(dir, 'chuangcheng.lock'))).toBe(false);
  });

  it('reports a data directory that cannot be created', () => {
    // Root may write anywhere, so use a path below a regular file instead of a read-only one.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cc-lock-')), 'a-file');
    fs.writeFileSync(file, '');
    expect(() => acquireDataDirLock(path.join(file, 'data'))).toThrow(/not writable \(ENOTDIR\)/);
  });
});
