import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/schema.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { inclusionProofHolds, referenceRoot, verifyConsistency } from '../../test/rfc9162-verifier.ts';
import { exportCheckpoints } from './proofs.ts';
import { sequenceAuditLog } from './sequencer.ts';
import { generateSigner } from './signing.ts';
import { verifyAuditLog } from './verify.ts';

let ctx: TestContext;
const signer = generateSigner();
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

const seal = () => sequenceAuditLog(ctx.db, { signer });

/** Writes `n` audited changes in the Daqing shard (2306). */
async function writeDaqing(n: number, from = 1) {
  for (let i = from; i < from + n; i++) {
    const res = await ctx.admin.put('/api/v1/regions/2306/population', { population: 2_780_000 + i, year: 2021 });
    expect(res.statusCode).toBe(200);
  }
}

/** Someone with superuser rights goes around the append-only triggers. */
async function tamper(db: Kysely<Database>, ...statements: ReturnType<typeof sql>[]) {
  const triggers = [
    ['audit_log', 'audit_log_no_update'],
    ['audit_leaf', 'audit_leaf_no_update'],
    ['audit_checkpoint', 'audit_checkpoint_no_update'],
  ];
  for (const [table, trigger] of triggers) await sql.raw(`alter table ${table} disable trigger ${trigger}`).execute(db);
  for (const statement of statements) await statement.execute(db);
  for (const [table, trigger] of triggers) await sql.raw(`alter table ${table} enable trigger ${trigger}`).execute(db);
}

const problemsOf = async (external: Awaited<ReturnType<typeof exportCheckpoints>> = []) =>
  (await verifyAuditLog(ctx.db, { external })).shards.find((s) => s.shard === '2306')!.problems;

describe('the verifiable audit log', () => {
  it('serves inclusion and consistency proofs that an independent RFC 9162 verifier accepts', async () => {
    await writeDaqing(3);
    await seal();
    const first = (await ctx.admin.get('/api/v1/audit/checkpoints'))
      .json()
      .checkpoints.find((c: { shard: string }) => c.shard === '2306');
    await writeDaqing(4, 10);
    await seal();

    const [entry] = (await ctx.admin.get('/api/v1/audit?entityId=2306&limit=1')).json().items;
    const proof = (await ctx.admin.get(`/api/v1/audit/${entry.id}/proof`)).json();
    expect(proof).toMatchObject({ entryId: entry.id, shard: '2306', leafIndex: entry.seq });
    expect(JSON.parse(proof.entry)).toMatchObject({ id: entry.id, after: entry.after });
    expect(inclusionProofHolds(proof)).toBe(true);
    // The checkpoint is signed by the published key and commits to the proof's root.
    const { keys } = (await ctx.app.inject({ url: '/api/v1/public/audit/public-keys' })).json();
    const key = keys.find((k: { publicKey: string }) => k.publicKey === proof.checkpoint.publicKey);
    expect(key).toBeDefined();
    expect(
      crypto.verify(
        null,
        Buffer.from(proof.checkpoint.body),
        key.publicKey,
        Buffer.from(proof.checkpoint.signature, 'base64'),
      ),
    ).toBe(true);
    expect(proof.checkpoint.body.split('\n')[2]).toBe(Buffer.from(proof.rootHash, 'hex').toString('base64'));

    const consistency = (await ctx.admin.get(`/api/v1/audit/consistency?shard=2306&first=${first.size}`)).json();
    expect(consistency).toMatchObject({ first: first.size, second: proof.treeSize, firstRoot: first.rootHash });
    expect(
      verifyConsistency({
        first: consistency.first,
        second: consistency.second,
        firstHash: first.rootHash,
        secondHash: proof.rootHash,
        consistencyPath: consistency.consistencyPath,
      }),
    ).toBe(true);

    // An entry not yet sequenced has no proof yet, and says so.
    await writeDaqing(1, 20);
    const [pending] = (await ctx.admin.get('/api/v1/audit?entityId=2306&limit=1')).json().items;
    const early = await ctx.admin.get(`/api/v1/audit/${pending.id}/proof`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('AUDIT_ENTRY_PENDING');
    expect((await ctx.admin.get('/api/v1/audit/consistency?shard=2306&first=999999')).json().code).toBe(
      'AUDIT_TREE_SIZE',
    );
  });

  it('detects an edited entry', async () => {
    await writeDaqing(3);
    await seal();
    const target = await ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_id', '=', '2306')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await tamper(ctx.db, sql`update audit_log set after = '{"population": 1}' where id = ${target.id}`);
    const problems = await problemsOf();
    expect(problems.some((p) => p.includes(`entry ${target.id} `) && p.endsWith('was altered'))).toBe(true);
    expect(problems.some((p) => p.includes('history rewritten or reordered'))).toBe(true);
  });

  it('detects a reordered history', async () => {
    await writeDaqing(3);
    await seal();
    const last = await ctx.db
      .selectFrom('audit_tree')
      .select('size')
      .where('shard', '=', '2306')
      .executeTakeFirstOrThrow();
    const [a, b] = [Number(last.size) - 2, Number(last.size) - 1];
    // Swap the positions of the two newest entries, leaves and all.
    await tamper(
      ctx.db,
      sql`update audit_leaf set seq = -1 where shard = '2306' and seq = ${a}`,
      sql`update audit_leaf set seq = ${a} where shard = '2306' and seq = ${b}`,
      sql`update audit_leaf set seq = ${b} where shard = '2306' and seq = -1`,
    );
    const problems = await problemsOf();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^the first \d+ entries do not match the checkpoint signed .* \(database\): history rewritten or reordered$/,
    );
  });

  it('detects a deleted tail, against the database and against a checkpoint kept elsewhere', async () => {
    await writeDaqing(3);
    await seal();
    const keptElsewhere = await exportCheckpoints(ctx.db);
    const size = Number(
      (await ctx.db.selectFrom('audit_tree').select('size').where('shard', '=', '2306').executeTakeFirstOrThrow()).size,
    );
    // Remove the newest entry and its leaf; then even the database's checkpoints of the shard.
    await tamper(
      ctx.db,
      sql`delete from audit_log where id in (select entry_id from audit_leaf where shard = '2306' and seq = ${size - 1})`,
      sql`delete from audit_leaf where shard = '2306' and seq = ${size - 1}`,
    );
    expect((await problemsOf()).join('\n')).toMatch(
      new RegExp(`covers ${size} entries but only ${size - 1} remain: entries were removed from the end`),
    );
    await tamper(ctx.db, sql`delete from audit_checkpoint where shard = '2306'`);
    const withoutFile = await problemsOf();
    // Only the sequencer's own record still hints at it; the external checkpoint proves it.
    expect(withoutFile).toEqual([`the sequencer recorded ${size} entries but only ${size - 1} remain`]);
    const withFile = await problemsOf(keptElsewhere);
    expect(withFile.join('\n')).toMatch(/\(file\) covers \d+ entries but only \d+ remain/);
  });

  it('refuses a forged checkpoint', async () => {
    await writeDaqing(1);
    await seal();
    const [kept] = (await exportCheckpoints(ctx.db)).filter((c) => c.shard === '2306');
    const forged = { ...kept!, body: kept!.body.replace(/\n\d+\n/, `\n${kept!.size + 5}\n`) };
    expect(await problemsOf([forged])).toEqual([`a checkpoint of size ${kept!.size} (file) is not validly signed`]);
  });

  it('sequences parallel writes exactly once, with several sequencers racing, into a consistent tree', async () => {
    const writes = Array.from({ length: 24 }, (_, i) =>
      ctx.admin.put(`/api/v1/regions/${['2301', '2302', '2306'][i % 3]}/population`, {
        population: 1000 + i,
        year: 2022,
      }),
    );
    const sequencers = Array.from({ length: 4 }, () => seal());
    const responses = await Promise.all(writes);
    expect(responses.every((r) => r.statusCode === 200)).toBe(true);
    await Promise.all(sequencers);
    await seal();

    const counts = await sql<{ entries: number; leaves: number; distinct_entries: number; queued: number }>`
      select (select count(*) from audit_log) as entries, (select count(*) from audit_leaf) as leaves,
             (select count(distinct entry_id) from audit_leaf) as distinct_entries,
             (select count(*) from audit_queue) as queued`.execute(ctx.db);
    const row = counts.rows[0]!;
    expect(Number(row.queued)).toBe(0);
    expect(Number(row.leaves)).toBe(Number(row.entries));
    expect(Number(row.distinct_entries)).toBe(Number(row.entries));

    const verdict = await verifyAuditLog(ctx.db);
    expect(verdict.ok).toBe(true);
    for (const shard of ['2301', '2302', '2306']) {
      const leaves = await ctx.db
        .selectFrom('audit_leaf')
        .select('leaf_hash')
        .where('shard', '=', shard)
        .orderBy('seq')
        .execute();
      const tree = await ctx.db
        .selectFrom('audit_tree')
        .selectAll()
        .where('shard', '=', shard)
        .executeTakeFirstOrThrow();
      expect(tree.root_hash.toString('hex')).toBe(referenceRoot(leaves.map((l) => l.leaf_hash.toString('hex'))));
    }
  });
});
