import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, createTestContext, type TestContext } from '../../test/harness.ts';
import { verifyAuditChain } from './service.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('the audit trail', () => {
  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    await expect(sql`update audit_log set actor_name = 'x'`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(ctx.db)).rejects.toThrow(/append-only/);
  });

  it('verifies an intact chain and reports the first altered row', async () => {
    await ctx.admin.put('/api/v1/regions/2302/population', { population: 4067490, year: 2021 });
    const intact = await ctx.admin.get('/api/v1/audit/verify');
    expect(intact.json()).toMatchObject({ ok: true, brokenAt: null });
    expect(intact.json().checked).toBeGreaterThan(10);

    const target = await ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_id', '=', '2302')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    // Someone with superuser rights goes around the trigger.
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(ctx.db);
    await sql`update audit_log set after = '{"population": 1}' where id = ${target.id}`.execute(ctx.db);
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(ctx.db);
    const verdict = await verifyAuditChain(ctx.db);
    expect(verdict).toMatchObject({ ok: false, brokenAt: Number(target.id), reason: 'row content altered' });
  });

  it('detects a deleted row in the middle of the chain', async () => {
    const fresh = await createTestContext();
    try {
      await fresh.admin.put('/api/v1/regions/2303/population', { population: 1, year: 2021 });
      await fresh.admin.put('/api/v1/regions/2303/population', { population: 2, year: 2021 });
      const rows = await fresh.db
        .selectFrom('audit_log')
        .select('id')
        .where('entity_id', '=', '2303')
        .orderBy('id', 'desc')
        .limit(2)
        .execute();
      // The two rows this test wrote, oldest first; the template has an older one for 2303.
      rows.reverse();
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(fresh.db);
      await sql`delete from audit_log where id = ${rows[0]!.id}`.execute(fresh.db);
      await sql`alter table audit_log enable trigger audit_log_no_update`.execute(fresh.db);
      const verdict = await verifyAuditChain(fresh.db);
      expect(verdict.ok).toBe(false);
      expect(verdict.brokenAt).toBe(Number(rows[1]!.id));
      expect(verdict.reason).toBe('previous row missing or altered');
    } finally {
      await fresh.close();
    }
  });

  it('shows a city administrator only the rows of their city, and refuses inspectors', async () => {
    await ctx.admin.put('/api/v1/regions/2306/population', { population: 2781563, year: 2021 });
    await ctx.admin.put('/api/v1/regions/2301/population', { population: 10009855, year: 2021 });
    const harbin = await buildUser(ctx, { role: 'city_admin', regionCode: '2301' });
    const rows = (await harbin.agent.get('/api/v1/audit?limit=500')).json().items;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r: { regionCode: string }) => r.regionCode?.startsWith('2301'))).toBe(true);
    const inspector = await buildUser(ctx, { role: 'inspector', regionCode: '2301' });
    expect((await inspector.agent.get('/api/v1/audit')).statusCode).toBe(403);
  });

  it('filters by action and actor and pages newest first', async () => {
    const page = (await ctx.admin.get('/api/v1/audit?action=region.population&actor=admin&limit=2')).json();
    expect(page.items).toHaveLength(2);
    expect(page.items[0].id).toBeGreaterThan(page.items[1].id);
    const next = (
      await ctx.admin.get(`/api/v1/audit?action=region.population&actor=admin&limit=2&cursor=${page.nextCursor}`)
    ).json();
    expect(next.items[0].id).toBeLessThan(page.items[1].id);
  });
});
