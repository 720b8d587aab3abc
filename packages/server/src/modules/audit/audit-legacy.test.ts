import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '@chuangcheng/core';
import { openDatabase, type DatabaseHandle } from '../../db/connection.ts';
import { migrate } from '../../db/migrate.ts';
import { sequenceAuditLog } from './sequencer.ts';
import { generateSigner } from './signing.ts';
import { verifyAuditLog } from './verify.ts';

const MIGRATIONS = path.join(import.meta.dirname, '../../db/migrations');
const FIRST_OF_THE_LOG = '20261206T1500_create-audit-log-tree.sql';

// The migration is plain SQL that runs the same on both databases; an in-memory PGlite lets this
// test stop the schema just before it, which a copy of the shared test template cannot.
let handle: DatabaseHandle;
beforeAll(async () => {
  const before = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-audit-legacy-'));
  for (const file of fs.readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql') && f < FIRST_OF_THE_LOG)) {
    fs.copyFileSync(path.join(MIGRATIONS, file), path.join(before, file));
  }
  handle = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrate(handle.db, before);
  fs.rmSync(before, { recursive: true });
});
afterAll(() => handle.close());

/** Appends a row the way the hash-chained trail did before the verifiable log. */
async function appendChained(id: number, regionCode: string | null, after: unknown, prevHash: string) {
  const row = {
    id,
    at: new Date(Date.UTC(2026, 10, 1, 8, id)),
    actor_id: null,
    actor_name: 'system',
    action: 'region.population',
    entity_type: 'region',
    entity_id: regionCode ?? 'login',
    region_code: regionCode,
    prefecture_code: regionCode?.slice(0, 4) ?? null,
    before: null,
    after,
    request_id: null,
    prev_hash: prevHash,
  };
  const text = canonicalJson({
    id,
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    regionCode: row.region_code,
    prefectureCode: row.prefecture_code,
    before: null,
    after,
    requestId: null,
    prevHash,
  });
  const hash = crypto.createHash('sha256').update(text).digest('hex');
  await sql`insert into audit_log (id, at, actor_id, actor_name, action, entity_type, entity_id, region_code,
      prefecture_code, before, after, request_id, prev_hash, hash)
    values (${id}, ${row.at}, null, 'system', ${row.action}, ${row.entity_type}, ${row.entity_id}, ${regionCode},
      ${row.prefecture_code}, null, ${JSON.stringify(after)}, null, ${prevHash}, ${hash})`.execute(handle.db);
  return hash;
}

describe('rows of the old hash chain', () => {
  it('move into the trees of their shards, and their chain is still checked', async () => {
    let prev = '0'.repeat(64);
    prev = await appendChained(1, '230102', { population: 1 }, prev);
    prev = await appendChained(2, null, { signedIn: true }, prev);
    await appendChained(3, '2301', { population: 3 }, prev);

    const { applied } = await migrate(handle.db);
    expect(applied).toContain(FIRST_OF_THE_LOG);
    const shards = await handle.db.selectFrom('audit_log').select(['id', 'shard']).orderBy('id').execute();
    expect(shards.map((r) => r.shard)).toEqual(['2301', '00', '2301']);

    const run = await sequenceAuditLog(handle.db, { signer: generateSigner() });
    expect(run).toMatchObject({ sequenced: 3, checkpointed: ['00', '2301'] });
    const intact = await verifyAuditLog(handle.db);
    expect(intact).toMatchObject({ ok: true, entries: 3, pending: 0, legacyChain: { checked: 3, brokenAt: null } });

    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(handle.db);
    await sql`update audit_log set after = '{"population": 2}' where id = 1`.execute(handle.db);
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(handle.db);
    const broken = await verifyAuditLog(handle.db);
    expect(broken.ok).toBe(false);
    expect(broken.legacyChain).toMatchObject({ brokenAt: 1, reason: 'row content altered' });
    expect(broken.shards.find((s) => s.shard === '2301')!.problems[0]).toBe('entry 1 at position 0 was altered');
  });
});
