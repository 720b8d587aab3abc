import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveDatabase } from '../cli/database-commands.ts';
import { generateSigner } from '../modules/audit/signing.ts';
import { recordAudit } from '../modules/audit/service.ts';
import { createTestContext, type TestContext } from '../test/harness.ts';
import { databaseUrl, dropDatabaseWhenIdle, testDbKind, withAdminDatabase } from '../test/databases.ts';
import { openDatabase, type DatabaseHandle } from './connection.ts';

let ctx: TestContext;
let target: DatabaseHandle;
let dropTarget = async () => {};
beforeAll(async () => {
  ctx = await createTestContext();
  // The target is an empty PostgreSQL database when the tier runs on PostgreSQL, else an empty PGlite.
  if (testDbKind() === 'postgres') {
    const name = `cc_test_move_${crypto.randomBytes(6).toString('hex')}`;
    await withAdminDatabase((c) => c.query(`create database ${name}`));
    target = await openDatabase({ kind: 'postgres', url: databaseUrl(name), poolSize: 2 });
    dropTarget = () => dropDatabaseWhenIdle(name);
  } else {
    target = await openDatabase({ kind: 'pglite', dataDir: null });
  }
});
afterAll(async () => {
  await ctx.close();
  await target.close();
  await dropTarget();
});

describe('moving a database', () => {
  it('copies every table, proves the counts and the audit log against its checkpoints, and keeps ids going', async () => {
    await ctx.admin.put('/api/v1/regions/2303/population', { population: 123456, year: 2021 });
    const result = await moveDatabase(ctx.db, target.db, generateSigner());
    expect(result.mismatched).toEqual([]);
    expect(result.audit).toMatchObject({ ok: true, pending: 0 });
    expect(result.audit.entries).toBeGreaterThan(10);
    expect(result.audit.shards.every((s) => s.checkpointsChecked === 2)).toBe(true);
    expect(result.ok).toBe(true);
    const regions = result.counts.find((c) => c.table === 'region')!;
    expect(regions.target).toBeGreaterThan(1000);
    expect(result.counts.find((c) => c.table === 'audit_leaf')!.target).toBe(result.audit.entries);

    // The copied data reads back the same (jsonb, timestamps), and new ids follow the copied ones.
    const entry = (db: DatabaseHandle['db']) =>
      db
        .selectFrom('audit_log')
        .selectAll()
        .where('entity_id', '=', '2303')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
    expect(await entry(target.db)).toEqual(await entry(ctx.db));
    const before = await sql<{ id: number }>`select max(id) as id from audit_log`.execute(target.db);
    await target.db
      .transaction()
      .execute((trx) => recordAudit(trx, { actor: null }, { action: 'test.moved', entityType: 'test', entityId: 'x' }));
    const after = await target.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'test.moved')
      .executeTakeFirstOrThrow();
    expect(after.id).toBeGreaterThan(Number(before.rows[0]!.id));
  });

  it('refuses a target that already holds data, and leaves it as it was', async () => {
    await expect(moveDatabase(ctx.db, target.db, generateSigner())).rejects.toThrow(/already holds data/);
  });
});
