import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildUser, fileTestContext } from '../../test/harness.ts';
import { sequenceAuditLog } from './sequencer.ts';
import { generateSigner } from './signing.ts';

const ctx = fileTestContext();

describe('the audit trail', () => {
  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    await expect(sql`update audit_log set actor_name = 'x'`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(ctx.db)).rejects.toThrow(/append-only/);
  });

  it('lists an entry as pending until the sequencer gives it a position, then verifies every tree', async () => {
    await ctx.admin.put('/api/v1/regions/2302/population', { population: 4067490, year: 2021 });
    const [written] = (await ctx.admin.get('/api/v1/audit?entityId=2302&limit=1')).json().items;
    expect(written).toMatchObject({ action: 'region.population', shard: '2302', seq: null, pending: true });

    const run = await sequenceAuditLog(ctx.db, { signer: generateSigner() });
    expect(run.sequenced).toBeGreaterThan(0);
    const [sequenced] = (await ctx.admin.get('/api/v1/audit?entityId=2302&limit=1')).json().items;
    expect(sequenced).toMatchObject({ id: written.id, pending: false });
    expect(sequenced.seq).toBeGreaterThanOrEqual(0);

    const verdict = (await ctx.admin.get('/api/v1/audit/verify')).json();
    expect(verdict).toMatchObject({ ok: true, pending: 0 });
    expect(verdict.entries).toBeGreaterThan(10);
    expect(verdict.shards.find((s: { shard: string }) => s.shard === '2302')).toMatchObject({
      problems: [],
      checkpointsChecked: 1,
    });
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
