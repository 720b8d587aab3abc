import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigner } from '../modules/audit/signing.ts';
import { createTestContext, type TestContext } from '../test/harness.ts';
import { databaseUrl, dropDatabaseWhenIdle, testDbKind, withAdminDatabase } from '../test/databases.ts';
import { openDatabase, type DatabaseHandle } from './connection.ts';
import { readManifest, restoreBackup, writeBackup } from './backup.ts';

let ctx: TestContext;
const created: { handle: DatabaseHandle; drop: () => Promise<void> }[] = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-backup-test-'));

/** An empty database of the tier's kind: a new PostgreSQL database, or an in-memory PGlite. */
async function emptyDatabase(): Promise<DatabaseHandle> {
  if (testDbKind() === 'postgres') {
    const name = `cc_test_restore_${crypto.randomBytes(6).toString('hex')}`;
    await withAdminDatabase((c) => c.query(`create database ${name}`));
    const handle = await openDatabase({ kind: 'postgres', url: databaseUrl(name), poolSize: 2 });
    created.push({
      handle,
      drop: () => dropDatabaseWhenIdle(name),
    });
    return handle;
  }
  const handle = await openDatabase({ kind: 'pglite', dataDir: null });
  created.push({ handle, drop: async () => {} });
  return handle;
}

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
  for (const c of created) {
    await c.handle.close();
    await c.drop();
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('backup and restore', () => {
  const uploads = path.join(tmp, 'uploads');
  const backup = path.join(tmp, 'backup');

  it('writes one snapshot with its manifest and restores it into an empty database, proven by counts and the audit log', async () => {
    await ctx.admin.put('/api/v1/regions/2303/population', { population: 654321, year: 2022 });
    fs.mkdirSync(path.join(uploads, 'ab'), { recursive: true });
    fs.writeFileSync(path.join(uploads, 'ab', 'evidence.pdf'), '%PDF-1.4 evidence');

    const manifest = await writeBackup(ctx.db, backup, { signer: generateSigner(), uploadsDir: uploads });
    expect(readManifest(backup)).toEqual(manifest);
    expect(manifest.tables.find((t) => t.table === 'region')!.rows).toBeGreaterThan(1000);
    expect(manifest.migrations.length).toBeGreaterThan(5);
    expect(manifest.checkpoints.length).toBeGreaterThan(0);
    expect(manifest.uploads).toEqual({ files: 1, bytes: 17 });

    const target = await emptyDatabase();
    const restoredUploads = path.join(tmp, 'restored-uploads');
    const result = await restoreBackup(target.db, backup, { uploadsDir: restoredUploads });
    expect(result.mismatched).toEqual([]);
    expect(result.audit).toMatchObject({ ok: true });
    expect(result.audit.entries).toBeGreaterThan(10);
    expect(result.ok).toBe(true);
    expect(result.migrationsAppliedAfter).toEqual([]);
    expect(fs.readFileSync(path.join(restoredUploads, 'ab', 'evidence.pdf'), 'utf8')).toBe('%PDF-1.4 evidence');

    // The restored rows read back the same (jsonb, timestamps, numerics).
    const population = (db: DatabaseHandle['db']) =>
      db
        .selectFrom('audit_log')
        .selectAll()
        .where('entity_id', '=', '2303')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
    expect(await population(target.db)).toEqual(await population(ctx.db));
  });

  it('refuses a non-empty backup directory and a target that holds data, and writes nothing', async () => {
    await expect(writeBackup(ctx.db, backup, { signer: generateSigner(), uploadsDir: uploads })).rejects.toThrow(
      /not empty/,
    );
    await expect(restoreBackup(ctx.db, backup, { uploadsDir: path.join(tmp, 'unused') })).rejects.toThrow(
      /already holds data/,
    );
    expect(fs.existsSync(path.join(tmp, 'unused'))).toBe(false);
  });

  it('finds an audit entry edited inside the backup file', async () => {
    const tampered = path.join(tmp, 'tampered');
    fs.cpSync(backup, tampered, { recursive: true });
    const file = path.join(tampered, 'database.ndjson.gz');
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
    // The audit entry of the population change (a line of the audit_log table) says 654321; make it 654322.
    const start = text.indexOf('\n@audit_log\n');
    const end = text.indexOf('\n@', start + 1);
    const section = text.slice(start, end);
    const edited = text.slice(0, start) + section.replace('654321', '654322') + text.slice(end);
    expect(edited).not.toBe(text);
    fs.writeFileSync(file, zlib.gzipSync(edited));

    const target = await emptyDatabase();
    const result = await restoreBackup(target.db, tampered, { uploadsDir: path.join(tmp, 'tampered-uploads') });
    expect(result.mismatched).toEqual([]);
    expect(result.audit.ok).toBe(false);
    expect(result.ok).toBe(false);
  });

  it('refuses a backup from a newer version', async () => {
    const newer = path.join(tmp, 'newer');
    fs.cpSync(backup, newer, { recursive: true });
    const manifest = readManifest(newer);
    manifest.migrations.push('29990101T0000_from-the-future.sql');
    fs.writeFileSync(path.join(newer, 'manifest.json'), JSON.stringify(manifest));
    const target = await emptyDatabase();
    await expect(restoreBackup(target.db, newer, { uploadsDir: path.join(tmp, 'x') })).rejects.toThrow(
      /newer version.*from-the-future/,
    );
  });
});
